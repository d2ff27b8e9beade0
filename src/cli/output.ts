/** Data goes to stdout, messages and progress to stderr; each write is one line. */

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
}

export function err(text: string): void {
  process.stderr.write(`${text}\n`)
}

export const outLines = (lines: readonly string[]): void => lines.forEach(out)
export const errLines = (lines: readonly string[]): void => lines.forEach(err)

export const outJson = (value: unknown): void => out(JSON.stringify(value, null, 2))
