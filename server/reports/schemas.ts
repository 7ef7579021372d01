import { z } from 'zod'
import { isoDate } from '../http/dates'

const province = z.string().regex(/^[0-9]{2}$/, 'field.province_code')

/** The report asked: province (default: the deployment's), period, and the date whose units the figures use. */
export const reportQuery = z
  .object({
    province: province.optional(),
    period: z.enum(['quarter', 'half', 'year', 'range']).default('quarter'),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    quarter: z.coerce.number().int().min(1).max(4).optional(),
    half: z.coerce.number().int().min(1).max(2).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** The per-district figures use the units in force on this date (default: the period's end). */
    unitsOn: isoDate.optional(),
  })
  .superRefine((q, ctx) => {
    const need = (field: 'year' | 'quarter' | 'half' | 'from' | 'to', message: string) => {
      if (q[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message })
    }
    if (q.period !== 'range') need('year', 'report.needs_year')
    if (q.period === 'quarter') need('quarter', 'report.needs_quarter')
    if (q.period === 'half') need('half', 'report.needs_half')
    if (q.period === 'range') {
      need('from', 'report.needs_from')
      need('to', 'report.needs_to')
      if (q.from && q.to && q.from > q.to)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'report.to_before_from' })
    }
  })
export type ReportQuery = z.infer<typeof reportQuery>

/** The parts of the section, in the order the report reads; a part without data is left out. */
export const PART_KEYS = [
  'stations',
  'applications',
  'conversions',
  'cables',
  'ducts',
  'plans',
  'inspections',
  'tickets',
] as const
export type PartKey = (typeof PART_KEYS)[number]

/** The records behind one figure of a report: the same inputs, the part and figure, and optional filters. */
export const recordsQuery = z
  .object({
    part: z.enum(PART_KEYS),
    figure: z.string().regex(/^[a-zA-Z]{2,40}$/),
    carrier: z
      .string()
      .regex(/^[A-Za-z0-9_-]{2,20}$/)
      .optional(),
    district: z
      .string()
      .regex(/^([0-9]{2,5}|-)$/)
      .optional(),
    programme: z.coerce.number().int().positive().optional(),
    /** The kind of record, for a part whose records have one (a citizen report's category). */
    kind: z
      .string()
      .regex(/^[a-z_]{2,40}$/)
      .optional(),
  })
  .and(reportQuery)
export type RecordsQuery = z.infer<typeof recordsQuery>

const cell = z.object({
  text: z.string(),
  value: z.union([z.number(), z.string(), z.null()]),
  link: z.string().optional(),
})

/** One figure: its value, its text the Vietnamese way, and the URL of the records behind it. */
export const figureAnswer = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  text: z.string(),
  link: z.string().nullable(),
})

/** A table of a part: Vietnamese column headings, rows of cells; `bar` names the column drawn as bars. */
export const tableAnswer = z.object({
  key: z.string(),
  caption: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(cell)),
  bar: z.number().int().nullable(),
})

export const partAnswer = z.object({
  key: z.enum(PART_KEYS),
  title: z.string(),
  paragraphs: z.array(z.string()),
  figures: z.array(figureAnswer),
  tables: z.array(tableAnswer),
})

export const reportAnswer = z.object({
  province: z.object({ code: z.string(), name: z.string() }),
  period: z.object({ kind: z.string(), from: z.string(), to: z.string(), label: z.string() }),
  unitsOn: z.string(),
  title: z.string(),
  parts: z.array(partAnswer),
})
export type Report = z.infer<typeof reportAnswer>
export type ReportPart = z.infer<typeof partAnswer>
export type Figure = z.infer<typeof figureAnswer>
export type Table = z.infer<typeof tableAnswer>
export type Cell = z.infer<typeof cell>

export const recordsAnswer = z.object({
  total: z.number().int(),
  items: z.array(z.object({ id: z.number(), label: z.string(), url: z.string() })),
})
