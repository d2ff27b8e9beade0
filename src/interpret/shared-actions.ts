import type { ActionDraft } from './row-fields.js'

/**
 * Consecutive recommendations followed by one block of actions (Telford's R2/R3, R7/R20) share
 * those actions. Each source action row is kept once, under the recommendation it follows (the
 * last of the group, the row just above the block); the others are named in its `also_answers`,
 * and every recommendation of the group names the others in `shares_actions_with`.
 */

interface GroupMember {
  ref: string | null
  text: string
  shares_actions_with: string[]
  actions: ActionDraft[]
}

/** How a recommendation is named in another's list: its ref, or the start of its text. */
const nameOf = (rec: Pick<GroupMember, 'ref' | 'text'>): string => rec.ref ?? rec.text.slice(0, 40)

/** Adds one action of the row to its group and returns it as stored (the one to continue onto). */
export function attachToGroup(group: readonly GroupMember[], action: ActionDraft): ActionDraft {
  const owner = group[group.length - 1]!
  const others = group.filter((rec) => rec !== owner).map(nameOf)
  if (others.length > 0) action.also_answers = others
  owner.actions.push(action)
  for (const rec of group) rec.shares_actions_with = group.filter((o) => o !== rec).map(nameOf)
  return action
}
