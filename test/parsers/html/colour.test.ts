import { describe, expect, it } from 'vitest'
import { backgroundColour, parseColour } from '../../../parsers/html/colour.js'
import { ragFromFill } from '../../../src/interpret/parse-status.js'

describe('CSS colours', () => {
  it('knows every CSS colour name, not only the HTML 4 ones', () => {
    expect(parseColour('lightgreen')).toEqual({ hex: '#90ee90' })
    expect(parseColour('Gold')).toEqual({ hex: '#ffd700' })
    expect(parseColour('darkorange')).toEqual({ hex: '#ff8c00' })
    expect(parseColour('rebeccapurple')).toEqual({ hex: '#663399' })
    expect(backgroundColour('lightgreen no-repeat')).toEqual({ hex: '#90ee90' })
  })

  it('gives the RAG of a cell shaded with a named colour', () => {
    const rag = (name: string) => ragFromFill((parseColour(name) as { hex: string }).hex)
    expect([rag('lightgreen'), rag('gold'), rag('darkorange'), rag('crimson')]).toEqual(['green', 'amber', 'amber', 'red'])
  })

  it('reports a word that is no colour as unknown, and inherited keywords as none', () => {
    expect(parseColour('reddish')).toEqual({ unknown: 'reddish' })
    expect(parseColour('constructor')).toEqual({ unknown: 'constructor' })
    expect(parseColour('transparent')).toEqual({ none: true })
  })
})
