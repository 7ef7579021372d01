import type { Queryable } from '../db/index'
import { badRequest, fieldError, msg, notFound } from '../http/problems'
import { periodOf } from './period'
import { applicationsPart } from './parts/applications'
import { cablesPart } from './parts/cables'
import type { LinkFilters, PartBuilder, ReportContext } from './parts/context'
import { conversionsPart } from './parts/conversions'
import { ductsPart } from './parts/ducts'
import { inspectionsPart } from './parts/inspections'
import { plansPart } from './parts/plans'
import { stationsPart } from './parts/stations'
import { ticketsPart } from './parts/tickets'
import type { PartKey, RecordsQuery, Report, ReportPart, ReportQuery } from './schemas'
import { CARRIER_NAMES, DISTRICT_SHAPES, DISTRICTS_ON, PROVINCE_NAME, recordsSql } from './sql'
import { type DistrictShape, districtMapSvg, stationsByDistrict } from './mapFigure'
import { svgToPng } from './png'

/** The parts in the order the section reads them. */
export const PARTS: readonly PartBuilder[] = [
  stationsPart,
  applicationsPart,
  conversionsPart,
  cablesPart,
  ductsPart,
  plansPart,
  inspectionsPart,
  ticketsPart,
]

/** The query of a report as a link repeats it: the inputs, with the province and units date resolved. */
function reportParams(query: ReportQuery, province: string, unitsOn: string): URLSearchParams {
  const p = new URLSearchParams({ province, period: query.period })
  for (const k of ['year', 'quarter', 'half', 'from', 'to'] as const)
    if (query[k] !== undefined) p.set(k, String(query[k]))
  p.set('unitsOn', unitsOn)
  return p
}

async function contextOf(q: Queryable, query: ReportQuery, defaultProvince: string): Promise<ReportContext> {
  const province = query.province ?? defaultProvince
  const period = periodOf(query)
  const unitsOn = query.unitsOn ?? period.to
  const districts = await q.many<{ code: string; name: string }>(DISTRICTS_ON, [province, unitsOn])
  const carriers = await q.many<{ shortName: string; name: string }>(CARRIER_NAMES)
  const base = reportParams(query, province, unitsOn)
  return {
    q,
    province,
    period,
    unitsOn,
    districts: new Map(districts.map((d) => [d.code, d.name])),
    carriers: new Map(carriers.map((c) => [c.shortName, c.name])),
    params: [province, period.from, period.to, unitsOn],
    link(part: PartKey, figure: string, filters: LinkFilters = {}) {
      const p = new URLSearchParams({ part, figure })
      for (const [k, v] of base) p.set(k, v)
      for (const [k, v] of Object.entries(filters)) if (v !== undefined) p.set(k, String(v))
      return `/api/reports/records?${p}`
    },
  }
}

/**
 * The telecom-infrastructure section of the periodic report, in Vietnamese, from live data: every part that has
 * data in the period, each figure linked to its records; per-district figures on the units in force on `unitsOn`.
 */
export async function buildReport(q: Queryable, query: ReportQuery, defaultProvince: string): Promise<Report> {
  const ctx = await contextOf(q, query, defaultProvince)
  const name = (await q.one<{ name: string | null }>(PROVINCE_NAME, [ctx.province, ctx.unitsOn])).name
  if (name === null) throw notFound(msg('report.no_province', { code: String(ctx.province) }))
  const parts: ReportPart[] = []
  for (const part of PARTS) {
    const built = await part.build(ctx)
    if (built) parts.push(built)
  }
  return {
    province: { code: ctx.province, name },
    period: { ...ctx.period },
    unitsOn: ctx.unitsOn,
    title: `Tình hình phát triển hạ tầng viễn thông thụ động ${ctx.period.label} — ${name}`,
    parts,
  }
}

/** The records behind one figure of a report (at most 1,000, with their total). */
export async function recordsOf(q: Queryable, query: RecordsQuery, defaultProvince: string) {
  const part = PARTS.find((p) => p.key === query.part)!
  if (!part.flags.includes(query.figure))
    throw badRequest('report.unknown_figure', [
      fieldError('query.figure', 'report.figures', { part: part.key, list: [...part.flags] }),
    ])
  const ctx = await contextOf(q, query, defaultProvince)
  const params = [...ctx.params, query.carrier ?? null, query.district ?? null, query.programme ?? null]
  const rows = await q.many<{ id: number; label: string; url: string; total: number }>(
    recordsSql(part.facts, query.figure, part.byKind),
    part.byKind ? [...params, query.kind ?? null] : params,
  )
  return { total: rows[0]?.total ?? 0, items: rows.map(({ id, label, url }) => ({ id, label, url })) }
}

/** The map figure of a report's DOCX (stations at the period's end by district), as SVG and PNG; null without one. */
export async function reportMap(q: Queryable, report: Report) {
  const counts = stationsByDistrict(report)
  if (counts.size === 0) return null
  const shapes = await q.many<DistrictShape>(DISTRICT_SHAPES, [report.province.code, report.unitsOn])
  if (shapes.length === 0) return null
  const svg = districtMapSvg(shapes, counts, report)
  const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number) as [number, number, number]
  return { svg, png: await svgToPng(svg, width * 2), width, height }
}
