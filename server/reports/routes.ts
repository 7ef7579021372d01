import type { Request } from 'express'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { reportDocx } from './docx'
import { recordsAnswer, recordsQuery, reportAnswer, reportQuery, type ReportQuery } from './schemas'
import { buildReport, recordsOf, reportMap } from './service'
import { reportXlsx } from './xlsx'

/**
 * The Sở's staff read the section; a carrier gets 403: the section is the department's report on every carrier,
 * and a carrier's own figures are on the pages it already has (its stations, conversions, cable summary).
 */
const READERS = ['admin', 'officer', 'inspector'] as const

const reportFor = (req: Request, query: ReportQuery) =>
  buildReport(deps(req).db.read(), query, deps(req).config.provinceCode)

const fileName = (query: ReportQuery, ext: string) => {
  const r =
    query.period === 'range'
      ? `${query.from}_${query.to}`
      : `${query.year}-${query.period}${query.quarter ?? query.half ?? ''}`
  return `bao-cao-ha-tang-vien-thong-${r}.${ext}`
}

/** The telecom-infrastructure section of the quarterly, six-month or yearly report, and its exports. */
export function reportRoutes(api: Api): void {
  const tag = 'reports'
  api.route({
    method: 'get',
    path: '/api/reports/section',
    summary: 'The telecom-infrastructure section of the report for a period, in Vietnamese, every figure linked',
    tag,
    access: READERS,
    query: reportQuery,
    response: reportAnswer,
    handler: ({ query, req }) => reportFor(req, query),
  })
  api.route({
    method: 'get',
    path: '/api/reports/section.docx',
    summary: 'The section as a Word document (tables, per-district bar charts, the map of stations by district)',
    tag,
    access: READERS,
    query: reportQuery,
    handler: async ({ query, req, res }) => {
      const report = await reportFor(req, query)
      const docx = await reportDocx(report, await reportMap(deps(req).db.read(), report))
      res
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .attachment(fileName(query, 'docx'))
        .send(docx)
    },
  })
  api.route({
    method: 'get',
    path: '/api/reports/section.xlsx',
    summary: 'The section as a workbook: the text, and the tables of each part',
    tag,
    access: READERS,
    query: reportQuery,
    handler: async ({ query, req, res }) => {
      const xlsx = await reportXlsx(await reportFor(req, query))
      res
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(fileName(query, 'xlsx'))
        .send(xlsx)
    },
  })
  api.route({
    method: 'get',
    path: '/api/reports/records',
    summary: 'The records behind one figure of the section (the link every figure carries)',
    tag,
    access: READERS,
    query: recordsQuery,
    response: recordsAnswer,
    handler: ({ query, req }) => recordsOf(deps(req).db.read(), query, deps(req).config.provinceCode),
  })
}
