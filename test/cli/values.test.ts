import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixture, run, tempDir } from './run-cli.js'

/** Values after flags are checked: what cannot match anything is refused (exit 2), not answered with an empty file. */
describe('checked values and repeated filters', () => {
  let db: string
  beforeAll(() => {
    db = join(tempDir('values'), 'plans.sqlite')
    expect(run(['ingest', fixture('text', 'telford'), fixture('text', 'dudley'), fixture('text', 'banes'), '--db', db]).code).toBe(0)
  })
  type Exported = { plans: { id: string; recommendations: { actions: { id: string }[] }[] }[] }
  const exported = (...args: string[]): Exported => {
    const result = run(['export', '--db', db, '--format', 'json', ...args])
    expect(result.errLines, args.join(' ')).toEqual([])
    expect(result.code).toBe(0)
    return JSON.parse(result.stdout) as Exported
  }
  const actionIds = (e: Exported): string[] => e.plans.flatMap((p) => p.recommendations.flatMap((r) => r.actions.map((a) => a.id))).sort()
  const planIds = (e: Exported): string[] => e.plans.map((p) => p.id).sort()

  it('refuses impossible dates in --due-before, --due-after and --as-of', () => {
    expect(run(['export', '--db', db, '--due-before', '2012-13-45'])).toMatchObject({ code: 2, stdout: '', errLines: ['--due-before: 2012-13-45 is not a date on the calendar'] })
    expect(run(['export', '--db', db, '--due-after', '2012-02-30'])).toMatchObject({ code: 2, stdout: '', errLines: ['--due-after: 2012-02-30 is not a date on the calendar'] })
    expect(run(['export', '--db', db, '--overdue', '--as-of', '2013-02-29'])).toMatchObject({ code: 2, stdout: '', errLines: ['--as-of: 2013-02-29 is not a date on the calendar'] })
    expect(run(['compare', '--db', db, '--as-of', '2012-13-01'])).toMatchObject({ code: 2, stdout: '', errLines: ['--as-of: 2012-13-01 is not a date on the calendar'] })
    expect(run(['report', '--db', db, '--as-of', '31/03/2013'])).toMatchObject({ code: 2, stdout: '', errLines: ['--as-of takes a date as YYYY-MM-DD, not "31/03/2013"'] })
    // A leap day is a date.
    expect(run(['export', '--db', db, '--due-before', '2012-02-29']).code).toBe(0)
  })

  it('refuses an unknown --status with the closest value and the known ones', () => {
    expect(run(['export', '--db', db, '--status', 'reed'])).toMatchObject({
      code: 2, stdout: '',
      errLines: ['unknown --status "reed" (did you mean red?); statuses are complete, on_track, in_progress, behind, not_started; RAG colours are red, amber, green, blue'],
    })
    expect(run(['export', '--db', db, '--status', 'purple']).errLines).toEqual(['unknown --status "purple"; statuses are complete, on_track, in_progress, behind, not_started; RAG colours are red, amber, green, blue'])
  })

  it('refuses an --authority no stored plan is of, with the closest name', () => {
    expect(run(['export', '--db', db, '--authority', 'Telfrod'])).toMatchObject({ code: 2, stdout: '', errLines: ['no stored plan is of authority "Telfrod"; did you mean "Telford & Wrekin Council"?'] })
    expect(run(['report', '--db', db, '--authority', 'Nowhereshire'])).toMatchObject({
      code: 2, errLines: ['no stored plan is of authority "Nowhereshire"; the stored plans are of Bath and North East Somerset Council, Dudley Metropolitan Borough Council, Telford & Wrekin Council'],
    })
  })

  it('--theme takes the slug or the label compare prints, in any case; an unknown one is refused', () => {
    const slug = actionIds(exported('--theme', 'training'))
    expect(slug.length).toBeGreaterThan(0)
    expect(actionIds(exported('--theme', 'TRAINING AND DEVELOPMENT'))).toEqual(slug)
    expect(actionIds(exported('--theme', 'Training and development'))).toEqual(slug)
    expect(run(['export', '--db', db, '--theme', 'care leaverz'])).toMatchObject({ code: 2, stdout: '', errLines: [expect.stringMatching(/^unknown --theme "care leaverz" \(did you mean care-leavers\?\); themes are supervision, training, /)] })
  })

  it('repeated --status, --theme and --authority mean any of them', () => {
    const red = actionIds(exported('--status', 'red'))
    const amber = actionIds(exported('--status', 'amber'))
    expect(red.length).toBeGreaterThan(0)
    expect(amber.length).toBeGreaterThan(0)
    expect(actionIds(exported('--status', 'red', '--status', 'amber'))).toEqual([...new Set([...red, ...amber])].sort())
    const supervision = actionIds(exported('--theme', 'supervision'))
    const training = actionIds(exported('--theme', 'training'))
    expect(actionIds(exported('--theme', 'supervision', '--theme', 'Training and development'))).toEqual([...new Set([...supervision, ...training])].sort())
    const telford = planIds(exported('--authority', 'telford'))
    const dudley = planIds(exported('--authority', 'E08000027'))
    expect(telford).toHaveLength(1)
    expect(dudley).toHaveLength(1)
    expect(planIds(exported('--authority', 'telford', '--authority', 'E08000027'))).toEqual([...telford, ...dudley].sort())
  })
})
