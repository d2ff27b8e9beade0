import { readdirSync, realpathSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The files a batch names: folders walked recursively (sorted, hidden entries skipped), symbolic
 * links followed to files and to folders. A folder is walked once, by its real path, so a link back
 * to a folder above it (a loop) or a second link to a folder already walked adds nothing.
 */

export interface Walk {
  /** Files to read: every file named directly, and the files of folders that `accepts`. */
  files: string[]
  /** Files in folders that no reader claims, skipped and counted. */
  unsupported: string[]
  /** Links into folders already walked (loops, or the same folder twice), skipped. */
  repeated: string[]
  /** Links whose target does not exist, skipped. */
  broken: string[]
}

export function walkPaths(paths: readonly string[], accepts: (path: string) => boolean): Walk {
  const result: Walk = { files: [], unsupported: [], repeated: [], broken: [] }
  const walked = new Set<string>()
  const walk = (dir: string): void => {
    const real = realpathSync(dir)
    if (walked.has(real)) {
      result.repeated.push(dir)
      return
    }
    walked.add(real)
    for (const name of readdirSync(dir).sort((a, b) => a.localeCompare(b))) {
      if (name.startsWith('.')) continue
      const full = join(dir, name)
      // stat, not lstat: a link counts as what it points to.
      const stat = statSync(full, { throwIfNoEntry: false })
      if (!stat) result.broken.push(full)
      else if (stat.isDirectory()) walk(full)
      else if (!stat.isFile()) continue
      else if (accepts(full)) result.files.push(full)
      else result.unsupported.push(full)
    }
  }
  for (const path of paths) {
    if (path !== '-' && statSync(path, { throwIfNoEntry: false })?.isDirectory()) walk(path)
    else result.files.push(path)
  }
  return result
}
