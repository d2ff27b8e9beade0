import { z } from 'zod'
import { BBox, Format } from './source-document.js'

/**
 * The domain: a plan holds recommendations, a recommendation holds actions, an action holds
 * milestones. These schemas are the JSON export contract of ../shared/DESIGN.md; the types come
 * from them, and every plan is validated against them before it is stored.
 */

export const STATUSES = ['complete', 'on_track', 'in_progress', 'behind', 'not_started'] as const
export const Status = z.enum(STATUSES).nullable().describe('Status as the document states it in words; null when it states none')
export type Status = z.infer<typeof Status>

export const RAGS = ['red', 'amber', 'green', 'blue'] as const
export const Rag = z.enum(RAGS).nullable().describe('RAG rating as the document states it (letter, word or cell colour); null when none')
export type Rag = z.infer<typeof Rag>

export const RAG_SOURCES = ['text', 'letter', 'fill', 'key'] as const
export const RagSource = z
  .enum(RAG_SOURCES)
  .nullable()
  .describe('Where the RAG came from: a RAG word in the text, a single letter, the cell fill colour, or the document key mapping a status word; null when no RAG')

export const STATUS_SOURCES = ['stated', 'key', 'default'] as const
export const StatusSource = z
  .enum(STATUS_SOURCES)
  .nullable()
  .describe(
    'Where status_effective came from: stated (the status as the document states it, in words or through its key), key (the RAG read through the plan\'s own RAG key, a table or prose such as "G on track or complete, A some slippage, R off track"), default (the RAG read through the documented default: red behind, amber in_progress, green on_track, blue complete); null when the action has neither status nor RAG',
  )

export const IsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
  .nullable()
  .describe('ISO 8601 at the precision the source gives (YYYY, YYYY-MM or YYYY-MM-DD); null when the text is not a date or is impossible')

export const Provenance = z
  .object({
    page: z.number().int().positive().nullable().describe('1-based page of the source row; null for formats without pages'),
    table: z.number().int().nonnegative().nullable().describe('0-based table index in the source document; null when the record comes from running text'),
    row: z.number().int().nonnegative().nullable().describe('0-based row index in that table'),
    bbox: BBox.nullable().optional().describe('Bounding box of the row on its page, in PDF points; PDF only'),
    confidence: z.number().min(0).max(1).optional().describe('Scanned PDF only: mean OCR confidence (0–1) of the words of the row; absent for text read from a text layer'),
  })
  .describe('Where a record came from in the source file')
export type Provenance = z.infer<typeof Provenance>

const Extra = z
  .record(z.string(), z.string())
  .describe('Source cells that no field took, keyed by their column header (or "column N"): nothing is dropped')

export const ThemeMatch = z
  .object({
    theme: z.string().describe('Theme id from the taxonomy (src/themes/taxonomy.ts), e.g. supervision, care-leavers'),
    words: z.array(z.string()).describe('The words of the text that matched the theme, lower case: why it was classified so'),
  })
  .describe('One theme of a record, rule-based and explainable')
export type ThemeMatch = z.infer<typeof ThemeMatch>

export const Milestone = z.object({
  text: z.string(),
  due_date: IsoDate,
  due_raw: z.string().nullable().describe('The due date as written'),
  status: Status,
  rag: Rag,
  provenance: Provenance,
})
export type Milestone = z.infer<typeof Milestone>

export const Action = z.object({
  id: z.string().describe('Stable id: the recommendation id, "a" and the 1-based position of the action'),
  ref: z.string().nullable().describe('The action reference as written (1.1, A3), when it has one'),
  text: z.string(),
  leads: z.array(z.string()).describe('People or roles who lead the action, split from the lead cell(s); initials expanded by the document key where it has one, initials kept'),
  lead_raw: z.string().nullable().describe('The lead cell(s) as written'),
  organisations: z.array(z.string()).describe('Organisations responsible, as written (abbreviations expanded by the document key, both kept)'),
  due_date: IsoDate,
  due_raw: z.string().nullable().describe('The due date cell as written'),
  status: Status,
  rag: Rag,
  rag_source: RagSource,
  status_effective: z
    .enum(STATUSES)
    .nullable()
    .describe('A status comparable across plans: the stated status, else the RAG read through the plan\'s key or the default (see status_source); null when neither is stated'),
  status_source: StatusSource,
  status_raw: z.string().nullable().describe('The status or RAG cell as written'),
  progress: z.string().nullable().describe('Progress or position statement'),
  success_criteria: z.string().nullable().describe('Success criteria, desired outcome or measure of success'),
  evidence: z.string().nullable().describe('Evidence, measures, monitoring or assurance'),
  impact: z.string().nullable().describe('Impact or expected outcome for children, when the document has a column for it'),
  timeframe: z.string().nullable().describe('Timescale of the action as written (Immediate, 3 months)'),
  also_answers: z
    .array(z.string())
    .describe('Refs of the other recommendations this action answers (Telford R2/R3: the block of actions after R3 answers R2 too); the action is stored once, under the recommendation it follows'),
  themes: z.array(ThemeMatch).describe('Themes of the action text'),
  extra: Extra,
  provenance: Provenance,
  milestones: z.array(Milestone),
})
export type Action = z.infer<typeof Action>

