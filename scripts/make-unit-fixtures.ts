/**
 * Small hand-made files for the Word and HTML reader unit tests: fixtures/unit/docx/*.docx and
 * fixtures/unit/html/*.html. Each file exercises one thing the readers must get exactly right
 * (merges, shading, header rows, lines and bold in cells, tracked changes, nested tables) or one
 * way a file can be bad. The OOXML is written by hand and zipped by the tiny writer below, so the
 * bytes are deterministic and the fixtures need no Office, LibreOffice or zip library.
 *
 *   npx tsx scripts/make-unit-fixtures.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateRawSync } from 'node:zlib'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DOCX_DIR = join(ROOT, 'fixtures/unit/docx')
const HTML_DIR = join(ROOT, 'fixtures/unit/html')

// ---------------------------------------------------------------- zip writer (APPNOTE 6.3.x §4.3)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

interface ZipEntry {
  name: string
  data: Uint8Array
  /** Lie about the uncompressed size in both headers (zip bomb that hides its size). */
  declaredSize?: number
  /** Write this CRC-32 instead of the true one (a file damaged after it was packed). */
  crc?: number
}

function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const packed = deflateRawSync(entry.data, { level: 9 })
    const crc = entry.crc ?? crc32(entry.data)
    const size = entry.declaredSize ?? entry.data.length
    // Fixed DOS date 2012-01-01 00:00 so that the bytes do not change between runs.
    const dosDate = ((2012 - 1980) << 9) | (1 << 5) | 1
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(8, 8)
    local.writeUInt16LE(0, 10)
    local.writeUInt16LE(dosDate, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt16LE(0, 12)
    central.writeUInt16LE(dosDate, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    centrals.push(central, name)
    offset += local.length + name.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

// ---------------------------------------------------------------- OOXML

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml'
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

interface RunOpts {
  b?: boolean | '0'
  ins?: boolean
  del?: boolean
  hidden?: boolean
}
const r = (text: string, o: RunOpts = {}): string => {
  const props = `${o.b === true ? '<w:b/>' : o.b === '0' ? '<w:b w:val="0"/>' : ''}${o.hidden ? '<w:vanish/>' : ''}`
  const rPr = props ? `<w:rPr>${props}</w:rPr>` : ''
  if (o.del) return `<w:del w:id="1" w:author="A" w:date="2012-01-01T00:00:00Z"><w:r>${rPr}<w:delText xml:space="preserve">${esc(text)}</w:delText></w:r></w:del>`
  const run = `<w:r>${rPr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`
  return o.ins ? `<w:ins w:id="2" w:author="A" w:date="2012-01-01T00:00:00Z">${run}</w:ins>` : run
}
const BR = '<w:r><w:br/></w:r>'

interface ParaOpts {
  style?: string
  list?: boolean
}
const p = (content: string | string[], o: ParaOpts = {}): string => {
  const props = `${o.style ? `<w:pStyle w:val="${o.style}"/>` : ''}${o.list ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : ''}`
  const body = Array.isArray(content) ? content.join('') : r(content)
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${body}</w:p>`
}

interface CellOpts {
  span?: number
  vMerge?: 'restart' | 'continue'
  fill?: string
}
const tc = (content: string | string[], o: CellOpts = {}): string => {
  const props = [
    o.span ? `<w:gridSpan w:val="${o.span}"/>` : '',
    o.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : o.vMerge === 'continue' ? '<w:vMerge/>' : '',
    o.fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${o.fill}"/>` : '',
  ].join('')
  const body = Array.isArray(content) ? content.join('') : content ? p(content) : '<w:p/>'
  return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${body}</w:tc>`
}
const tr = (cells: string[], o: { header?: boolean; gridBefore?: number } = {}): string => {
  const props = `${o.gridBefore ? `<w:gridBefore w:val="${o.gridBefore}"/>` : ''}${o.header ? '<w:tblHeader/>' : ''}`
  return `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}${cells.join('')}</w:tr>`
}
const tbl = (columns: number, rows: string[]): string =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="2000"/>'.repeat(columns)}</w:tblGrid>${rows.join('')}</w:tbl>`

const STYLES =
  `${XML}<w:styles xmlns:w="${W}">` +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>' +
  // A localised style id: the built-in name still says "heading 2".
  '<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Strong"><w:name w:val="Strong Para"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>' +
  '</w:styles>'

const NUMBERING =
  `${XML}<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl></w:abstractNum>` +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'

interface DocxOpts {
  title?: string
  header?: string
  footer?: string
}

function docx(body: string, o: DocxOpts = {}): Buffer {
  const refs = `${o.header ? '<w:headerReference w:type="default" r:id="rIdH"/>' : ''}${o.footer ? '<w:footerReference w:type="default" r:id="rIdF"/>' : ''}`
  const document = `${XML}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:p/><w:sectPr>${refs}</w:sectPr></w:body></w:document>`
  const overrides = [
    ['/word/document.xml', `${CT}.document.main+xml`],
    ['/word/styles.xml', `${CT}.styles+xml`],
    ['/word/numbering.xml', `${CT}.numbering+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ...(o.header ? [['/word/header1.xml', `${CT}.header+xml`]] : []),
    ...(o.footer ? [['/word/footer1.xml', `${CT}.footer+xml`]] : []),
  ]
  const docRels = [
    `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rIdN" Type="${REL}/numbering" Target="numbering.xml"/>`,
    o.header ? `<Relationship Id="rIdH" Type="${REL}/header" Target="header1.xml"/>` : '',
    o.footer ? `<Relationship Id="rIdF" Type="${REL}/footer" Target="footer1.xml"/>` : '',
  ].join('')
  const part = (tag: string, text: string): string => `${XML}<w:${tag} xmlns:w="${W}">${p(text)}</w:${tag}>`
  const text = (name: string, content: string): ZipEntry => ({ name, data: Buffer.from(content, 'utf8') })
  return zip([
    text(
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `${overrides.map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`).join('')}</Types>`,
    ),
    text(
      '_rels/.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    ),
    text(
      'docProps/core.xml',
      `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${o.title ? `<dc:title>${esc(o.title)}</dc:title>` : ''}</cp:coreProperties>`,
    ),
    text('word/_rels/document.xml.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${docRels}</Relationships>`),
    text('word/document.xml', document),
    text('word/styles.xml', STYLES),
    text('word/numbering.xml', NUMBERING),
    ...(o.header ? [text('word/header1.xml', part('hdr', o.header))] : []),
    ...(o.footer ? [text('word/footer1.xml', part('ftr', o.footer))] : []),
  ])
}

