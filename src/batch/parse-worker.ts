import { toReadError } from '../../schemas/index.js'
import { readPlan } from '../ingest.js'
import { toParseError, type ParseReply, type ParseRequest } from './messages.js'

/**
 * A parse worker's task (run by piscina, see parse-pool.ts): reads and interprets one file and
 * hands the plan back; it never touches the database (one writer, the main thread). A file that
 * hangs or exhausts memory takes only this worker down, and the pool starts another.
 */
export default async function parseFile(request: ParseRequest): Promise<ParseReply> {
  try {
    const { interpretation, diagnostics } = await readPlan(request.path, request.bytes, request.options)
    return { ok: true, plan: interpretation.plan, diagnostics }
  } catch (error) {
    return { ok: false, error: toParseError(toReadError(request.path, error)) }
  }
}
