/** The report-section API the page calls (server/reports/routes.ts). */
import { http } from '../api/http'
import type { Paths } from '../api/types.gen'

/** The section as the server writes it (generated from its schema). */
export type Report = Paths['/api/reports/section']['get']['response']
export type ReportPart = Report['parts'][number]
export type ReportTable = ReportPart['tables'][number]

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
}

/** The URL of the DOCX or XLSX export of a section. */
export function downloadUrl(format: 'docx' | 'xlsx', input: ReportInput): string {
  return `/api/reports/section.${format}?${new URLSearchParams(reportQuery(input)).toString()}`
}
