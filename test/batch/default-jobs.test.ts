import { mkdtempSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultJobs, readSettings, WORKER_THRESHOLD_BYTES } from '../../src/batch/run-ingest.js'

describe('batch defaults', () => {
  it('parses a small batch in this thread and a large one in a worker per core (at most one per file)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-jobs-'))
    const small = Array.from({ length: 35 }, (_, i) => {
      const path = join(dir, `small-${i}.txt`)
      writeFileSync(path, 'x'.repeat(10_000))
      return path
    })
    expect(defaultJobs(small)).toBe(0)
    const big = join(dir, 'big.pdf')
    writeFileSync(big, Buffer.alloc(WORKER_THRESHOLD_BYTES))
    expect(defaultJobs([big, small[0]!])).toBe(Math.min(availableParallelism(), 2))
    // One file never needs a pool, and standard input and missing files weigh nothing.
    expect(defaultJobs([big])).toBe(0)
    expect(defaultJobs(['-', join(dir, 'missing.pdf')])).toBe(0)
  })

  it('compares the flags that change how a file is read, in either spelling', () => {
    expect(readSettings(['ingest', 'in', '--format', 'text'])).toBe(readSettings(['ingest', 'other', '--format=text', '--json']))
    expect(readSettings(['ingest', 'in'])).not.toBe(readSettings(['ingest', 'in', '--password', 'x']))
    expect(readSettings(['ingest', 'in', '--timeout', '120'])).not.toBe(readSettings(['ingest', 'in', '--timeout', '300']))
  })
})
