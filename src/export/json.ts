import type { Plan } from '../../schemas/index.js'
import { writeChunk } from './write-stream.js'

/**
 * The JSON export of DESIGN.md, streamed plan by plan. The bytes are exactly
 * `JSON.stringify({ plans }, null, 2)` plus a newline, so the output is stable to diff.
 */
export async function writeJson(plans: Iterable<Plan> | AsyncIterable<Plan>, stream: NodeJS.WritableStream): Promise<void> {
  let first = true
  for await (const plan of plans) {
    const body = JSON.stringify(plan, null, 2).replace(/\n/g, '\n    ')
    await writeChunk(stream, `${first ? '{\n  "plans": [\n' : ',\n'}    ${body}`)
    first = false
  }
  await writeChunk(stream, first ? '{\n  "plans": []\n}\n' : '\n  ]\n}\n')
}
