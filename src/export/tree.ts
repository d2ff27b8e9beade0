import type { Plan } from '../../schemas/index.js'

const short = (text: string | null, max = 100): string => {
  if (!text) return ''
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length > max ? `${t.slice(0, max - 1)}…` : t
}

const facts = (parts: (string | null | undefined)[]): string => {
  const kept = parts.filter((p): p is string => Boolean(p))
  return kept.length ? ` [${kept.join('; ')}]` : ''
}

/**
 * An indented recommendation → action → milestone view of a plan, for people: reviewers read it
 * beside each golden export, and `actionplan show` prints it.
 */
export function renderPlanTree(plan: Plan, { width = 100 }: { width?: number } = {}): string {
  const lines: string[] = []
  const authorities = plan.authorities.map((a) => `${a.name}${a.code ? ` ${a.code}` : ''}`).join(', ')
  lines.push(`${plan.title ?? '(untitled plan)'}`)
  lines.push(`  ${facts([authorities || 'authority unknown', plan.inspectorate, plan.plan_date, `revision ${plan.revision}`, `${plan.source.format}`, `coverage ${Math.round(plan.coverage * 1000) / 10}%`]).slice(1)}`)
  let theme: string | null = null
  for (const rec of plan.recommendations) {
    if (rec.theme && rec.theme !== theme) {
      theme = rec.theme
      lines.push(`# ${short(theme, width)}`)
    }
    const shared = rec.shares_actions_with.length ? `shares actions with ${rec.shares_actions_with.join(', ')}` : null
    lines.push(`${rec.ref ?? '-'} ${short(rec.text, width)}${facts([rec.timeframe, rec.organisations.join(', ') || null, shared])}`)
    for (const action of rec.actions) {
      const derived = action.status_source === 'key' || action.status_source === 'default' ? `→ ${action.status_effective} (${action.status_source})` : null
      const status = [action.status, action.rag ? `${action.rag} (${action.rag_source})` : null].filter(Boolean).join('/')
      const also = action.also_answers.length ? `also answers ${action.also_answers.join(', ')}` : null
      lines.push(`  - ${action.ref ? `${action.ref} ` : ''}${short(action.text, width)}`)
      lines.push(`      ${facts([action.leads.join(', ') || null, action.organisations.join(', ') || null, action.due_date ?? (action.due_raw ? `"${short(action.due_raw, 30)}"` : null), [status, derived].filter(Boolean).join(' ') || null, also]).slice(1) || '[]'}`)
      for (const m of action.milestones) lines.push(`      · ${short(m.text, width)}${facts([m.due_date])}`)
    }
  }
  return `${lines.join('\n')}\n`
}
