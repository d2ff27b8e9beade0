import { toReadError } from '../../schemas/index.js'

/** A file that could not be read: its one-line error, and with --verbose the stack of an internal one. */
export function readFailureLines(path: string, error: unknown, verbose: boolean | undefined): string[] {
  const readError = toReadError(path, error)
  const cause = readError.cause instanceof Error ? readError.cause : null
  return [readError.message, ...(verbose && readError.code === 'INTERNAL' && cause?.stack ? [cause.stack] : [])]
}
