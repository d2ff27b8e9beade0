import { describe, expect, it } from 'vitest'
import { DEFAULT_RAG_STATUS, parseProseRagKey, ragStatusKey, statusEffective, statusOfMeaning } from '../../src/interpret/status-effective.js'

describe('status_effective', () => {
  it('reads a RAG legend written in prose, as B&NES ends its cover note', () => {
    const note = 'It is reviewed monthly by the Improvement Board. RAG: G on track or complete, A some slippage, R off track.'
    expect(parseProseRagKey(note)).toEqual([
      { key: 'G', value: 'on track or complete' },
      { key: 'A', value: 'some slippage' },
      { key: 'R', value: 'off track' },
    ])
    expect(parseProseRagKey('RAG: Amber')).toEqual([])
    expect(parseProseRagKey('The RAG rating is reviewed monthly')).toEqual([])
  })

  it('reads a meaning by its first status phrase', () => {
    expect(statusOfMeaning('on track or complete')).toBe('on_track')
    expect(statusOfMeaning('some slippage')).toBe('behind')
    expect(statusOfMeaning('off track')).toBe('behind')
    expect(statusOfMeaning('not on track')).toBe('behind')
    expect(statusOfMeaning('in progress with some risk to delivery')).toBe('in_progress')
    expect(statusOfMeaning('Behind Schedule')).toBe('behind')
    expect(statusOfMeaning('not yet started')).toBe('not_started')
    expect(statusOfMeaning('see the board minutes')).toBeNull()
  })

  it('takes the key from a key table (word on a colour, colour beside a meaning) before the notes', () => {
    const telford = ragStatusKey([{ key: 'Complete', value: '#0070c0' }, { key: 'On Schedule', value: '#00b050' }, { key: 'Behind Schedule', value: '#ff0000' }], [])
    expect(Object.fromEntries(telford)).toEqual({ blue: 'complete', green: 'on_track', red: 'behind' })
    const wakefield = ragStatusKey([{ key: 'red', value: 'behind schedule' }, { key: 'amber', value: 'in progress with some risk to delivery' }], [{ text: 'RAG: G complete, A off track' }])
    expect(Object.fromEntries(wakefield)).toEqual({ red: 'behind', amber: 'in_progress' })
    const banes = ragStatusKey([], [{ text: 'Cover note. RAG: G on track or complete, A some slippage, R off track.' }])
    expect(Object.fromEntries(banes)).toEqual({ green: 'on_track', amber: 'behind', red: 'behind' })
  })

  it('keeps a stated status, reads RAG through the key, else through the default, and says which', () => {
    const key = new Map([['amber', 'behind']] as const)
    expect(statusEffective({ status: 'complete', rag: 'red' }, key)).toEqual({ status_effective: 'complete', status_source: 'stated' })
    expect(statusEffective({ status: null, rag: 'amber' }, key)).toEqual({ status_effective: 'behind', status_source: 'key' })
    // A colour the key leaves out (B&NES has no blue) falls back on the default.
    expect(statusEffective({ status: null, rag: 'blue' }, key)).toEqual({ status_effective: 'complete', status_source: 'default' })
    expect(statusEffective({ status: null, rag: 'amber' }, new Map())).toEqual({ status_effective: DEFAULT_RAG_STATUS.amber, status_source: 'default' })
    expect(statusEffective({ status: null, rag: null }, key)).toEqual({ status_effective: null, status_source: null })
  })
})
