import { CsvError, parseCsv, type CsvRow } from '../readers/csv'
import { DESIGNS, KINDS, TARGET_CLASSES } from './schemas'
import { isCalendarDate } from '../http/dates'

/** One row of a programme list, as read from a CSV line or a GeoJSON feature (numbered from 1). */
export interface ListRow {
  line: number
  stationCode: string | null
  carrier: string | null
  lon: number | null
  lat: number | null
  kind: string
  toClass: string | null
  toHeightM: number | null
  design: string | null
  phase: number | null
  dueDate: string | null
  hostStationCode: string | null
}

/** A row that cannot be imported, and why. */
export interface RowProblem {
  line: number
  reason: string
  candidates?: string[]
}

const COLUMNS = [
  'station_code',
  'carrier',
  'lon',
  'lat',
  'kind',
  'to_class',
  'to_height_m',
  'design',
  'phase',
  'due_date',
  'host_station_code',
] as const

function num(value: unknown): number | null | 'bad' {
  if (value === undefined || value === null || value === '') return null
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'bad'
  const s = String(value)
    .trim()
    .replace(/^(-?\d+),(\d+)$/, '$1.$2')
  const n = Number(s)
  return s !== '' && Number.isFinite(n) ? n : 'bad'
}

const text = (value: unknown): string | null =>
  value === undefined || value === null || String(value).trim() === '' ? null : String(value).trim()

/** Checks the shape of one row's values; answers the row and the problems of its fields. */
function toRow(
  line: number,
  get: (column: (typeof COLUMNS)[number]) => unknown,
  geometry: [number, number] | null,
): { row: ListRow; problems: string[] } {
  const problems: string[] = []
  const number = (column: (typeof COLUMNS)[number]) => {
    const n = num(get(column))
    if (n === 'bad') problems.push(`${column} "${String(get(column))}" is not a number`)
    return n === 'bad' ? null : n
  }
  const row: ListRow = {
    line,
    stationCode: text(get('station_code')),
    carrier: text(get('carrier'))?.toLowerCase() ?? null,
    lon: geometry ? geometry[0] : number('lon'),
    lat: geometry ? geometry[1] : number('lat'),
    kind: text(get('kind')) ?? '',
    toClass: text(get('to_class')),
    toHeightM: number('to_height_m'),
    design: text(get('design')),
    phase: number('phase'),
    dueDate: text(get('due_date')),
    hostStationCode: text(get('host_station_code')),
  }
  if (!row.stationCode && (row.lon === null || row.lat === null)) problems.push('give station_code, or lon and lat')
  if (row.lon !== null && (row.lon < -180 || row.lon > 180)) problems.push('lon must be between -180 and 180')
  if (row.lat !== null && (row.lat < -90 || row.lat > 90)) problems.push('lat must be between -90 and 90')
  if (!(KINDS as readonly string[]).includes(row.kind)) problems.push(`kind must be one of ${KINDS.join(', ')}`)
  if (row.toClass && !(TARGET_CLASSES as readonly string[]).includes(row.toClass))
    problems.push(`to_class must be one of ${TARGET_CLASSES.join(', ')}`)
  if (row.design && !(DESIGNS as readonly string[]).includes(row.design))
    problems.push(`design must be one of ${DESIGNS.join(', ')}`)
  if (row.toHeightM !== null && !(row.toHeightM > 0 && row.toHeightM <= 150))
    problems.push('to_height_m must be more than 0 and at most 150')
  if (row.phase === null) problems.push('phase is required')
  else if (!Number.isInteger(row.phase)) problems.push('phase must be a whole number')
  if (row.dueDate && !isCalendarDate(row.dueDate)) problems.push('due_date must be a date that exists, as YYYY-MM-DD')
  if (row.kind === 'share' && !row.hostStationCode) problems.push('a move onto a shared mast names host_station_code')
  return { row, problems }
}

/** Reads a CSV list (header row with the column names) into rows numbered by their line in the file. */
export function readCsv(content: string): { rows: ListRow[]; problems: RowProblem[] } {
  let lines: CsvRow[]
  try {
    lines = parseCsv(content)
  } catch (err) {
    if (!(err instanceof CsvError)) throw err
    return { rows: [], problems: [{ line: err.line ?? 1, reason: err.message }] }
  }
  const header = lines[0]?.cells.map((c) => c.trim().toLowerCase()) ?? []
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h))
  if (header.length === 0 || unknown.length > 0) {
    return {
      rows: [],
      problems: [
        {
          line: 1,
          reason:
            unknown.length > 0
              ? `unknown column(s) ${unknown.join(', ')}; use ${COLUMNS.join(', ')}`
              : 'the file is empty',
        },
      ],
    }
  }
  const rows: ListRow[] = []
  const problems: RowProblem[] = []
  for (const { line, cells } of lines.slice(1)) {
    const r = toRow(line, (column) => cells[header.indexOf(column)], null)
    rows.push(r.row)
    if (r.problems.length > 0) problems.push({ line, reason: r.problems.join('; ') })
  }
  return { rows, problems }
}

/** Reads a GeoJSON FeatureCollection; a row's number is its feature's position (1 = first feature). */
export function readGeoJson(content: string): { rows: ListRow[]; problems: RowProblem[] } {
  let doc: { type?: unknown; features?: unknown }
  try {
    doc = JSON.parse(content) as typeof doc
  } catch {
    return { rows: [], problems: [{ line: 1, reason: 'the file is not valid JSON' }] }
  }
  if (doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    return { rows: [], problems: [{ line: 1, reason: 'expected a GeoJSON FeatureCollection' }] }
  const rows: ListRow[] = []
  const problems: RowProblem[] = []
  doc.features.forEach(
    (
      f: { properties?: Record<string, unknown> | null; geometry?: { type?: string; coordinates?: unknown } | null },
      i,
    ) => {
      const g = f?.geometry
      const point =
        g?.type === 'Point' &&
        Array.isArray(g.coordinates) &&
        g.coordinates.length >= 2 &&
        g.coordinates.every((c) => typeof c === 'number')
          ? (g.coordinates as [number, number])
          : null
      const r = toRow(i + 1, (column) => f?.properties?.[column], point)
      if (g && !point) r.problems.push('the geometry must be a Point')
      rows.push(r.row)
      if (r.problems.length > 0) problems.push({ line: i + 1, reason: r.problems.join('; ') })
    },
  )
  return { rows, problems }
}
