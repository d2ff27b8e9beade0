import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The real binary (bin/actionplan.js → dist/, built by test/global-setup.ts) in a child process, as a user or a cron job runs it. */
export const root = join(import.meta.dirname, '..', '..')
export const bin = join(root, 'bin', 'actionplan.js')
export const fixture = (format: string, name: string, ext = format === 'text' ? 'txt' : format): string => join(root, 'fixtures', format, name, `input.${ext}`)

export interface Result {
  code: number
  stdout: string
  stderr: string
  /** stderr split into lines, the last newline dropped. */
  errLines: string[]
}

export function run(args: readonly string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Result {
  const { ACTIONPLAN_DB: _db, ...inherited } = process.env
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, input: options.input, encoding: 'utf8', env: { ...inherited, FORCE_COLOR: '0', ...options.env } })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, errLines: r.stderr.replace(/\n$/, '').split('\n').filter((l, i, all) => l !== '' || all.length > 1) }
}

/** A shell pipeline `actionplan ARGS | READER`, and the binary's own exit code (not the reader's). */
export function pipe(args: readonly string[], reader: string, dir: string): { code: number; stderr: string } {
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
  const errFile = join(dir, 'pipe-stderr.txt')
  const r = spawnSync('bash', ['-c', `${quoted} 2>"$ERR" | ${reader} > /dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8', env: { ...process.env, ERR: errFile } })
  return { code: Number(r.stdout.trim()), stderr: readFileSync(errFile, 'utf8') }
}

export const tempDir = (tag: string): string => mkdtempSync(join(tmpdir(), `ap-${tag}-`))
