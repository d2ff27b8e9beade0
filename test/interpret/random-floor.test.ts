import { describe, expect, it } from 'vitest'
import { runSeeds } from '../../scripts/fixtures/random/bench-random.js'
import { scoreSeeds } from '../../scripts/fixtures/random/score-seeds.js'
import { figures } from '../../scripts/fixtures/random/tally.js'

/**
 * A floor on templates the interpretation was not written from: 40 templates drawn by the
 * template-family generator (scripts/fixtures/random) from a fixed base seed, each read as Word,
 * HTML and pasted text and scored against the generator's truth. The seeds were fixed before any
 * of them was looked at; `npx tsx scripts/bench-accuracy.ts --random 40 --seed 2613` shows them.
 */
const SEEDS = runSeeds(2613, 40)

describe('templates never seen (random template family)', () => {
  it('finds recommendations and actions with F1 of at least 0.97 over 40 fixed seeds', { timeout: 240_000 }, async () => {
    const f = figures(await scoreSeeds(SEEDS))
    expect(f.templates).toBe(40)
    expect(f.recF1).toBeGreaterThanOrEqual(0.97)
    expect(f.actF1).toBeGreaterThanOrEqual(0.97)
  })
})
