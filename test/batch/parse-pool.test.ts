import { describe, expect, it } from 'vitest'
import { ParsePool } from '../../src/batch/parse-pool.js'

const worker = new URL('./workers/misbehaving-worker.mjs', import.meta.url)
const bytes = new Uint8Array([1, 2, 3])

describe('parse pool faults', () => {
  it('fails only the file whose parser hangs, throws, exits or runs out of memory, and goes on', async () => {
    // Only the hanging file gets the short limit: on a loaded machine a worker can take more than
    // 1.5 s to fill its 64 MB heap, and would then fail as TIMEOUT instead of TOO_LARGE.
    const pool = new ParsePool(2, 64, worker)
    try {
      const outcomes = await Promise.allSettled(['ok1', 'hang', 'throw', 'oom', 'exit', 'ok2', 'ok3'].map((name) => pool.parse(name, bytes, { timeoutMs: name === 'hang' ? 1500 : 20_000 })))
      const codes = outcomes.map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as { code: string }).code))
      expect(codes).toEqual(['ok', 'TIMEOUT', 'INTERNAL', 'TOO_LARGE', 'INTERNAL', 'ok', 'ok'])
      const messages = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as Error).message] : []))
      expect(messages[0]).toMatch(/^hang: reading took longer than 2 s/)
      expect(messages[1]).toMatch(/^throw: the parser crashed \(parser bug\)/)
      expect(messages[2]).toMatch(/^oom: reading it ran out of memory/)
    } finally {
      await pool.close()
    }
  }, 30_000)

  it('hands the worker its own copy of the bytes and leaves the caller its own', async () => {
    const pool = new ParsePool(1, 64, worker)
    try {
      const result = await pool.parse('ok', bytes, {})
      expect(result.plan).toEqual({ name: 'ok', bytes: 3 })
      expect(bytes.length).toBe(3)
    } finally {
      await pool.close()
    }
  })

  it('replaces a worker that dies while idle, so the next file is parsed at once', async () => {
    const pool = new ParsePool(1, 64, worker)
    try {
      expect((await pool.parse('exit-when-idle', bytes, {})).plan).toEqual({ name: 'exit-when-idle', bytes: 3 })
      // The only worker exits 50 ms after answering; give it time to be gone.
      await new Promise((resolve) => setTimeout(resolve, 500))
      const started = performance.now()
      const result = await pool.parse('ok', bytes, { timeoutMs: 20_000 })
      expect(result.plan).toEqual({ name: 'ok', bytes: 3 })
      // A new worker starts in well under a second even on a loaded machine; waiting out the limit would take 20 s.
      expect(performance.now() - started).toBeLessThan(5000)
    } finally {
      await pool.close()
    }
  }, 30_000)
})
