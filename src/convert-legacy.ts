import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, delimiter, join } from 'node:path'
import type { LegacyFormat } from '../parsers/index.js'
import { ReadError } from '../schemas/index.js'

/**
 * Runs LibreOffice on a legacy file (the registry's LEGACY_FORMATS say which, and to what): when it
 * is installed, documents become .docx and spreadsheets .xlsx and are read as such; when it is not,
 * the registry refuses them with what to do. The product never needs LibreOffice.
 */

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

export function convertLegacy(soffice: string, path: string, bytes: Uint8Array, legacy: LegacyFormat, timeoutMs = 120_000): Uint8Array {
  const target = legacy.convertTo
  const work = mkdtempSync(join(tmpdir(), 'actionplan-convert-'))
  try {
    // Named by what the content is, not by what the file was called.
    const input = join(work, `input${legacy.extensions[0]}`)
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