// ---------------------------------------------------------------- Word fixtures

/** Merges (gridSpan, vMerge over three rows, gridBefore), shading, a header row, header/footer parts. */
const GRID = docx(
  [
    p('Action plan', { style: 'Heading1' }),
    p('Progress report', { style: 'berschrift2' }),
    tbl(4, [
      tr(['Ref', 'Action', 'Lead', 'RAG'].map((t) => tc([p([r(t, { b: true })])], { fill: 'D9D9D9' })), { header: true }),
      tr([tc([p([r('PRIORITY 1: SAFER CARE', { b: true })])], { span: 4, fill: 'auto' })]),
      tr([tc('R1', { vMerge: 'restart' }), tc('Audit files'), tc('J Smith'), tc('Red', { fill: 'FF0000' })]),
      tr([tc('', { vMerge: 'continue' }), tc('Train staff'), tc('A Jones'), tc('Amber', { fill: 'FFC000' })]),
      tr([tc('', { vMerge: 'continue' }), tc('Review policy'), tc('Green', { span: 2, fill: '00B050' })]),
      tr([tc('Note across three columns', { span: 3 })], { gridBefore: 1 }),
    ]),
    p('First bullet', { list: true }),
    p([r('Line one'), BR, r('Line two')]),
  ].join(''),
  { title: 'Unit grid plan', header: 'HEADER TEXT', footer: 'FOOTER TEXT' },
)

/** Lines and bold inside cells: lists, a bold lead word, tracked changes, styles, hidden text. */
const CELL_TEXT = docx(
  tbl(3, [
    tr([
      tc([p([r('Milestones', { b: true })]), p('Draft guidance', { list: true }), p('  Agree   it ', { list: true }), p('')]),
      tc([p([r('Completed', { b: true }), r(' the audit in   June')])]),
      tc([p([r('Due '), r('July', { ins: true }), r('June', { del: true }), r(' 2012')])]),
    ]),
    tr([
      tc([p([r('SAFE', { b: true }), r('GUARDING', { b: true })])]),
      tc([p('Bold by style', { style: 'Strong' })]),
      tc([p([r('Not bold', { b: '0' }), r('secret', { hidden: true })], { style: 'Strong' }), p([`<w:hyperlink r:id="x">${r('link text')}</w:hyperlink>`])]),
    ]),
  ]),
  { title: 'Cell text' },
)

/** A table inside a cell, then a second top-level table. */
const NESTED = docx(
  [
    tbl(2, [tr([tc('Outer A'), tc([p('Before'), tbl(2, [tr([tc('i1'), tc('i2')]), tr([tc('i3'), tc([p([r('i4', { b: true })])])])]), p('After')])])]),
    p('Between'),
    tbl(1, [tr([tc('Second')])]),
  ].join(''),
)

