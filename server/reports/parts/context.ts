import type { Queryable } from '../../db/index'
import { formatCount, formatNumber } from '../../../shared/format'
import { formatKm } from '../../cables/format'
import { dateVi, type ReportPeriod } from '../period'
import type { Cell, Figure, PartKey, ReportPart, Table } from '../schemas'

/** Filters of a link to the records behind a figure. */
export interface LinkFilters {
  carrier?: string
  district?: string
  programme?: number
  kind?: string
}

/** What every part reads: the database, the inputs, names, and how to link a figure to its records. */
export interface ReportContext {
  q: Queryable
  province: string
  period: ReportPeriod
  unitsOn: string
  /** The districts in force on unitsOn: code → name. */
  districts: Map<string, string>
  /** Carriers: short name → name. */
  carriers: Map<string, string>
  /** The four parameters every part's facts take ($1 province, $2 from, $3 to, $4 units on). */
  params: [string, string, string, string]
  link(part: PartKey, figure: string, filters?: LinkFilters): string
}

/**
 * A part of the section: how it is built (null when it has no data in the period) and, for the records behind
 * its figures, its facts statement and the flags (figures) a link may name. A new part (plans appraised,
 * inspections, citizen reports) is one more of these in PARTS.
 */
export interface PartBuilder {
  key: PartKey
  facts: string
  flags: readonly string[]
  /** The facts have a `kind` column a link may filter on (LinkFilters.kind). */
  byKind?: boolean
  build(ctx: ReportContext): Promise<ReportPart | null>
}

/** A count the Vietnamese way: 147.166. */
export const count = (n: number): string => formatCount(n, 'vi')
/** A length in metres as km the way officers write it: 3.446,8. */
export const km = (metres: number): string => formatKm(metres)
/** A percentage with one decimal: 56,1. */
export const percent = (n: number): string => formatNumber(n, 'vi', 1)

/** A figure with its text and link. */
export function figure(key: string, label: string, value: number, text: string, link: string | null): Figure {
  return { key, label, value, text, link }
}

/** A cell of text. */
export const textCell = (text: string): Cell => ({ text, value: text })
/** A cell holding a count, linked to its records. */
export const countCell = (n: number, link?: string): Cell => ({ text: count(n), value: n, ...(link ? { link } : {}) })
/** A cell holding a length in km (value in km with one decimal). */
export const kmCell = (metres: number, link?: string): Cell => ({
  text: km(metres),
  value: Math.round(metres / 100) / 10,
  ...(link ? { link } : {}),
})

/** The district's name on the report's units, or the marker for points outside every district. */
export function districtName(ctx: ReportContext, code: string): string {
  if (code === '-') return 'Ngoài địa giới các quận, huyện'
  return ctx.districts.get(code) ?? code
}

/** The district codes of rows in the order of the units (names), the outside marker last. */
export function byDistrictOrder(ctx: ReportContext, codes: Iterable<string>): string[] {
  const order = [...ctx.districts.keys()]
  const rank = (c: string) => (c === '-' ? Number.MAX_SAFE_INTEGER : order.indexOf(c) === -1 ? 1e9 : order.indexOf(c))
  return [...new Set(codes)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

/**
 * A part's table by district on the report's units: one row a district (its code, its name, the part's cells for
 * it, linked with the district), the total row last. `cellsFor(undefined)` are the total's cells.
 */
export function districtTable(
  ctx: ReportContext,
  subject: string,
  heads: string[],
  districts: string[],
  cellsFor: (district: string | undefined) => Cell[],
  bar: number,
): Table {
  return {
    key: 'byDistrict',
    caption: `${subject} theo quận, huyện (địa giới hành chính ngày ${dateVi(ctx.unitsOn)})`,
    columns: ['Mã', 'Quận, huyện', ...heads],
    rows: [
      ...districts.map((d) => [textCell(d === '-' ? '' : d), textCell(districtName(ctx, d)), ...cellsFor(d)]),
      [textCell(''), textCell('Tổng cộng'), ...cellsFor(undefined)],
    ],
    bar,
  }
}
