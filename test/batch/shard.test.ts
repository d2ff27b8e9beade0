import { describe, expect, it } from 'vitest'
import { inShard, parseShard, shardOf } from '../../src/batch/shard.js'

describe('ingest --shard K/N', () => {
  const files = Array.from({ length: 400 }, (_, i) => `plans/council-${i}/plan-${i % 7}.pdf`)

  it('reads K/N with 1 ≤ K ≤ N, and nothing else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 })
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 })
    for (const bad of ['0/4', '5/4', '4', '1/0', 'a/b', '1/4/2', '-1/4', '1.5/4', '']) expect(parseShard(bad), bad).toBeNull()
  })

  it('gives every file to exactly one of N slices, in the list’s order, roughly evenly', () => {
    for (const count of [1, 2, 3, 4, 7]) {
      const slices = Array.from({ length: count }, (_, k) => inShard(files, { index: k + 1, count }))
      expect(slices.flat().sort()).toEqual([...files].sort())
      for (const slice of slices) {
        expect(slice).toEqual(files.filter((f) => slice.includes(f)))
        expect(slice.length).toBeGreaterThan((files.length / count) * 0.75)
      }
    }
  })

  it('depends on the path alone: the same on every machine, whatever else is in the list', () => {
    const slice = inShard(files, { index: 3, count: 4 })
    expect(inShard([...files].reverse(), { index: 3, count: 4 })).toEqual([...slice].reverse())
    expect(inShard(files.slice(0, 100), { index: 3, count: 4 })).toEqual(slice.filter((f) => files.indexOf(f) < 100))
    // Pinned: a change of hash would split a running team's work differently between releases.
    expect(files.slice(0, 8).map((f) => shardOf(f, 4))).toMatchInlineSnapshot(`
      [
        1,
        3,
        3,
        2,
        3,
        3,
        4,
        1,
      ]
    `)
  })

  it('leaves standard input to whichever process is given it', () => {
    expect(inShard(['-'], { index: 2, count: 3 })).toEqual(['-'])
  })
})
