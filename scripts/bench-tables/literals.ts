/**
 * Just enough of Python, Java and CSV to read expected tables where the public test suites keep
 * them, at run time (nothing third-party is copied into this repository):
 *  - Camelot's tests/data.py: `name = [[...], ...]` list literals of strings (adjacent strings
 *    joined), `name = other[a:b]`, `name = list(other)`, `name.extend(other)`; everything else skipped.
 *  - pdfplumber's tests: the list literal that follows an `assert x == ` in a test file.
 *  - Tabula's tests: `String[][] NAME = { {"a", "b"}, ... };` in a Java class, a CSV text held in a Java
 *    string, and its CSV files.
 * A small tokenizer rather than a Python subprocess: CI and this machine need no Python, and the
 * bench reads the files exactly as they are checked out.
 */

type Token = { t: 'str'; v: string } | { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'p'; v: string } | { t: 'nl' }

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', b: '\b', f: '\f' }

/** A quoted string starting at text[i] (the quote); Python and Java escapes. */
function readString(text: string, i: number): { value: string; end: number } {
  const quote = text[i]!
  let value = ''
  let j = i + 1
  while (j < text.length && text[j] !== quote) {
    if (text[j] === '\\') {
      const c = text[j + 1]!
      if (c === 'u' || c === 'x') {
        const n = c === 'u' ? 4 : 2
        value += String.fromCharCode(parseInt(text.slice(j + 2, j + 2 + n), 16))
        j += 2 + n
        continue
      }
      if (c === 'U') {
        value += String.fromCodePoint(parseInt(text.slice(j + 2, j + 10), 16))
        j += 10
        continue
      }
      if (c === '\n') j += 2
      else {
        value += ESCAPES[c] ?? `\\${c}`
        j += 2
      }
      continue
    }
    value += text[j]
    j += 1
  }
  return { value, end: j + 1 }
}

/** Tokens of Python or Java source; new lines only outside brackets (a Python statement end). */
export function tokenize(text: string, from = 0, lang: 'python' | 'java' = 'python'): Token[] {
  const out: Token[] = []
  let depth = 0
  let i = from
  while (i < text.length) {
    const c = text[i]!
    if (c === '\n') {
      if (lang === 'python' && depth === 0 && out.at(-1)?.t !== 'nl') out.push({ t: 'nl' })
      i += 1
    } else if (/\s/u.test(c)) i += 1
    else if (lang === 'python' && c === '#') while (i < text.length && text[i] !== '\n') i += 1
    else if (lang === 'java' && text.startsWith('//', i)) while (i < text.length && text[i] !== '\n') i += 1
    else if (lang === 'java' && text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) < 0 ? text.length : text.indexOf('*/', i + 2) + 2
    else if (c === '"' || c === "'") {
      const s = readString(text, i)
      out.push({ t: 'str', v: s.value })
      i = s.end
    } else if (/[0-9]/u.test(c) || (c === '-' && /[0-9]/u.test(text[i + 1] ?? ''))) {
      const m = /^-?[0-9.]+/u.exec(text.slice(i))!
      out.push({ t: 'num', v: Number(m[0]) })
      i += m[0].length
    } else if (/[A-Za-z_]/u.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/u.exec(text.slice(i))!
      out.push({ t: 'id', v: m[0] })
      i += m[0].length
    } else {
      if ('([{'.includes(c)) depth += 1
      if (')]}'.includes(c)) depth = Math.max(0, depth - 1)
      out.push({ t: 'p', v: c })
      i += 1
    }
  }
  return out
}

type Value = string | number | null | Value[]

