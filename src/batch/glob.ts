/**
 * Shell-style globs for --include / --exclude (Node 20 has no path.matchesGlob): `*` and `?`
 * within one path segment, `**` across segments, `{a,b}` alternatives, `[abc]` classes. A pattern
 * without a slash matches any one file or folder name, as .gitignore does.
 */
export function globToRegExp(pattern: string): RegExp {
  let re = ''
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i]!
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // "**/" matches zero or more whole directories.
        const slash = pattern[i + 2] === '/'
        re += slash ? '(?:.*/)?' : '.*'
        i += slash ? 2 : 1
      } else re += '[^/]*'
    } else if (c === '?') re += '[^/]'
    else if (c === '{') {
      const close = pattern.indexOf('}', i)
      if (close < 0) re += '\\{'
      else {
        re += `(?:${pattern.slice(i + 1, close).split(',').map((alt) => globToRegExp(alt).source.slice(1, -1)).join('|')})`
        i = close
      }
    } else if (c === '[') {
      const close = pattern.indexOf(']', i)
      if (close < 0) re += '\\['
      else {
        re += `[${pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`
        i = close
      }
    } else re += /[.+^$()|\\]/.test(c) ? `\\${c}` : c
  }
  return new RegExp(`^${re}$`, process.platform === 'win32' ? 'i' : '')
}

export function matchesGlob(path: string, pattern: string): boolean {
  const normal = path.replace(/\\/g, '/').replace(/^\.\//, '')
  const clean = pattern.replace(/^\.\//, '')
  // Without a slash, as in .gitignore, the pattern matches any one segment: a file or a folder name.
  if (!clean.includes('/')) return normal.split('/').some((segment) => globToRegExp(clean).test(segment))
  return globToRegExp(clean).test(normal) || globToRegExp(`**/${clean}`).test(normal)
}

/** Keeps a path when it matches some include (or there are none) and no exclude. */
export function selectPaths(paths: readonly string[], include: readonly string[], exclude: readonly string[]): string[] {
  return paths.filter((p) => (include.length === 0 || include.some((g) => matchesGlob(p, g))) && !exclude.some((g) => matchesGlob(p, g)))
}
