/** The report-section API the page calls (server/reports/routes.ts). */
import { http } from '../api/http'
import type { Paths } from '../api/types.gen'

/** The section as the server writes it (generated from its schema). */
export type Report = Paths['/api/reports/section']['get']['response']
export type ReportPart = Report['parts'][number]
export type ReportTable = ReportPart['tables'][number]
/** The records behind one figure. */
export type Records = Paths['/api/reports/records']['get']['response']
export type RecordItem = Records['items'][number]

/** The period asked and the date whose units the per-district figures use. */
export interface ReportInput {
  period: 'quarter' | 'half' | 'year' | 'range'
  year: number
  quarter: number
  half: number
  from: string
  to: string
  unitsOn: string
}

/** The query string of an input: only the fields its period needs, the units date when one is chosen. */
export function reportQuery(input: ReportInput): Record<string, string> {
  const q: Record<string, string> = { period: input.period }
  if (input.period === 'range') Object.assign(q, { from: input.from, to: input.to })
  else q.year = String(input.year)
  if (input.period === 'quarter') q.quarter = String(input.quarter)
  if (input.period === 'half') q.half = String(input.half)
  if (input.unitsOn) q.unitsOn = input.unitsOn
  return q
}

export const reportsApi = {
  section: (input: ReportInput, signal?: AbortSignal) =>
    http.get<Report>('/api/reports/section', reportQuery(input), signal),
  records: (query: Record<string, string>, signal?: AbortSignal) =>
    http.get<Records>('/api/reports/records', query, signal),
}

/** The input a page address holds (`/reports?period=…`), the defaults for what it leaves out. */
export function inputFromQuery(search: string, defaults: ReportInput): ReportInput {
  const q = new URLSearchParams(search)
  const period = q.get('period')
  const num = (k: 'year' | 'quarter' | 'half') => (q.has(k) && Number(q.get(k)) > 0 ? Number(q.get(k)) : defaults[k])
  const date = (k: 'from' | 'to' | 'unitsOn') => (/^\d{4}-\d{2}-\d{2}$/.test(q.get(k) ?? '') ? q.get(k)! : defaults[k])
  return {
    period:
      period === 'quarter' || period === 'half' || period === 'year' || period === 'range' ? period : defaults.period,
    year: num('year'),
    quarter: num('quarter'),
    half: num('half'),
    from: date('from'),
    to: date('to'),
    unitsOn: date('unitsOn'),
  }
}

/** The URL of the DOCX or XLSX export of a section. */
export function downloadUrl(format: 'docx' | 'xlsx', input: ReportInput): string {
  return `/api/reports/section.${format}?${new URLSearchParams(reportQuery(input)).toString()}`
}
