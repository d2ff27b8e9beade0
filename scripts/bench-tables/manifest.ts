import type { Partial as PartialAnswer } from './relations.js'

/**
 * Which public PDFs the table bench reads, and where each expected table is kept in the public
 * project's own test suite. Only pointers live here; the PDFs and the answers are read from the
 * checked-out projects at run time.
 *
 * Left out on purpose:
 *  - the ICDAR 2013 data (tabula-java's icdar2013-dataset folder, the loose eu-* and us-* copies at
 *    its top level, Camelot's tests/files/tabula/icdar2013-dataset and the tests that read those files,
 *    such as us-007 and us-030): kept back as a blind test;
 *  - tests that check a count or one cell rather than a table (nics, issue-466, failing_sort…);
 *  - MultiColumn.csv (two areas written into one CSV with no mark where one ends);
 *  - answers made with options that rewrite text (Camelot's strip_text) when another answer for the
 *    same file exists (detect_vertical_false uses the layout_kwargs answer).
 * Where a file has several answers (Camelot's stream, network and hybrid), one is taken, the one
 * closest to the printed table.
 *
 * `ruled`: the table is drawn with ruling lines or cell boxes (looked at on the rendered page).
 * `streamSplit`: the answer puts each line of a multi-line cell in a row of its own (a "stream-mode"
 * answer); such cases are totalled apart, since our reader keeps a multi-line cell whole.
 */

export type SetName = 'tabula' | 'camelot' | 'pdfplumber'

export type Source =
  | { kind: 'csv'; file: string }
  | { kind: 'tabula-json'; file: string; table: number }
  | { kind: 'java-array'; file: string; name: string }
  /** A CSV text in a Java string variable, the first one named so after `after` (a test method). */
  | { kind: 'java-csv-string'; file: string; name: string; after: string }
  | { kind: 'python-var'; file: string; name: string }
  /** One expected row per anchor: the list literal after each anchor, in order. */
  | { kind: 'python-rows'; file: string; anchors: string[] }

export interface Entry {
  set: SetName
  /** PDF path inside the set's checkout. */
  pdf: string
  page: number
  expected: Source
  ruled: boolean
  streamSplit?: boolean
  partial?: PartialAnswer
  /** The answer writes right-to-left text in visual order (reversed); it is put back in reading order. */
  visualOrder?: boolean
  note?: string
}

/** Folder names a set may be checked out as, under the folder the bench is given. */
export const SET_ROOTS: Record<SetName, string[]> = {
  tabula: ['tabulapdf+tabula-java', 'tabula-java'],
  camelot: ['camelot-dev+camelot', 'camelot'],
  pdfplumber: ['jsvine+pdfplumber', 'pdfplumber'],
}

const T = 'src/test/resources/technology/tabula'
const TJ = 'src/test/java/technology/tabula'
const C = 'tests/files'
const CD = 'tests/data.py'
const P = 'tests/pdfs'

const tab = (pdf: string, expected: Source, ruled: boolean, more: Partial<Entry> = {}): Entry => ({ set: 'tabula', pdf: `${T}/${pdf}`, page: 1, expected, ruled, ...more })
const cam = (pdf: string, name: string, ruled: boolean, more: Partial<Entry> = {}): Entry => ({
  set: 'camelot',
  pdf: `${C}/${pdf}`,
  page: 1,
  expected: { kind: 'python-var', file: CD, name },
  ruled,
  ...more,
})
const json = (name: string, table = 0): Source => ({ kind: 'tabula-json', file: `${T}/json/${name}.json`, table })
const csv = (name: string): Source => ({ kind: 'csv', file: `${T}/csv/${name}.csv` })

