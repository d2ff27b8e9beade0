import type { Plan } from '../../schemas/index.js'

/**
 * What makes two files the same plan: the same authority and the same title. A plan published
 * again with new bytes is a new revision of it. Titles are compared folded (case, punctuation,
 * version words and dates stripped), because authorities re-save "… v2 FINAL", "… (updated March)".
 */
export function planKey(plan: Pick<Plan, 'authority' | 'title' | 'source'>): string {
  const authority = plan.authority?.code ?? plan.authority?.name?.toLowerCase() ?? ''
  const title = (plan.title ?? '')
    .toLowerCase()
    .replace(/\b(?:version|v)\s*\d+(?:\.\d+)*\b/g, ' ')
    .replace(/\b(?:final|draft|updated?|revised)\b/g, ' ')
    .replace(/\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{2,4}\b/g, ' ')
    .replace(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{2,4}\b/g, ' ')
    .replace(/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
  // An untitled plan of an unknown authority can only be matched by its bytes.
  if (!authority && !title) return `sha:${plan.source.sha256}`
  return `${authority}|${title}`
}
