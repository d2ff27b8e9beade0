import picomatch from 'picomatch'

/**
 * --include / --exclude globs, matched by picomatch (nested braces, escapes, extglobs and classes
 * as a shell has them; the hand-written matcher before it failed nested braces and escapes).
 * A pattern without a slash matches any one file or folder name, as .gitignore does, so
 * `drafts` leaves out everything under a folder called drafts.
 */

const OPTIONS = { dot: true, nocase: process.platform === 'win32' } as const

type Matcher = (path: string) => boolean

const cache = new Map<string, Matcher>()

function matcher(pattern: string): Matcher {
  let match = cache.get(pattern)
  if (!match) {
    // A shell's negated class is [!…]; picomatch reads only the regex spelling [^…].
    const clean = pattern.replace(/^\.\//, '').replace(/(^|[^\\])\[!/g, '$1[^')
    if (clean.includes('/')) {
      const whole = picomatch(clean, OPTIONS)
      const anywhere = picomatch(`**/${clean}`, OPTIONS)
      match = (path) => whole(path) || anywhere(path)
    } else {
      const segment = picomatch(clean, OPTIONS)
      match = (path) => path.split('/').some((s) => segment(s))
    }
    cache.set(pattern, match)
  }
  return match
}

export function matchesGlob(path: string, pattern: string): boolean {
  return matcher(pattern)(path.replace(/\\/g, '/').replace(/^\.\//, ''))
}

/** Keeps a path when it matches some include (or there are none) and no exclude. */
export function selectPaths(paths: readonly string[], include: readonly string[], exclude: readonly string[]): string[] {
  return paths.filter((p) => (include.length === 0 || include.some((g) => matchesGlob(p, g))) && !exclude.some((g) => matchesGlob(p, g)))
}
