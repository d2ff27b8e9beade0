import { describe, expect, it } from 'vitest'
import { splitPeople } from '../../src/interpret/split-people.js'

describe('splitPeople', () => {
  it('splits names run together when a cell lost its line breaks (Telford)', () => {
    expect(splitPeople(['Maria White Di Partridge RS Angela Yapp Helen Smith'])).toEqual(['Maria White', 'Di Partridge', 'RS', 'Angela Yapp', 'Helen Smith'])
  })

  it('keeps an honorific with its name', () => {
    expect(splitPeople(['Karen Perry Dr Varsha Sadavarte Fern Zihini'])).toEqual(['Karen Perry', 'Dr Varsha Sadavarte', 'Fern Zihini'])
  })

  it('splits on slashes and keeps roles whole', () => {
    expect(splitPeople(['Executive Lead / Medical Director/ Named Nurse / Midwife / Doctor'])).toEqual(['Executive Lead', 'Medical Director', 'Named Nurse', 'Midwife', 'Doctor'])
  })

  it('splits two people joined by "and" but not a job title with "and" in it', () => {
    expect(splitPeople(['Kath Vasey and Anne Holt'])).toEqual(['Kath Vasey', 'Anne Holt'])
    expect(splitPeople(['Director of Nursing and Transformation'])).toEqual(['Director of Nursing and Transformation'])
  })

  it('keeps a job title in brackets with its person', () => {
    expect(splitPeople(['Nik Flavell (Service Manager)'])).toEqual(['Nik Flavell (Service Manager)'])
    expect(splitPeople(['Lisa Summers(Head of safeguarding adult and children)'])).toEqual(['Lisa Summers(Head of safeguarding adult and children)'])
  })

  it('treats each line as its own lead and drops repeats', () => {
    expect(splitPeople(['Sandra Martin/ Designated Doctor for LAC', 'Sandra Martin', 'Sandra Martin'])).toEqual(['Sandra Martin', 'Designated Doctor for LAC'])
  })

  it('keeps a group or a single word as written', () => {
    expect(splitPeople(['LSCB Training Sub Group'])).toEqual(['LSCB Training Sub Group'])
    expect(splitPeople(['HR'])).toEqual(['HR'])
    expect(splitPeople(['NN/NW/DC'])).toEqual(['NN', 'NW', 'DC'])
  })
})
