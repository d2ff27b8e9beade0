#!/usr/bin/env node
import { endQuietlyOnClosedPipe, main } from '../dist/src/cli/index.js'

endQuietlyOnClosedPipe()
process.exitCode = await main(process.argv)
