import { createHash } from 'node:crypto'
import { UsageError } from '../cli-values.js'

/**
 * `ingest --shard K/N`: the K-th of N slices of a batch's file list, by a hash of each path, so N
 * machines given the same folder and the same database split the work with nothing to agree on
 * but K and N. A path's slice does not depend on the other files, so a file added or removed moves
 * no other file between slices. Standard input (-) is read by whichever process is given it.
 */

export interface Shard {
  /** 1-based: the first slice is 1/N. */
  index: number
  count: number
}

/** `K/N` with 1 ≤ K ≤ N; null when the text is not one. */
export function parseShard(text: string): Shard | null {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (!m) return null
  const index = Number(m[1])
  const count = Number(m[2])
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null
}

/** The slice (1…count) a path falls in: the first four bytes of its SHA-256, modulo count. */
export function shardOf(path: string, count: number): number {
  return (createHash('sha256').update(path).digest().readUInt32BE(0) % count) + 1
}

/** The files of one slice, in their order. */
export function inShard(files: readonly string[], shard: Shard): string[] {
  return files.filter((path) => path === '-' || shardOf(path, shard.count) === shard.index)
}

/** `--shard` as given on the command line: every file when it is absent; a mistake in it is a usage error. */
export function shardFiles(files: readonly string[], spec: string | undefined): string[] {
  if (spec === undefined) return [...files]
  const shard = parseShard(spec)
  if (!shard) throw new UsageError(`--shard must be K/N with 1 ≤ K ≤ N (as 2/4), not "${spec}"`)
  return inShard(files, shard)
}
