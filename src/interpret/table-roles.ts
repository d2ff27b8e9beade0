/**
 * The roles of a table's columns: header words (one or two header rows), then the content of the
 * rows beneath weighed against them (column-evidence.ts), then column groups.
 */
import type { GridSlot } from '../assemble/grid.js'
import { decideColumn, sampleColumn } from './column-evidence.js'
import { assignGroups, plainRoles, type ColumnRole, type Role } from './column-roles.js'
import { rolesUnderGroups, type HeaderColumn } from './header-groups.js'

// Roles a table has once: a second column that only its content calls so keeps its header's role.
const ONCE: readonly Role[] = ['recommendation', 'ref', 'action', 'due', 'status']

export function rolesOfTable(columns: readonly HeaderColumn[], below: readonly (readonly (GridSlot | null)[])[]): ColumnRole[] {
  const plain = plainRoles(columns.map((c) => c.header))
  const decided = plain.map((role, c) => decideColumn(role, sampleColumn(below, c)))
  // Content may name a role a header already holds: the header's claim stands.
  const resolved = decided.map((role, c) => {
    const fromContent = role.role !== plain[c]!.role
    if (!fromContent || !role.role || !ONCE.includes(role.role)) return role
    const rival = decided.some((other, o) => o !== c && other.role === role.role && (other.role === plain[o]!.role || o < c))
    return rival ? { ...plain[c]!, evidence: role.evidence } : role
  })
  const grouped = rolesUnderGroups(columns, resolved)
  return grouped.some((r) => r.agency) ? grouped : assignGroups(grouped)
}