// ---------------------------------------------------------------- bad Word files

/**
 * A minimal compound file (MS-CFB v3, 512-byte sectors): header, one FAT sector, one directory
 * sector holding the root entry and empty streams with the given names.
 */
function compoundFile(streams: string[]): Buffer {
  const out = Buffer.alloc(512 * 3, 0)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0)
  out.writeUInt16LE(0x3e, 24)
  out.writeUInt16LE(3, 26)
  out.writeUInt16LE(0xfffe, 28)
  out.writeUInt16LE(9, 30)
  out.writeUInt16LE(6, 32)
  out.writeUInt32LE(1, 44) // FAT sectors
  out.writeUInt32LE(1, 48) // first directory sector
  out.writeUInt32LE(0x1000, 56)
  out.writeUInt32LE(0xfffffffe, 60)
  out.writeUInt32LE(0xfffffffe, 68)
  out.writeUInt32LE(0, 76) // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i += 1) out.writeUInt32LE(0xffffffff, 76 + i * 4)
  const fat = 512
  for (let i = 0; i < 128; i += 1) out.writeUInt32LE(0xffffffff, fat + i * 4)
  out.writeUInt32LE(0xfffffffd, fat) // sector 0 is the FAT
  out.writeUInt32LE(0xfffffffe, fat + 4) // sector 1 (directory) ends its chain
  const entry = (i: number, name: string, type: number, child: number, right: number): void => {
    const at = 1024 + i * 128
    out.write(name, at, 'utf16le')
    out.writeUInt16LE((name.length + 1) * 2, at + 64)
    out.writeUInt8(type, at + 66)
    out.writeUInt8(1, at + 67)
    out.writeUInt32LE(0xffffffff, at + 68)
    out.writeUInt32LE(right, at + 72)
    out.writeUInt32LE(child, at + 76)
    out.writeUInt32LE(0xfffffffe, at + 116)
  }
  entry(0, 'Root Entry', 5, 1, 0xffffffff)
  streams.forEach((name, i) => entry(i + 1, name, 2, 0xffffffff, i + 2 <= streams.length ? i + 2 : 0xffffffff))
  return out.subarray(0, 1024 + 512)
}

function badDocx(): Record<string, Uint8Array> {
  const zeros = (mb: number): Uint8Array => new Uint8Array(mb * 1024 * 1024)
  return {
    'empty.docx': new Uint8Array(0),
    'not-a-zip.docx': Buffer.from('This is a text file someone renamed to .docx\n'),
    'no-document.docx': zip([{ name: '[Content_Types].xml', data: Buffer.from(`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`) }]),
    'truncated.docx': GRID.subarray(0, Math.floor(GRID.length / 2)),
    'encrypted.docx': compoundFile(['EncryptionInfo', 'EncryptedPackage']),
    'legacy.docx': compoundFile(['WordDocument', '1Table']),
    // 300 MB of zeros: honest sizes, refused before anything is inflated.
    'bomb.docx': zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: zeros(300) }]),
    // 40 MB of zeros declared as 2 KB: refused while inflating.
    'bomb-lying.docx': zip([{ name: 'word/document.xml', data: zeros(40), declaredSize: 2048 }]),
    // Inflates to well-formed XML, but not to the bytes that were packed.
    'bad-crc.docx': zip([{ name: 'word/document.xml', data: Buffer.from(`${XML}<w:document/>`), crc: 0x12345678 }]),
    'no-text.docx': docx(tbl(2, [tr([tc(''), tc('')])])),
  }
}

// ---------------------------------------------------------------- HTML fixtures

