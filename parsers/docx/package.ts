import { posix } from 'node:path'
import type { Zip } from './zip.js'

/**
 * Finds parts of an OPC package (ECMA-376 Part 2) through its relationships rather than fixed
 * names, falling back to the names Word writes.
 */

const REL = /<(?:\w+:)?Relationship\b([^>]*)>/g
const attr = (attrs: string, name: string): string | undefined => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(attrs)?.[1]

/** Target of the first relationship whose type ends with `/type`, resolved against `base`. */
function target(zip: Zip, relsPart: string, base: string, type: string): string | undefined {
  const bytes = zip.read(relsPart)
  if (!bytes) return undefined
  for (const match of decodeXml(bytes).matchAll(REL)) {
    const attrs = match[1] ?? ''
    if (!(attr(attrs, 'Type') ?? '').endsWith(`/${type}`) || attr(attrs, 'TargetMode') === 'External') continue
    const t = attr(attrs, 'Target')
    if (!t) continue
    return t.startsWith('/') ? t.slice(1) : posix.normalize(posix.join(base, t))
  }
  return undefined
}

export interface Parts {
  document: string
  styles: string
  core: string
}

export function findParts(zip: Zip): Parts {
  const document = target(zip, '_rels/.rels', '', 'officeDocument') ?? 'word/document.xml'
  const dir = posix.dirname(document)
  const docRels = posix.join(dir, '_rels', `${posix.basename(document)}.rels`)
  return {
    document,
    styles: target(zip, docRels, dir, 'styles') ?? posix.join(dir, 'styles.xml'),
    core: target(zip, '_rels/.rels', '', 'core-properties') ?? 'docProps/core.xml',
  }
}

/** XML parts are UTF-8 or UTF-16 with a byte order mark (XML 1.0 §4.3.3). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return new TextDecoder('utf-8').decode(bytes)
}