class Parser {
  i = 0
  constructor(
    readonly tokens: Token[],
    readonly vars: Map<string, Value> = new Map(),
  ) {}
  peek(): Token | undefined {
    return this.tokens[this.i]
  }
  isP(v: string): boolean {
    const t = this.peek()
    return t?.t === 'p' && t.v === v
  }
  expectP(v: string): void {
    if (!this.isP(v)) throw new Error(`expected '${v}' at token ${this.i}: ${JSON.stringify(this.peek())}`)
    this.i += 1
  }
  /** A list literal, string (adjacent ones joined), number, None, name, name[slice], list(expr). */
  expr(): Value {
    const t = this.peek()
    if (!t) throw new Error('unexpected end of input')
    if (t.t === 'p' && (t.v === '[' || t.v === '{')) return this.list(t.v === '[' ? ']' : '}')
    if (t.t === 'p' && t.v === '(') {
      this.i += 1
      const v = this.expr()
      this.expectP(')')
      return v
    }
    if (t.t === 'str') {
      let s = ''
      while (this.peek()?.t === 'str' || (this.isP('+') && this.tokens[this.i + 1]?.t === 'str')) {
        if (this.isP('+')) this.i += 1
        s += (this.peek() as { v: string }).v
        this.i += 1
      }
      return s
    }
    if (t.t === 'num') {
      this.i += 1
      return t.v
    }
    if (t.t === 'id') {
      this.i += 1
      if (t.v === 'None' || t.v === 'null') return null
      if (t.v === 'list' && this.isP('(')) {
        this.i += 1
        const v = this.expr()
        this.expectP(')')
        return Array.isArray(v) ? [...v] : v
      }
      const v = this.vars.get(t.v)
      if (v === undefined) throw new Error(`unknown name ${t.v}`)
      if (this.isP('[')) return this.slice(v)
      return v
    }
    throw new Error(`unexpected token ${JSON.stringify(t)}`)
  }
  list(close: string): Value[] {
    this.i += 1
    const items: Value[] = []
    while (!this.isP(close)) {
      items.push(this.expr())
      if (this.isP(',')) this.i += 1
      else if (!this.isP(close)) throw new Error(`expected ',' or '${close}' at token ${this.i}`)
    }
    this.i += 1
    return items
  }
  slice(v: Value): Value {
    this.i += 1
    const num = (): number | undefined => (this.peek()?.t === 'num' ? ((this.tokens[this.i++] as { v: number }).v) : undefined)
    const from = num()
    if (this.isP(']')) {
      this.i += 1
      if (!Array.isArray(v) || from === undefined) throw new Error('bad index')
      return v.at(from) ?? null
    }
    this.expectP(':')
    const to = num()
    this.expectP(']')
    if (!Array.isArray(v)) throw new Error('slice of a non-list')
    return v.slice(from ?? 0, to ?? v.length)
  }
}

/** Module-level list assignments of a Python file; statements it cannot read are skipped. */
export function pythonAssignments(source: string): Map<string, Value> {
  const p = new Parser(tokenize(source))
  while (p.peek()) {
    const start = p.i
    const t = p.peek()!
    const next = p.tokens[p.i + 1]
    try {
      if (t.t === 'id' && next?.t === 'p' && next.v === '=') {
        p.i += 2
        p.vars.set(t.v, p.expr())
      } else if (t.t === 'id' && next?.t === 'p' && next.v === '.' && p.tokens[p.i + 2]?.t === 'id' && (p.tokens[p.i + 2] as { v: string }).v === 'extend') {
        p.i += 3
        p.expectP('(')
        const v = p.expr()
        p.expectP(')')
        const target = p.vars.get(t.v)
        if (Array.isArray(target) && Array.isArray(v)) p.vars.set(t.v, [...target, ...v])
      }
    } catch {
      p.i = start + 1
    }
    while (p.peek() && p.peek()!.t !== 'nl') p.i += 1
    p.i += 1
  }
  return p.vars
}

/** The literal that follows `anchor` (e.g. `assert parsed[0] == `) in a Python file. */
export function pythonLiteralAfter(source: string, anchor: string): Value {
  const at = source.indexOf(anchor)
  if (at < 0) throw new Error(`anchor not found: ${anchor}`)
  return new Parser(tokenize(source, at + anchor.length)).expr()
}

/**
 * The value assigned to NAME in a Java file: `NAME = { {...}, ... }` (a String[][]) or `NAME = "..." +
 * "..."` (a string); the first assignment after `after` when given (a local variable of one test).
 */
export function javaValue(source: string, name: string, after?: string): Value {
  const from = after === undefined ? 0 : source.indexOf(after)
  if (from < 0) throw new Error(`${after} not found`)
  const re = new RegExp(`\\b${name}\\s*=`, 'gu')
  re.lastIndex = from
  const m = re.exec(source)
  if (!m) throw new Error(`${name} not found`)
  return new Parser(tokenize(source, m.index + m[0].length, 'java')).expr()
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes doubled, new lines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/** A value that should be a table: rows of cells, null and numbers made text. */
export function toGrid(v: Value): string[][] {
  if (!Array.isArray(v)) throw new Error('not a list of rows')
  return v.map((row) => (Array.isArray(row) ? row.map((c) => (c === null ? '' : String(c))) : [row === null ? '' : String(row)]))
}
