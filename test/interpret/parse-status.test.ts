import { describe, expect, it } from 'vitest'
import { leadingStatus, parseStatus, ragFromFill } from '../../src/interpret/parse-status.js'

describe('parseStatus', () => {
  it.each([
    ['Complete', 'complete'],
    ['Completed', 'complete'],
    ['complete', 'complete'],
    ['On schedule', 'on_track'],
    ['on schedule', 'on_track'],
    ['On track', 'on_track'],
    ['In progress', 'in_progress'],
    ['In Progress', 'in_progress'],
    ['Ongoing', 'in_progress'],
    ['Behind schedule', 'behind'],
    ['Not started', 'not_started'],
  ])('reads the word %s as status %s and sets no RAG', (raw, status) => {
    expect(parseStatus(raw)).toEqual({ status, rag: null, ragSource: null })
  })

  it.each([
    ['R', 'red'],
    ['A', 'amber'],
    ['G', 'green'],
    ['B', 'blue'],
    ['A/G', 'green'],
  ])('reads the letter %s as RAG %s and sets no status', (raw, rag) => {
    expect(parseStatus(raw)).toEqual({ status: null, rag, ragSource: 'letter' })
  })

  it('reads a RAG word closing a progress note', () => {
    expect(parseStatus('Training plan agreed, first sessions booked. AMBER')).toEqual({ status: null, rag: 'amber', ragSource: 'text' })
  })

  it('reads a RAG word alone as text, not as a letter', () => {
    expect(parseStatus('Green')).toEqual({ status: null, rag: 'green', ragSource: 'text' })
  })

  it('finds a status word opening a note', () => {
    expect(leadingStatus('Completed Future monitoring via audit')).toEqual({ status: 'complete', word: 'Completed' })
    expect(leadingStatus('Meeting planned')).toBeNull()
  })
})

describe('ragFromFill', () => {
  it.each([
    ['#ff0000', 'red'],
    ['#c00000', 'red'],
    ['#ffc000', 'amber'],
    ['#ffff00', 'amber'],
    ['#00b050', 'green'],
    ['#92d050', 'green'],
    ['#0070c0', 'blue'],
    ['#00b0f0', 'blue'],
  ])('reads the fill %s as %s', (fill, rag) => {
    expect(ragFromFill(fill)).toBe(rag)
  })

  it.each(['#ffffff', '#d9d9d9', '#000000', '#808080', null])('ignores white, greys and no fill (%s)', (fill) => {
    expect(ragFromFill(fill)).toBeNull()
  })
})
