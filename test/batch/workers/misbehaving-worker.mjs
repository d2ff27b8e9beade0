// A stand-in parse worker (a piscina task) for the pool's fault tests: it misbehaves on purpose, by file name.
export default async function parse(request) {
  const name = request.path
  if (name === 'hang') return new Promise(() => undefined) // never answers
  if (name === 'throw') throw new Error('parser bug')
  if (name === 'oom') {
    const hog = []
    for (;;) hog.push(new Array(1e6).fill(Math.random()))
  }
  if (name === 'exit') process.exit(3)
  // Answers, then dies while idle: the pool must not hand the next file to a dead thread.
  if (name === 'exit-when-idle') setTimeout(() => process.exit(4), 50)
  return { ok: true, plan: { name, bytes: request.bytes.length }, diagnostics: [] }
}
