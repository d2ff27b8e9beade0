/**
 * Does the default --jobs pay on a small batch? Times `actionplan ingest` over 35 small files (the
 * text fixtures, each copy with different bytes, as successive updates would be) with the default
 * (no --jobs), --jobs 0 (this thread), --jobs 1 and --jobs 2, each into a fresh database, in turn
 * for --rounds rounds (the machine is shared, so one round is noise).
 *
 *   npm run build && npx tsx scripts/bench-jobs-default.ts [--rounds 3] [--count 35]
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { measure } from './bench/measure.js'

const root = join(import.meta.dirname, '..')
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const rounds = arg('--rounds', 3)
const count = arg('--count', 35)
const work = mkdtempSync(join(tmpdir(), 'bench-jobs-'))

try {
  const seeds = readdirSync(join(root, 'fixtures', 'text')).map((name) => readFileSync(join(root, 'fixtures', 'text', name, 'input.txt'), 'utf8'))
  const dir = join(work, 'in')
  mkdirSync(dir)
  let bytes = 0
  for (let i = 0; i < count; i += 1) {
    const text = `${seeds[i % seeds.length]!}\nCopy ${i}\n`
    bytes += Buffer.byteLength(text)
    writeFileSync(join(dir, `plan-${String(i).padStart(3, '0')}.txt`), text)
  }
  const settings: [string, string[]][] = [['default', []], ['0', ['--jobs', '0']], ['1', ['--jobs', '1']], ['2', ['--jobs', '2']]]
  const times = new Map<string, number[]>(settings.map(([name]) => [name, []]))
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, extra] of settings) {
      const db = join(work, `${name}-${round}.sqlite`)
      const run = measure(process.execPath, [join(root, 'bin', 'actionplan.js'), 'ingest', dir, '--db', db, ...extra])
      if (!new RegExp(`^${count} imported, 0 skipped, 0 failed`, 'm').test(run.stderr)) throw new Error(`unexpected result for --jobs ${name}:\n${run.stderr.slice(-1000)}`)
      times.get(name)!.push(run.seconds)
    }
  }
  console.log('| --jobs | wall seconds per round | median |')
  console.log('|---|---|---|')
  for (const [name, t] of times) console.log(`| ${name} | ${t.map((s) => s.toFixed(2)).join(', ')} | ${[...t].sort((a, b) => a - b)[Math.floor(t.length / 2)]!.toFixed(2)} |`)
  console.log(`\n${count} text files, ${(bytes / 1024).toFixed(0)} KiB in all; wall time with Node start-up. Node ${process.version}, ${availableParallelism()} cores.`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
