// A stand-in parse worker for the pool's fault tests: it misbehaves on purpose, by file name.
import { parentPort } from 'node:worker_threads'

parentPort.on('message', (request) => {
  const name = request.path
  if (name === 'hang') return // never answers
  if (name === 'throw') throw new Error('parser bug')
  if (name === 'oom') {
    const hog = []
    for (;;) hog.push(new Array(1e6).fill(Math.random()))
  }
  if (name === 'exit') process.exit(3)
  parentPort.postMessage({ id: request.id, ok: true, plan: { name, bytes: request.bytes.length }, diagnostics: [] })
})
