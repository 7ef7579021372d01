import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { fieldErrors } from '../http/api'
import { invalid, Problem, type FieldError, msg, fieldError } from '../http/problems'
import { parseCsvBody } from '../readers/csv'
import { createBody } from './schemas'
import { insertDraft, prepareNew, type NewStation } from './service'
import { PLACE } from './sql/facts.sql'
import { TAKEN_SITE_CODES } from './sql/stations.sql'

/**
 * Columns a site CSV may have; siteCode, mastClass, mastHeightM and a position (lon/lat or northing/easting) are
 * needed.
 */
export const CSV_COLUMNS = [
  'siteCode',
  'name',
  'address',
  'lon',
  'lat',
  'northing',
  'easting',
  'mastClass',
  'camouflageKind',
  'mastHeightM',
  'buildingHeightM',
  'reachBeyondEdgeM',
  'technologies',
  'sharedOperators',
  'temporary',
  'mobile',
  'validFrom',
  'validTo',
] as const
const NUMBERS = new Set(['lon', 'lat', 'northing', 'easting', 'mastHeightM', 'buildingHeightM', 'reachBeyondEdgeM'])
const LISTS = new Set(['technologies', 'sharedOperators'])
const FLAGS = new Set(['temporary', 'mobile'])
export const MAX_CSV_ROWS = 1000
/** Surveyors write VN-2000 as X (northing) and Y (easting); the position check then catches a swapped pair. */
const SURVEY_HEADERS: Record<string, string> = { X: 'northing', x: 'northing', Y: 'easting', y: 'easting' }

/** Turns one CSV row into the JSON body of a new station; number and flag cells that do not parse are errors. */
function rowToBody(header: string[], cells: string[], at: string, errors: FieldError[]): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  const position: Record<string, unknown> = {}
  header.forEach((name, i) => {
    const raw = (cells[i] ?? '').trim()
    if (raw === '') return
    let value: unknown = raw
    if (NUMBERS.has(name)) {
      // Vietnamese spreadsheets write decimals with a comma: accept "12,5" as 12.5, reject anything else non-numeric.
      const n = Number(raw.replace(',', '.'))
      if (!/^-?\d+([.,]\d+)?$/.test(raw) || !Number.isFinite(n)) {
        errors.push({ path: `${at}.${name}`, message: `"${raw}" is not a number.` })
        return
      }
      value = n
    } else if (LISTS.has(name))
      value = raw
        .split(/[;|]/)
        .map((s) => s.trim())
        .filter(Boolean)
    else if (FLAGS.has(name)) {
      if (!/^(true|false|1|0|yes|no)$/i.test(raw)) {
        errors.push({ path: `${at}.${name}`, message: `"${raw}" is not true or false.` })
        return
      }
      value = /^(true|1|yes)$/i.test(raw)
    }
    if (['lon', 'lat', 'northing', 'easting'].includes(name)) position[name] = value
    else body[name] = value
  })
  body.position =
    'northing' in position || 'easting' in position ? { crs: 'vn2000', ...position } : { crs: 'wgs84', ...position }
  return body
}

/**
 * Imports several sites from a CSV as drafts, all or nothing: every bad line and field is reported in one
 * 422 and nothing is stored. Answers the created drafts.
 */
export async function importCsv(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  text: string,
  requestId: string | undefined,
): Promise<Row[]> {
  const rows = parseCsvBody(text, 'body.csv')
  const head = rows.shift()
  if (!head) throw invalid('csv.empty', [fieldError('body.csv', 'csv.no_header')])
  const header = head.cells.map((h) => SURVEY_HEADERS[h.trim()] ?? h.trim())
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h))
  if (unknown.length > 0)
    throw invalid(
      'csv.header_invalid',
      unknown.map((h) => fieldError(`line ${head.line}.${h}`, 'csv.unknown_column', { columns: [...CSV_COLUMNS] })),
    )
  if (rows.length === 0) throw invalid('csv.no_sites', [fieldError('body.csv', 'csv.no_data')])
  if (rows.length > MAX_CSV_ROWS)
    throw invalid('csv.too_long', [fieldError('body.csv', 'csv.max_rows', { n: MAX_CSV_ROWS })])

  const errors: FieldError[] = []
  const prepared: { at: string; station: NewStation }[] = []
  const codes = new Map<string, number>()
  for (const row of rows) {
    const at = `line ${row.line}`
    const rowErrors: FieldError[] = []
    const raw = rowToBody(header, row.cells, at, rowErrors)
    const parsed = createBody.safeParse(raw)
    // A cell that did not parse is reported once, not again as a missing field.
    if (!parsed.success)
      rowErrors.push(...fieldErrors(parsed.error, at).filter((e) => !rowErrors.some((r) => r.path === e.path)))
    if (rowErrors.length > 0 || !parsed.success) {
      errors.push(...rowErrors)
      continue
    }
    const first = codes.get(parsed.data.siteCode)
    if (first !== undefined)
      errors.push({ path: `${at}.siteCode`, message: `Site code ${parsed.data.siteCode} is also on line ${first}.` })
    codes.set(parsed.data.siteCode, row.line)
    try {
      const station = await prepareNew(tx, user, provinceCode, parsed.data, at)
      const place = await tx.one<{ inProvince: boolean }>(PLACE, [station.at.lon, station.at.lat, provinceCode])
      if (place.inProvince) prepared.push({ at, station })
      else
        errors.push({
          path: `${at}.position`,
          message: `The point ${station.at.lon}, ${station.at.lat} is outside province ${provinceCode}.`,
        })
    } catch (err) {
      if (!(err instanceof Problem) || !Array.isArray(err.extra.errors)) throw err
      errors.push(...(err.extra.errors as FieldError[]))
    }
  }
  // Site codes already taken are found by a query, so the unique index never aborts the transaction.
  const taken = await tx.many<{ siteCode: string }>(TAKEN_SITE_CODES, [user.carrierId, [...codes.keys()]])
  for (const t of taken)
    errors.push({
      path: `line ${codes.get(t.siteCode)}.siteCode`,
      message: `Site code ${t.siteCode} is already registered.`,
    })
  if (errors.length > 0) throw invalid(msg('csv.file_errors', { n: errors.length }), errors)

  const created: Row[] = []
  for (const p of prepared)
    created.push(await insertDraft(tx, user, provinceCode, p.station, requestId, `${p.at}.position`))
  return created
}
