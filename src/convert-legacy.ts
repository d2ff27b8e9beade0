import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, delimiter, extname, join } from 'node:path'
import { ReadError } from '../schemas/index.js'

/**
 * Legacy Word (.doc), OpenDocument (.odt, .ods), RTF and legacy Excel (.xls) files: when
 * LibreOffice is installed, convert documents to .docx and spreadsheets to .xlsx and read that;
 * when it is not, the registry refuses them with what to do. The product never needs LibreOffice;
 * it only uses it when it is there.
 */
const TARGET: Record<string, 'docx' | 'xlsx'> = { '.doc': 'docx', '.odt': 'docx', '.rtf': 'docx', '.xls': 'xlsx', '.ods': 'xlsx' }
export const CONVERTIBLE = new Set(Object.keys(TARGET))

/** The format a legacy file is converted to. */
export const conversionTarget = (path: string): 'docx' | 'xlsx' => TARGET[extname(path).toLowerCase()] ?? 'docx'

/** `$ACTIONPLAN_SOFFICE`, else `soffice` on the PATH, else null. */
export function findSoffice(): string | null {
  const forced = process.env.ACTIONPLAN_SOFFICE
  if (forced !== undefined) return forced && existsSync(forced) ? forced : null
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'soffice')
    if (dir && existsSync(candidate)) return candidate
  }
  return null
}

export function convertLegacy(soffice: string, path: string, bytes: Uint8Array, timeoutMs = 120_000): Uint8Array {
  const target = conversionTarget(path)
  const work = mkdtempSync(join(tmpdir(), 'actionplan-convert-'))
  try {
    const input = join(work, `input${extname(path).toLowerCase()}`)
    writeFileSync(input, bytes)
    // A private profile, so that a LibreOffice already open on the machine does not take the job.
    execFileSync(soffice, [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', target, '--outdir', work, input], {
      stdio: 'ignore',
      timeout: timeoutMs,
    })
    const output = join(work, `input.${target}`)
    if (!existsSync(output)) throw new Error('no output')
    return new Uint8Array(readFileSync(output))
  } catch (error) {
    const app = target === 'xlsx' ? 'Excel' : 'Word'
    throw new ReadError('CORRUPT', path, `LibreOffice could not convert ${basename(path)} to .${target}`, `open it in ${app} or LibreOffice and save it as .${target}`, { cause: error })
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
