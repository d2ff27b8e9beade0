import { describe, expect, it } from 'vitest'
import { abbreviates, expandWithKey, parseOrganisationKey, parsePersonnelKey, parseRagKeyText } from '../../src/interpret/document-keys.js'
import { resolveAuthorities } from '../../src/interpret/authorities/resolve-authorities.js'

describe('document keys', () => {
  it('reads a personnel key of names and initials run together (Dudley)', () => {
    const key = parsePersonnelKey('PERSONNEL KEY SUSAN MARSHALL – SM ANNA DODD – AD WENDY PUGH - WP')
    expect(key).toEqual([
      { key: 'SM', value: 'Susan Marshall' },
      { key: 'AD', value: 'Anna Dodd' },
      { key: 'WP', value: 'Wendy Pugh' },
    ])
  })

  it('reads an organisation key of names alone and matches abbreviations to them', () => {
    const key = parseOrganisationKey('ORGANISATION KEY DUDLEY & WALSALL MENTAL HEALTH PARTNERSHIP TRUST BLACK COUNTRY PARTNERSHIP FOUNDATION TRUST NHS DUDLEY')
    expect(key.map((k) => k.value)).toEqual(['Dudley & Walsall Mental Health Partnership Trust', 'Black Country Partnership Foundation Trust', 'NHS Dudley'])
    expect(expandWithKey('BCFT', key)).toBe('Black Country Partnership Foundation Trust (BCFT)')
    expect(expandWithKey('DWMH', key)).toBe('Dudley & Walsall Mental Health Partnership Trust (DWMH)')
    expect(expandWithKey('NHSD', key)).toBe('NHS Dudley (NHSD)')
    expect(expandWithKey('XYZ', key)).toBe('XYZ')
  })

  it('matches an abbreviation only when the name can spell it in order', () => {
    expect(abbreviates('BCPFT', 'Black Country Partnership Foundation Trust')).toBe(true)
    expect(abbreviates('DGH', 'Dudley Group of Hospitals')).toBe(true)
    expect(abbreviates('BCFT', 'Dudley Group of Hospitals Foundation Trust')).toBe(false)
  })
})

describe('resolveAuthorities', () => {
  it('finds the council a plan names and its GSS code', () => {
    const found = resolveAuthorities('NHS Telford and Wrekin and Telford and Wrekin Council must ensure that…', '2012-11')
    expect(found[0]?.authority).toEqual({ name: 'Telford & Wrekin Council', code: 'E06000020' })
  })

  it('keeps two councils that a joint board names equally often', () => {
    const found = resolveAuthorities('Bath and North East Somerset and Wiltshire Council safeguarding board. B&NES and Wiltshire agree.', '2013-01')
    expect(found.map((f) => f.authority.code).sort()).toEqual(['E06000022', 'E06000054'])
  })

  it('resolves a name against the authorities that existed on the plan date', () => {
    const found = resolveAuthorities('Poole Borough Council action plan', '2012-06')
    expect(found[0]?.authority.name).toMatch(/Poole/)
    expect(found[0]?.authority.code).not.toBe('E06000058')
  })

  it('knows the short names plans use that the reference data lacks', () => {
    const code = (text: string): string | null | undefined => resolveAuthorities(text, '2012-06')[0]?.authority.code
    expect(code('Dudley MBC Children’s Services')).toBe('E08000027')
    expect(code('Agreed by T&W Safeguarding Board')).toBe('E06000020')
    expect(code('BANES improvement plan')).toBe('E06000022')
    expect(code('B&NES improvement plan')).toBe('E06000022')
  })

  it('does not read an ordinary word as a council', () => {
    expect(resolveAuthorities('improve reading age and rugby club links', '2012-01')).toEqual([])
  })
})

describe('RAG key in a paragraph', () => {
  it('reads colour words or letters with their meanings', () => {
    expect(parseRagKeyText('RAG key: red – behind schedule; amber – in progress with some risk; green – on track; blue – complete.')).toEqual([
      { key: 'red', value: 'behind schedule' },
      { key: 'amber', value: 'in progress with some risk' },
      { key: 'green', value: 'on track' },
      { key: 'blue', value: 'complete' },
    ])
    expect(parseRagKeyText('Key to RAG rating: G = on track, A = at risk, R = off track')).toHaveLength(3)
  })

  it('is not a key when fewer than two pairs are given (the key is then in the table below)', () => {
    expect(parseRagKeyText('Key to RAG rating')).toEqual([])
    expect(parseRagKeyText('RAG key: see the table')).toEqual([])
  })
})
