import { readFileSync } from 'node:fs'
import { ocrEngine } from '../../../parsers/pdf/ocr/engine.js'
import { readPgm } from './pgm.js'

/** Child process of engine.test.ts: OCRs a greymap with the network refused, prints what it read as JSON. */
const image = readPgm(readFileSync(process.argv[2]!))
const engine = ocrEngine({ jobs: 1 })
try {
  const result = await engine.recognise(image, { dpi: 96 })
  process.stdout.write(JSON.stringify(result))
} finally {
  await engine.close()
}
