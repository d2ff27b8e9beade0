import { describe, expect, it } from 'vitest'
import { matchesGlob, selectPaths } from '../../src/batch/glob.js'

describe('globs for --include and --exclude', () => {
  it('matches a pattern without a slash against any file or folder name', () => {
    expect(matchesGlob('plans/2013/telford.pdf', '*.pdf')).toBe(true)
    expect(matchesGlob('plans/drafts/telford.pdf', 'drafts')).toBe(true)
    expect(matchesGlob('plans/telford.docx', '*.pdf')).toBe(false)
  })

  it('matches ** across folders, ? and {a,b} and [..] within one name', () => {
    expect(matchesGlob('plans/a/b/drafts/x.pdf', '**/drafts/**')).toBe(true)
    expect(matchesGlob('plans/x.pdf', 'plans/**/*.pdf')).toBe(true)
    expect(matchesGlob('plans/2013/x.pdf', 'plans/*.pdf')).toBe(false)
    expect(matchesGlob('plan1.pdf', 'plan?.{pdf,docx}')).toBe(true)
    expect(matchesGlob('plan1.txt', 'plan[0-9].*')).toBe(true)
    expect(matchesGlob('planA.txt', 'plan[!0-9].*')).toBe(true)
  })

  it('matches nested braces and escaped special characters', () => {
    expect(matchesGlob('plans/2013/q1/x.pdf', 'plans/{2012,2013/{q1,q2}}/*.pdf')).toBe(true)
    expect(matchesGlob('plans/2013/q3/x.pdf', 'plans/{2012,2013/{q1,q2}}/*.pdf')).toBe(false)
    expect(matchesGlob('plans/2012/x.pdf', 'plans/{2012,2013/{q1,q2}}/*.pdf')).toBe(true)
    expect(matchesGlob('plans/draft[1].pdf', 'draft\\[1\\].pdf')).toBe(true)
    expect(matchesGlob('plans/draft1.pdf', 'draft\\[1\\].pdf')).toBe(false)
    expect(matchesGlob('plans/what?.pdf', 'what\\?.pdf')).toBe(true)
    expect(matchesGlob('plans/whatx.pdf', 'what\\?.pdf')).toBe(false)
  })

  it('keeps what an include matches and no exclude does', () => {
    const paths = ['a/x.pdf', 'a/y.docx', 'a/drafts/z.pdf']
    expect(selectPaths(paths, [], [])).toEqual(paths)
    expect(selectPaths(paths, ['*.pdf'], [])).toEqual(['a/x.pdf', 'a/drafts/z.pdf'])
    expect(selectPaths(paths, ['*.pdf'], ['drafts'])).toEqual(['a/x.pdf'])
  })
})
