import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { ReadError, type Diagnostic, type Plan } from '../../schemas/index.js'
import { readPlan } from '../ingest.js'
import { fromParseError, type ParseOptions, type ParseReply } from './messages.js'

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

interface Slot {
  worker: Worker
  task: { id: number; path: string; resolve: (p: Parsed) => void; reject: (e: ReadError) => void; timer: NodeJS.Timeout } | null
}

/**
 * A fixed set of worker threads. Each file gets a time limit; a worker that passes it, crashes or
 * runs out of memory (each has its own heap limit) is terminated and replaced, and only its file
 * fails.
 */
export class ParsePool implements Parser {
  private readonly slots: Slot[] = []
  private readonly waiting: (() => void)[] = []
  private nextId = 1

  constructor(size: number, private readonly heapMb = 1024, private readonly workerUrl: URL = WORKER) {
    for (let i = 0; i < size; i += 1) this.slots.push(this.spawn())
  }

  static available(): boolean {
    return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER))
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.workerUrl, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } }), task: null }
    slot.worker.on('message', (reply: ParseReply) => {
      const task = slot.task
      if (!task || task.id !== reply.id) return
      this.finish(slot)
      if (reply.ok) task.resolve({ plan: reply.plan, diagnostics: reply.diagnostics })
      else task.reject(fromParseError(reply.error))
    })
    slot.worker.on('error', (error: Error & { code?: string }) => this.fail(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? (path) => new ReadError('TOO_LARGE', path, 'reading it ran out of memory', 'split the file, or skip it with --exclude', { cause: error })
      : (path) => new ReadError('INTERNAL', path, `the parser crashed (${error.message})`, 'please report it with the file attached', { cause: error })))
    slot.worker.on('exit', () => this.fail(slot, (path) => new ReadError('INTERNAL', path, 'the parser stopped unexpectedly', 'please report it with the file attached')))
    slot.worker.unref()
    return slot
  }

  private finish(slot: Slot): void {
    if (slot.task) clearTimeout(slot.task.timer)
    slot.task = null
    this.waiting.shift()?.()
  }

  private fail(slot: Slot, error: (path: string) => ReadError): void {
    const task = slot.task
    if (!task) return
    slot.task = null
    clearTimeout(task.timer)
    task.reject(error(task.path))
    this.replace(slot)
  }

  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot)
    slot.worker.removeAllListeners()
    void slot.worker.terminate()
    if (index >= 0) this.slots[index] = this.spawn()
    this.waiting.shift()?.()
  }

  async parse(path: string, bytes: Uint8Array, options: ParseOptions): Promise<Parsed> {
    let slot = this.slots.find((s) => s.task === null)
    while (!slot) {
      await new Promise<void>((resolve) => this.waiting.push(resolve))
      slot = this.slots.find((s) => s.task === null)
    }
    const chosen = slot
    const timeoutMs = options.timeoutMs ?? 120_000
    return new Promise<Parsed>((resolve, reject) => {
      const id = this.nextId++
      const timer = setTimeout(() => {
        if (chosen.task?.id !== id) return
        chosen.task = null
        reject(new ReadError('TIMEOUT', path, `reading took longer than ${Math.round(timeoutMs / 1000)} s`, 'raise --timeout, or skip the file with --exclude'))
        this.replace(chosen)
      }, timeoutMs)
      chosen.task = { id, path, resolve, reject, timer }
      // A copy, transferred: the caller keeps its bytes for hashing and the worker owns its own.
      const copy = bytes.slice()
      chosen.worker.postMessage({ id, path, bytes: copy, options }, [copy.buffer])
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => { s.worker.removeAllListeners(); return s.worker.terminate() }))
  }
}
