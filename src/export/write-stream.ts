import { once } from 'node:events'

/** Writes a chunk and waits when the stream's buffer is full, so a large export never piles up in memory. */
export async function writeChunk(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain')
}
