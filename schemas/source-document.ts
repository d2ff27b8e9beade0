import { z } from 'zod'

/**
 * The format-neutral document every reader produces. A reader knows its format and nothing about
 * action plans: it reports blocks (paragraphs and tables) in reading order, and every cell carries
 * provenance in the same shape whatever the format.
 */

export const FORMATS = ['pdf', 'docx', 'html', 'text', 'xlsx', 'csv'] as const
export const Format = z.enum(FORMATS).describe('The reader that produced the document')
export type Format = z.infer<typeof Format>

export const BBox = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .describe('[x0, y0, x1, y1] in PDF points (1/72 inch), origin bottom-left of the page; PDF only')
export type BBox = z.infer<typeof BBox>

export const BlockProvenance = z
  .object({
    page: z.number().int().positive().nullable().describe('1-based page number where the block starts; null when the format has no pages'),
    bbox: BBox.nullable().describe('Bounding box on that page; null when the format has no geometry'),
    sheet: z.string().optional().describe('Worksheet name, in place of a page, for spreadsheets (.xlsx); absent for other formats'),
  })
  .describe('Where a paragraph or table stands in the source')
export type BlockProvenance = z.infer<typeof BlockProvenance>

export const CellProvenance = BlockProvenance.extend({
  table: z.number().int().nonnegative().describe('0-based index of the table among the tables of the document'),
  row: z.number().int().nonnegative().describe('0-based row index in that table, counting every row the reader saw'),
  col: z.number().int().nonnegative().describe('0-based grid column where the cell starts'),
  confidence: z.number().min(0).max(1).optional().describe('PDF read by OCR only: mean confidence (0–1) of the words recognised in the cell'),
}).describe('Where a cell stands in the source')
export type CellProvenance = z.infer<typeof CellProvenance>

export const Cell = z
  .object({
    text: z.string().describe('The cell text, white space folded, lines joined by a single space'),
    lines: z.array(z.string()).describe('The cell text as lines: one per paragraph or list item, in reading order; empty for an empty cell'),
    col: z.number().int().nonnegative().describe('0-based grid column where the cell starts'),
    rowSpan: z.number().int().positive().describe('Number of grid rows the cell covers (vertical merge); 1 when not merged'),
    colSpan: z.number().int().positive().describe('Number of grid columns the cell covers (horizontal merge); 1 when not merged'),
    fill: z
      .string()
      .regex(/^#[0-9a-f]{6}$/)
      .nullable()
      .describe('Background colour of the cell as lower-case #rrggbb (Word shading, HTML background, PDF filled rectangle); null when none'),
    bold: z.boolean().describe('True when all of the cell text is bold'),
    boldLead: z.string().nullable().describe('Bold text at the very start of the cell (a status word, a label), when only part of the cell is bold; else null'),
    provenance: CellProvenance,
  })
  .describe('One cell of a table grid; positions covered by a merged cell hold no cell of their own')
export type Cell = z.infer<typeof Cell>

export const Row = z
  .object({
    cells: z.array(Cell).describe('The cells that start in this row, ordered by grid column'),
    header: z.boolean().describe('True when the source marks the row as a header (Word tblHeader, HTML th/thead, PDF TH)'),
  })
  .describe('One row of a table')
export type Row = z.infer<typeof Row>

export const Table = z
  .object({
    kind: z.literal('table'),
    index: z.number().int().nonnegative().describe('0-based index of the table among the tables of the document'),
    columns: z.number().int().nonnegative().describe('Width of the grid in columns'),
    rows: z.array(Row),
    provenance: BlockProvenance,
    detector: z
      .enum(['tagged', 'ruled', 'borderless'])
      .optional()
      .describe('PDF only: what found the table: its structure tags, its ruling lines, or the alignment of its text alone'),
    because: z.array(z.string()).optional().describe('PDF only: the evidence the detector found the table on, for `explain`'),
  })
  .describe('A table as a grid of cells')
export type Table = z.infer<typeof Table>

export const Paragraph = z
  .object({
    kind: z.literal('paragraph'),
    text: z.string().describe('The paragraph text, white space folded'),
    bold: z.boolean().describe('True when all of the text is bold'),
    heading: z.number().int().min(1).max(9).nullable().describe('Heading level when the source marks one; else null'),
    listItem: z.boolean().describe('True when the paragraph is an item of a bulleted or numbered list'),
    provenance: BlockProvenance,
  })
  .describe('Running text outside tables')
export type Paragraph = z.infer<typeof Paragraph>

export const Block = z.discriminatedUnion('kind', [Paragraph, Table])
export type Block = z.infer<typeof Block>

export const SourceDocument = z
  .object({
    format: Format,
    pages: z.number().int().nonnegative().nullable().describe('Number of pages; null when the format has no pages'),
    title: z.string().nullable().describe('Title from the document metadata, when there is one'),
    blocks: z.array(Block).describe('Paragraphs and tables in reading order'),
    ocr: z
      .array(z.object({ page: z.number().int().positive(), confidence: z.number().min(0).max(1) }))
      .optional()
      .describe('PDF only: the pages read by OCR (scans), each with the mean confidence (0–1) of its words; absent when no page was'),
  })
  .describe('What a reader saw in one file, independent of its format')
export type SourceDocument = z.infer<typeof SourceDocument>
