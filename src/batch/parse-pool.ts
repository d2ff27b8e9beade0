import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import { ReadError, type Diagnostic, type Plan } from '../../schemas/index.js'
import { readPlan } from '../ingest.js'
import { fromParseError, type ParseOptions, type ParseReply, type ParseRequest } from './messages.js'

export interface Parsed {
  plan: Plan
  diagnostics: Diagnostic[]
}

export interface Parser {
  parse(path: string, bytes: Uint8Array, options: ParseOptions): Promise<Parsed>
  close(): Promise<void>
}

const WORKER = new URL('./parse-worker.js', import.meta.url)

/** Parses in this thread: used for --jobs 0 and when running from TypeScript sources (tests). */
export const inProcessParser: Parser = {
  async parse(path, bytes, options) {
    const { interpretation, diagnostics } = await readPlan(path, bytes, options)
    return { plan: interpretation.plan, diagnostics }
  },
  async close() {},
}

/** What piscina rejects a task with when its worker died under it, as the file's ReadError. */
function workerFailure(path: string, error: Error & { code?: string }): ReadError {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return new ReadError('TOO_LARGE', path, 'reading it ran out of memory', 'split the file, or skip it with --exclude', { cause: error })
  if (/^worker exited/.test(error.message)) return new ReadError('INTERNAL', path, 'the parser stopped unexpectedly', 'please report it with the file attached', { cause: error })
  return new ReadError('INTERNAL', path, `the parser crashed (${error.message})`, 'please report it with the file attached', { cause: error })
}

/**
 * A fixed set of worker threads (piscina). Each file gets a time limit and each worker a heap
 * limit; a worker that passes either, crashes or exits is terminated and replaced, and only its
 * file fails. A worker that dies while idle is replaced at once too, so the next file never waits
 * on a dead thread.
 */
export class ParsePool implements Parser {
  private readonly pool: Piscina<ParseRequest, ParseReply>

  constructor(size: number, heapMb = 1024, workerUrl: URL = WORKER) {
    this.pool = new Piscina({
      filename: workerUrl.href,
      minThreads: size,
      maxThreads: size,
      idleTimeout: Number.POSITIVE_INFINITY,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
      // Workers keep an ordinary event loop between files (pdf.js tidies up after a read returns).
      atomics: 'disabled',
    })
    // A worker that fails with no file in hand has nothing to report; piscina has already replaced it.
    this.pool.on('error', () => undefined)
  }

  static available(): boolean {
    return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER))
  }

  async parse(path: string, bytes: Uint8Array, options: ParseOptions): Promise<Parsed> {
    const timeoutMs = options.timeoutMs ?? 120_000
    const signal = AbortSignal.timeout(timeoutMs)
    // A copy, transferred: the caller keeps its bytes for hashing and the worker owns its own.
    const copy = bytes.slice()
    let reply: ParseReply
    try {
      reply = await this.pool.run({ path, bytes: copy, options }, { signal, transferList: [copy.buffer] })
    } catch (error) {
      if (signal.aborted) throw new ReadError('TIMEOUT', path, `reading took longer than ${Math.round(timeoutMs / 1000)} s`, 'raise --timeout, or skip the file with --exclude', { cause: error })
      throw workerFailure(path, error as Error)
    }
    if (!reply.ok) throw fromParseError(reply.error)
    return { plan: reply.plan, diagnostics: reply.diagnostics }
  }

  async close(): Promise<void> {
    await this.pool.destroy()
  }
}