const GRID_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Unit grid &amp; colours</title>
<style>td { font-weight: bold; background: red }</style>
<script>document.write('<table><tr><td>from script</td></tr></table>')</script>
</head>
<body>
<h1>Action plan</h1>
<p>Intro with <b>bold</b> word &ndash; and&nbsp;entities.</p>
<ul><li>First point</li><li><strong>All bold point</strong></li></ul>
<table border="1">
<thead><tr><th>Ref</th><th>Action</th><th>Lead</th><th>RAG</th></tr></thead>
<tbody>
<tr><td colspan="4" bgcolor="#D9D9D9"><b>PRIORITY 1</b></td></tr>
<tr><td rowspan="3">R1</td><td>Audit files</td><td>J Smith</td><td style="background-color:#F00">Red</td></tr>
<tr><td>Train staff</td><td>A Jones</td><td style="background: rgb(255, 192, 0) none repeat">Amber</td></tr>
<tr><td>Review policy</td><td colspan="2" rowspan="2" style="background:green;mso-shading:white">Green</td></tr>
<tr><td>R2</td><td>Next</td></tr>
<tr><td><b>Completed</b> the audit</td><td>Line one<br>Line two<p>Para three</p></td><td><ul><li>One</li><li> Two </li></ul></td><td bgcolor="ffc000" style="font-weight:700">Bold by style</td></tr>
<tr style="background-color: yellow"><td>Row fill</td><td style="background-color: transparent">Transparent</td><td style="background: greenish">Odd name</td><td style="display:none">hidden</td></tr>
</tbody>
</table>
<div>Loose div text</div>
<div><p>In p</p></div>
</body></html>
`

const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 14">
<title>Ofsted action plan \u2013 July</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Someone</o:Author>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
p.MsoNormal {margin:0cm; font-size:11.0pt; font-weight:bold;}
-->
</style>
</head>

<body lang=EN-GB style='tab-interval:36.0pt'>

<div class=WordSection1>

<p class=MsoTitle>Action Plan<o:p></o:p></p>

<h1><span style='mso-fareast-font-family:"Times New Roman"'>Safeguarding</span><o:p></o:p></h1>

<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol'><span
style='mso-list:Ignore'>\u00b7<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Council\u2019s first point<o:p></o:p></p>

<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;
 mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=200 valign=top style='width:150.0pt;border:solid windowtext 1.0pt;
  background:#D9D9D9;mso-background-themecolor:background1;mso-shading:white;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b style='mso-bidi-font-weight:normal'><span
  style='font-size:10.0pt'>Action<o:p></o:p></span></b></p>
  </td>
  <td width=200 valign=top style='width:150.0pt;border:solid windowtext 1.0pt;
  border-left:none;background:#D9D9D9;mso-shading:white'>
  <p class=MsoNormal><b>Status<o:p></o:p></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=200 valign=top style='width:150.0pt;border:solid windowtext 1.0pt;
  border-top:none;mso-shading:yellow;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal>Audit the
  files \u2013 weekly<o:p></o:p></p>
  <p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span
  style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
  </span></span><![endif]>Draft<o:p></o:p></p>
  <p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span
  style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
  </span></span><![endif]>Agree<o:p></o:p></p>
  <p class=MsoNormal><o:p>&nbsp;</o:p></p>
  </td>
  <td width=200 valign=top style='width:150.0pt;border-top:none;border-left:none;
  background:#FFC000;mso-shading:white;mso-pattern:solid #FFC000'>
  <p class=MsoNormal><b>Ongoing</b> \u2013 update due<o:p></o:p></p>
  </td>
 </tr>
</table>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

</div>

</body>

</html>
`

const NESTED_HTML = `<!doctype html>
<html><body>
<table id="outer">
  <caption>Outer caption</caption>
  <tr><td>Outer A</td><td>Before<table><tr><td>i1</td><td>i2</td></tr><tr><td>i3</td><td><b>i4</b></td></tr></table>After</td></tr>
</table>
<p>Between</p>
<table>
  <thead><tr><th rowspan="5">Clipped at thead end</th><th>H2</th></tr><tr><th>H3</th></tr></thead>
  <tbody><tr><td rowspan="0">To group end</td><td>b1</td></tr><tr><td>b2</td></tr></tbody>
  <tbody><tr><td>c1</td><td>c2</td></tr></tbody>
</table>
</body></html>
`

/** Windows-1252 bytes, as Word writes a page saved with its default encoding. */
function cp1252(text: string): Buffer {
  const extra: Record<string, number> = { '\u2013': 0x96, '\u2019': 0x92, '\u00b7': 0xb7 }
  return Buffer.from([...text].map((ch) => extra[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f)))
}

// ---------------------------------------------------------------- write

function write(dir: string, files: Record<string, Uint8Array | string>): void {
  mkdirSync(dir, { recursive: true })
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data)
}

write(DOCX_DIR, { 'grid.docx': GRID, 'cell-text.docx': CELL_TEXT, 'nested.docx': NESTED, ...badDocx() })
write(HTML_DIR, {
  'grid.html': GRID_HTML,
  'word-export.html': cp1252(WORD_HTML),
  'nested.html': NESTED_HTML,
  'empty.html': '',
  'no-text.html': '<html><head><title>Nothing here</title><script>var a = "text"</script></head><body>\n <table><tr><td>&nbsp;</td></tr></table><!-- a comment --></body></html>',
})
console.log(`wrote ${DOCX_DIR} and ${HTML_DIR}`)
