import { parentPort } from 'node:worker_threads'
import { toReadError } from '../../schemas/index.js'
import { readPlan } from '../ingest.js'
import { toParseError, type ParseReply, type ParseRequest } from './messages.js'

/**
 * A parse worker: reads and interprets one file at a time and hands the plan back; it never
 * touches the database (one writer, the main thread). A file that hangs or exhausts memory takes
 * only this worker down, and the pool starts another.
 */
parentPort?.on('message', async (request: ParseRequest) => {
  let reply: ParseReply
  try {
    const { interpretation, diagnostics } = await readPlan(request.path, request.bytes, request.options)
    reply = { id: request.id, ok: true, plan: interpretation.plan, diagnostics }
  } catch (error) {
    reply = { id: request.id, ok: false, error: toParseError(toReadError(request.path, error)) }
  }
  parentPort?.postMessage(reply)
})
