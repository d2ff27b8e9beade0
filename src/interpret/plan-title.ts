/**
 * A plan's title from the bold or heading lines before its first table. A pasted plan often
 * starts with the page's running header ("B&NES Improvement Plan – January 2013 update",
 * "… Board – Improvement Plan – OFFICIAL"), which Word keeps out of the body: it is not the title,
 * so the same plan gets the same title in every format.
 */

/** A line shaped like a running header: parts joined by spaced dashes or bars, or a marking. */
export function isRunningHeader(line: string): boolean {
  return line.split(/\s[–—|]\s|\s-\s/).length >= 2 || /\b(?:OFFICIAL|PROTECT|RESTRICTED|CONFIDENTIAL)\b|\bpage\s+\d+\b/.test(line)
}

/** Lines up to the first that names the plan, at most three; null when there are none. */
export function titleFrom(lines: readonly string[]): string | null {
  // A running header stands first, with the real title lines after it.
  const body = lines.length >= 3 && isRunningHeader(lines[0]!) ? lines.slice(1) : lines
  const title: string[] = []
  for (const line of body) {
    if (title.length >= 3 || /\bplan\b/i.test(title.join(' '))) break
    title.push(line)
  }
  return title.length ? title.join(' ') : null
}
