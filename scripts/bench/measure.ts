import { spawnSync } from 'node:child_process'

/** Wall time, CPU time and peak RSS of a child process (all its threads), from GNU time. */
export interface Measured {
  seconds: number
  /** User plus system CPU seconds, all threads: on a busy machine a steadier figure than wall time. */
  cpuSeconds: number
  peakMb: number
  stdout: string
  stderr: string
  code: number
}

export function measure(command: string, args: readonly string[]): Measured {
  const marker = '@@time'
  const result = spawnSync('/usr/bin/time', ['-f', `${marker} %e %M %U %S`, command, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  const lines = result.stderr.split('\n')
  const line = lines.find((l) => l.startsWith(marker))
  if (!line) throw new Error(`${command} ${args.join(' ')}: no timing (is GNU time at /usr/bin/time?)\n${result.stderr}`)
  const [, seconds, kb, user, system] = line.split(' ')
  return { seconds: Number(seconds), cpuSeconds: Number(user) + Number(system), peakMb: Number(kb) / 1024, stdout: result.stdout, stderr: lines.filter((l) => l !== line).join('\n'), code: result.status ?? -1 }
}
