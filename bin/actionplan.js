#!/usr/bin/env node
import { main } from '../dist/src/cli.js'

// A reader that stops early (`actionplan export | head -1`) closes the pipe: end quietly with 0,
// as Unix tools do. A closed stderr alone is ignored, so an import goes on to the end.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})
process.stderr.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error
})

process.exitCode = await main(process.argv)
