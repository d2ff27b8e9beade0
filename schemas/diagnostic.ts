import { z } from 'zod'

/**
 * Warnings come back as data beside a result (as mammoth's messages do) and are never dropped.
 * A file that cannot be read at all throws one ReadError with a code; unexpected exceptions are
 * INTERNAL and kept apart from bad input.
 */

export const Diagnostic = z.object({
  level: z.enum(['info', 'warning']),
  code: z.string().describe('Stable machine-readable code, e.g. IMPOSSIBLE_DATE, UNMAPPED_COLUMN'),
  message: z.string().describe('One line for a person'),
  page: z.number().int().positive().nullable().describe('1-based page, where known'),
})
export type Diagnostic = z.infer<typeof Diagnostic>

export const ERROR_CODES = [
  'EMPTY_FILE',
  'UNSUPPORTED_FORMAT',
  'ENCRYPTED',
  'CORRUPT',
  'IMAGE_ONLY',
  'NO_TABLES',
  'TOO_LARGE',
  'TIMEOUT',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/**
 * The one error type for a file that cannot be read. Its message is one line:
 * `<file>[: page N]: <what happened>; <what to do>`.
 */
export class ReadError extends Error {
  override name = 'ReadError'
  readonly code: ErrorCode
  readonly file: string
  readonly page: number | null
  readonly problem: string
  readonly hint: string

  constructor(code: ErrorCode, file: string, problem: string, hint: string, options: { page?: number | null; cause?: unknown } = {}) {
    const where = options.page ? `${file}: page ${options.page}` : file
    super(`${where}: ${problem}; ${hint}`, { cause: options.cause })
    this.code = code
    this.file = file
    this.page = options.page ?? null
    this.problem = problem
    this.hint = hint
  }
}

/** Wraps anything thrown while reading a file: a ReadError stays as it is, anything else is INTERNAL. */
export function toReadError(file: string, error: unknown): ReadError {
  if (error instanceof ReadError) return error
  const detail = error instanceof Error ? error.message : String(error)
  return new ReadError('INTERNAL', file, `internal error (${detail})`, 'please report it with the file attached; run with --verbose for the stack', {
    cause: error,
  })
}