export const MANIFEST: Entry[] = [
  // tabula-java: CSV/JSON answers of its writers' tests, and the arrays of TestBasicExtractor.
  tab('argentina_diputados_voting_record.pdf', { kind: 'java-array', file: `${TJ}/TestBasicExtractor.java`, name: 'ARGENTINA_DIPUTADOS_VOTING_RECORD_EXPECTED' }, true, {
    partial: 'area',
    note: 'area of the page (the voting table), stream extraction',
  }),
  tab('spanning_cells.pdf', json('spanning_cells', 0), true),
  tab('spanning_cells.pdf', json('spanning_cells', 1), true),
  tab('twotables.pdf', json('twotables', 0), true),
  tab('twotables.pdf', json('twotables', 1), true),
  tab('schools.pdf', json('schools'), true, { partial: 'area' }),
  tab('AnimalSounds1.pdf', json('AnimalSounds1', 0), true, { note: 'left half of the page, columns given' }),
  tab('AnimalSounds1.pdf', json('AnimalSounds1', 1), true, { note: 'right half of the page, columns given' }),
  tab('AnimalSounds.pdf', csv('AnimalSounds'), true, { partial: 'area', note: 'columns given; the answer leaves out the header row' }),
  tab('frx_2012_disclosure.pdf', csv('frx_2012_disclosure'), true),
  tab('spreadsheet_no_bounding_frame.pdf', csv('spreadsheet_no_bounding_frame'), true, { partial: 'area' }),
  tab('Publication_of_award_of_Bids_for_Transport_Sector__August_2016.pdf', csv('Publication_of_award_of_Bids_for_Transport_Sector__August_2016'), true),
  tab('puertos1.pdf', { kind: 'java-csv-string', file: `${TJ}/TestSpreadsheetExtractor.java`, name: 'expected', after: 'testExtractSpreadsheetWithinAnArea' }, true, {
    partial: 'area',
  }),
  tab('indictb1h_14.pdf', csv('indictb1h_14'), false, { partial: 'area' }),

  // Camelot: the data_* answers of tests/data.py, wired to files in test_lattice/stream/network/hybrid.
  cam('clockwise_table_1.pdf', 'data_lattice_table_rotated', true, { note: 'rotated a quarter turn' }),
  cam('anticlockwise_table_1.pdf', 'data_lattice_table_rotated', true, { note: 'rotated a quarter turn' }),
  cam('twotables_2.pdf', 'data_lattice_two_tables_1', true),
  cam('twotables_2.pdf', 'data_lattice_two_tables_2', true),
  cam('table_region.pdf', 'data_lattice_table_regions', true, { partial: 'area' }),
  cam('background_lines_1.pdf', 'data_lattice_process_background', true, { note: 'second table of the page; lines drawn as filled boxes' }),
  cam('row_span_1.pdf', 'data_lattice_copy_text', true, { note: 'copy_text="v": the answer repeats a row-spanning cell down its rows' }),
  cam('column_span_2.pdf', 'data_lattice_shift_text_left_top', true),
  cam('tabula/arabic.pdf', 'data_arabic', true, { visualOrder: true, note: 'Arabic written in visual order in the answer' }),
  cam('split_text_lattice.pdf', 'data_lattice_split_text', true),
  cam('health.pdf', 'data_stream', false, { streamSplit: true, note: 'header cells one row per line' }),
  cam('clockwise_table_2.pdf', 'data_network_table_rotated', false, { streamSplit: true, note: 'rotated a quarter turn; header cells one row per line' }),
  cam('anticlockwise_table_2.pdf', 'data_network_table_rotated', false, { streamSplit: true, note: 'rotated a quarter turn; header cells one row per line' }),
  cam('tabula/12s0324.pdf', 'data_network_two_tables_1', false, { streamSplit: true, note: 'header and row labels one row per line' }),
  cam('tabula/12s0324.pdf', 'data_network_two_tables_2', false, { streamSplit: true, note: 'header cells one row per line' }),
  cam('multiple_tables.pdf', 'data_network_two_tables_b_1', true),
  cam('multiple_tables.pdf', 'data_network_two_tables_b_2', true),
  cam('vertical_header.pdf', 'data_network_vertical_headers', true, { streamSplit: true, note: 'header cells one row per line' }),
  cam('mexican_towns.pdf', 'data_stream_columns', false, { streamSplit: true, note: 'columns given; header cells one row per line' }),
  cam('tabula/m27.pdf', 'data_network_split_text', false, { streamSplit: true, note: 'columns given, split_text; address and name cells one row per line' }),
  cam('superscript.pdf', 'data_network_flag_size', false, { streamSplit: true, note: 'flag_size (superscript markup removed); header cells one row per line' }),
  cam('detect_vertical_false.pdf', 'data_stream_layout_kwargs', false),
  cam('edge_tol.pdf', 'data_network_edge_tol', false),
  cam('stream_inner_outer_columns.pdf', 'data_stream_inner_outer_columns', false),

  // pdfplumber: rows asserted in its tests (partial answers: scored on the rows they give).
  {
    set: 'pdfplumber',
    pdf: `${P}/WARN-Report-for-7-1-2015-to-03-25-2016.pdf`,
    page: 1,
    expected: { kind: 'python-rows', file: 'tests/test_ca_warn_report.py', anchors: ['assert parsed[0] ==', 'assert parsed[1] =='] },
    ruled: true,
    partial: 'rows',
  },
  {
    set: 'pdfplumber',
    pdf: `${P}/issue-140-example.pdf`,
    page: 1,
    expected: { kind: 'python-rows', file: 'tests/test_table.py', anchors: ['assert t[-1] =='] },
    ruled: true,
    partial: 'rows',
  },
  {
    set: 'pdfplumber',
    pdf: `${P}/senate-expenditures.pdf`,
    page: 1,
    expected: { kind: 'python-rows', file: 'tests/test_table.py', anchors: ['assert t_tol[-1] =='] },
    ruled: false,
    partial: 'rows',
    note: 'cropped to the left columns',
  },
]
