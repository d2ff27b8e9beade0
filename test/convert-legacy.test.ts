import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { oleWithStreams } from './parsers/container-bytes.js'

/**
 * Legacy .doc/.odt/.rtf: refused with what to do when LibreOffice is missing; converted when it is
 * there. A stand-in `soffice` (a script that writes the .docx LibreOffice would) plays LibreOffice,
 * so the test runs where LibreOffice is not installed, as in CI.
 */
const root = join(import.meta.dirname, '..')
const bin = join(root, 'bin', 'actionplan.js')
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array<number>(504).fill(0)])

function ingest(file: string, soffice: string, db: string) {
  const r = spawnSync(process.execPath, [bin, 'ingest', file, '--db', db], { encoding: 'utf8', env: { ...process.env, ACTIONPLAN_SOFFICE: soffice } })
  return { code: r.status ?? -1, stderr: r.stderr }
}

describe('legacy Word, OpenDocument and RTF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ap-legacy-'))

  it('refuses them with what to do when LibreOffice is not there', () => {
    const doc = join(dir, 'plan.doc')
    writeFileSync(doc, OLE)
    const r = ingest(doc, '', join(dir, 'none.sqlite'))
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/✗ .*plan\.doc: .*save it as \.docx/)
    const rtf = join(dir, 'plan.rtf')
    writeFileSync(rtf, '{\\rtf1\\ansi Plan}')
    expect(ingest(rtf, '', join(dir, 'none.sqlite')).stderr).toMatch(/plan\.rtf: RTF is not supported; save it as \.docx/)
  })

  it('converts them with LibreOffice when it is there, and says so', () => {
    const fake = join(dir, 'soffice')
    const docx = join(root, 'fixtures', 'docx', 'dudley', 'input.docx')
    // Arguments as LibreOffice takes them: … --convert-to docx --outdir DIR FILE
    writeFileSync(fake, `#!/bin/sh\nwhile [ "$1" != "--outdir" ]; do shift; done\ncp "${docx}" "$2/input.docx"\n`)
    chmodSync(fake, 0o755)
    const rtf = join(dir, 'dudley.rtf')
    writeFileSync(rtf, '{\\rtf1\\ansi Dudley}')
    const r = ingest(rtf, fake, join(dir, 'converted.sqlite'))
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/✓ .*dudley\.rtf: 1 recommendation, 13 actions .*\(converted from \.rtf to \.docx with LibreOffice/)
  })

  it('names the file when the conversion fails', () => {
    const broken = join(dir, 'broken-soffice')
    writeFileSync(broken, '#!/bin/sh\nexit 1\n')
    chmodSync(broken, 0o755)
    const odt = join(dir, 'plan.odt')
    writeFileSync(odt, Buffer.from('PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.text'))
    expect(ingest(odt, broken, join(dir, 'broken.sqlite')).stderr).toMatch(/plan\.odt: LibreOffice could not convert plan\.odt to \.docx; open it in Word or LibreOffice and save it as \.docx/)
  })

  it('refuses a legacy .xls or an .ods without LibreOffice as a spreadsheet, not as a Word file', () => {
    const xls = join(dir, 'tracker.xls')
    writeFileSync(xls, OLE)
    // Its own database: the .doc test above stored the same bytes as a known failure, and a known
    // failure is skipped on the next run.
    const r = ingest(xls, '', join(dir, 'none-xls.sqlite'))
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/tracker\.xls: legacy Excel \.xls workbook \(not \.xlsx\); .*save it as \.xlsx/)
    expect(r.stderr).not.toMatch(/Word/)
    const ods = join(dir, 'tracker.ods')
    writeFileSync(ods, Buffer.from('PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))
    expect(ingest(ods, '', join(dir, 'none-xls.sqlite')).stderr).toMatch(/tracker\.ods: OpenDocument spreadsheet \.ods is not supported; save it as \.xlsx/)
  })

  it('converts .xls and .ods to .xlsx with LibreOffice when it is there', () => {
    const fake = join(dir, 'soffice-xlsx')
    const xlsx = join(root, 'fixtures', 'xlsx', 'wakefield', 'input.xlsx')
    // Arguments as LibreOffice takes them: … --convert-to xlsx --outdir DIR FILE; it must be asked for xlsx.
    writeFileSync(fake, `#!/bin/sh\nwhile [ "$1" != "--convert-to" ]; do shift; done\n[ "$2" = xlsx ] || exit 1\nshift 2\ncp "${xlsx}" "$2/input.xlsx"\n`)
    chmodSync(fake, 0o755)
    for (const ext of ['xls', 'ods']) {
      const file = join(dir, `wakefield.${ext}`)
      writeFileSync(file, ext === 'xls' ? OLE : 'PK\x03\x04')
      const r = ingest(file, fake, join(dir, `converted-${ext}.sqlite`))
      expect(r.code).toBe(0)
      expect(r.stderr).toMatch(new RegExp(`✓ .*wakefield\\.${ext}: 4 recommendations, 9 actions .*\\(converted from \\.${ext} to \\.xlsx with LibreOffice`))
    }
  })

  it('converts by what the content is, not by the name, and reads a modern file under an old name without LibreOffice', () => {
    const fake = join(dir, 'soffice-xlsx-only')
    const xlsx = join(root, 'fixtures', 'xlsx', 'wakefield', 'input.xlsx')
    // Asked for anything but a workbook, this LibreOffice fails.
    writeFileSync(fake, `#!/bin/sh\nwhile [ "$1" != "--convert-to" ]; do shift; done\n[ "$2" = xlsx ] || exit 1\nshift 2\ncp "${xlsx}" "$2/input.xlsx"\n`)
    chmodSync(fake, 0o755)
    const misnamed = join(dir, 'tracker.doc')
    writeFileSync(misnamed, oleWithStreams('Workbook'))
    const r = ingest(misnamed, fake, join(dir, 'by-content.sqlite'))
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/✓ .*tracker\.doc: 4 recommendations, 9 actions .*\(converted from \.xls to \.xlsx with LibreOffice/)
    const word = join(dir, 'dudley.odt')
    copyFileSync(join(root, 'fixtures', 'docx', 'dudley', 'input.docx'), word)
    const read = ingest(word, join(dir, 'broken-soffice'), join(dir, 'by-content.sqlite'))
    expect(read.code).toBe(0)
    expect(read.stderr).toMatch(/✓ .*dudley\.odt: 1 recommendation, 13 actions/)
    expect(read.stderr).not.toMatch(/converted/)
  })
})