export const Recommendation = z.object({
  id: z.string().describe('Stable id: the plan id, "r" and the 1-based position of the recommendation'),
  ref: z.string().nullable().describe('The reference as written (R1, 1.1, 2.2.1, 1A, "Recommendation 4"); null when none'),
  text: z.string(),
  theme: z.string().nullable().describe('The section or priority heading the recommendation stands under'),
  timeframe: z.string().nullable().describe('Timeframe as written (Immediate, Within 3 months)'),
  organisations: z.array(z.string()).describe('Organisations the recommendation is addressed to, when the document says'),
  shares_actions_with: z
    .array(z.string())
    .describe(
      'Refs of the other recommendations answered by the same block of actions (Telford R2/R3). The actions are stored once, under the last recommendation before them; their also_answers names the others',
    ),
  themes: z.array(ThemeMatch).describe('Themes of the recommendation text'),
  extra: Extra,
  provenance: Provenance,
  actions: z.array(Action),
})
export type Recommendation = z.infer<typeof Recommendation>

export const Authority = z.object({
  name: z.string().describe('Official name of the local authority'),
  code: z.string().nullable().describe('ONS GSS code (E06000020); null when not resolved'),
})
export type Authority = z.infer<typeof Authority>

export const PlanSource = z.object({
  path: z.string().describe('The file as it was named on the command line'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: Format,
  pages: z.number().int().nonnegative().nullable(),
  ocr: z.boolean().optional().describe('True when some of its pages were read by OCR (a scan); absent otherwise'),
})
export type PlanSource = z.infer<typeof PlanSource>

export const KeyEntry = z.object({
  key: z.string().describe('Initials, abbreviation, colour or word as the document uses it'),
  value: z.string().describe('What the document says it stands for'),
})

export const Plan = z.object({
  id: z.string().describe('Stable id: the first 16 hex digits of the SHA-256 of the source bytes'),
  title: z.string().nullable(),
  authority: Authority.nullable().describe('The first authority the plan names'),
  authorities: z.array(Authority).describe('Every local authority the plan names (a safeguarding board can cover several)'),
  inspectorate: z.string().nullable().describe('Ofsted, CQC, or both ("Ofsted and CQC"), as named in the plan'),
  plan_date: IsoDate.describe('Date or version date of the plan, as precise as the document gives'),
  revision: z
    .number()
    .int()
    .positive()
    .describe("1, 2, 3, … in the order of the plan's own date (or version), then of its files' modification time; a change of content makes a revision, another format of the same content does not"),
  source: PlanSource.describe('The file the records were read from (of several renditions, the one whose format keeps most: Word, then HTML, then PDF, then text)'),
  renditions: z
    .array(PlanSource)
    .optional()
    .describe('Every file holding this same revision (the same content in other formats or copies), source first; set by the store, absent from a single interpretation'),
  keys: z
    .object({
      personnel: z.array(KeyEntry),
      organisations: z.array(KeyEntry),
      rag: z.array(KeyEntry),
    })
    .describe('Keys the document defines: personnel initials, organisation abbreviations, RAG legend'),
  notes: z.array(z.object({ label: z.string().nullable(), text: z.string() })).describe('Labelled blocks and text around the tables that belong to the plan as a whole'),
  coverage: z.number().min(0).max(1).describe('Share of non-empty source table cells that landed in a mapped field (the rest is in extra or notes)'),
  recommendations: z.array(Recommendation),
})
export type Plan = z.infer<typeof Plan>

export const Export = z.object({ plans: z.array(Plan) })
export type Export = z.infer<typeof Export>
