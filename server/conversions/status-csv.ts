import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { invalid, Problem, type FieldError, msg, fieldError } from '../http/problems'
import { parseCsvBody } from '../readers/csv'
import { visibleItem } from './access'
import type { TransitionBody } from './schemas'
import { AFTER_TODAY } from './sql'
import { transitionItem } from './transitions'
import { step, type Status } from './workflow'
import { isCalendarDate } from '../http/dates'

type LineStep = { action: 'start' } | { action: 'report'; measuredHeightM: number; completedOn: string; note?: string }

const COLUMNS = ['item_id', 'action', 'measured_height_m', 'completed_on', 'note', 'version'] as const

/** Reads one line into a transition, or the reason it cannot be one. */
function parseLine(
  cell: (c: (typeof COLUMNS)[number]) => string,
): { id: number; body: LineStep; version: number | null } | string {
  const id = Number(cell('item_id'))
  if (!Number.isInteger(id) || id <= 0) return 'item_id must be a positive whole number'
  const version = cell('version') === '' ? null : Number(cell('version'))
  if (version !== null && (!Number.isInteger(version) || version <= 0)) return 'version must be a positive whole number'
  const action = cell('action')
  if (action === 'start') return { id, version, body: { action } }
  if (action !== 'report') return 'action must be start or report'
  const height = Number(cell('measured_height_m').replace(/^(\d+),(\d+)$/, '$1.$2'))
  if (cell('measured_height_m') === '' || !(height > 0 && height <= 150))
    return 'measured_height_m must be a height in metres (more than 0, at most 150)'
  const completedOn = cell('completed_on')
  if (!isCalendarDate(completedOn)) return 'completed_on must be a date that exists, as YYYY-MM-DD'
  const note = cell('note')
  return { id, version, body: { action, measuredHeightM: height, completedOn, ...(note ? { note } : {}) } }
}

/**
 * A carrier's status updates from a CSV (item_id, action, measured_height_m, completed_on, note, version), all or
 * nothing: every line is checked first and each bad one reported with its line and reason; then each line takes
 * its step through the transition table.
 */
export async function applyStatusCsv(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  csv: string,
  requestId: string | undefined,
): Promise<Row[]> {
  const lines = parseCsvBody(csv, 'body.csv')
  const header = lines[0]?.cells.map((c) => c.trim().toLowerCase()) ?? []
  if (!header.includes('item_id') || !header.includes('action'))
    throw invalid('csv.header_needed', [fieldError('line.1', 'csv.use_columns', { columns: [...COLUMNS] })])
  const errors: FieldError[] = []
  const steps: { line: number; id: number; body: TransitionBody }[] = []
  const seen = new Set<number>()
  for (const { line, cells } of lines.slice(1)) {
    const parsed = parseLine((c) => (header.includes(c) ? (cells[header.indexOf(c)] ?? '').trim() : ''))
    if (typeof parsed === 'string') {
      errors.push({ path: `line.${line}`, message: parsed })
      continue
    }
    if (seen.has(parsed.id)) {
      errors.push({ path: `line.${line}`, message: `item ${parsed.id} is on an earlier line` })
      continue
    }
    seen.add(parsed.id)
    try {
      const item = await visibleItem(tx, user, provinceCode, parsed.id)
      const found = step(item.status as Status, parsed.body.action, user.role)
      const problems: string[] = []
      if (!found.ok) problems.push(`an item in status "${item.status}" cannot take the action "${parsed.body.action}"`)
      if (parsed.version !== null && parsed.version !== item.version)
        problems.push(`the item is at version ${item.version}, not ${parsed.version}`)
      if (parsed.body.action === 'report') {
        if ((item.photoCount as number) === 0) problems.push('upload at least one after-photo first')
        const { future } = await tx.one<{ future: boolean }>(AFTER_TODAY, [parsed.body.completedOn])
        if (future) problems.push('completed_on cannot be in the future')
      }
      if (problems.length > 0) errors.push({ path: `line.${line}`, message: problems.join('; ') })
      else steps.push({ line, id: parsed.id, body: { ...parsed.body, version: item.version as number } })
    } catch (err) {
      if (!(err instanceof Problem) || err.status !== 404) throw err
      errors.push({ path: `line.${line}`, message: `no item ${parsed.id} of yours` })
    }
  }
  if (steps.length === 0 && errors.length === 0) errors.push({ path: 'line.2', message: 'the file has no rows' })
  if (errors.length > 0) throw invalid(msg('csv.lines_refused', { n: errors.length }), errors)
  const out: Row[] = []
  for (const s of steps) out.push(await transitionItem(tx, user, provinceCode, s.id, s.body, requestId))
  return out
}
