import { z } from 'zod'
import { checkLonLat, gatedGeometry } from '../geo/schema'
import { KINDS, STATUSES } from './workflow'
import { isoDate } from '../http/dates'

/** A route geometry: RFC 7946 LineString or MultiLineString in lon/lat, through the geometry gate. */
export const routeGeometry = gatedGeometry(['LineString', 'MultiLineString'])
export type RouteGeometry = z.infer<typeof routeGeometry>

const carrierNames = z.array(z.string().regex(/^[A-Za-z0-9_-]{2,20}$/, 'A carrier short name.')).max(20)

/** The editable fields of a route. */
export const routeBody = z.object({
  name: z.string().trim().min(1).max(200),
  street: z.string().trim().max(200).nullable().optional(),
  kind: z.enum(KINDS),
  carriers: carrierNames.default([]),
  plannedOn: isoDate.nullable().optional(),
  geometry: routeGeometry,
  /** Poles the route works on, chosen by id … */
  poleIds: z.array(z.number().int().positive()).max(20_000).default([]),
  /** … or found within this many metres of the route. */
  polesWithinM: z.number().positive().max(50).nullable().optional(),
})
export type RouteBody = z.infer<typeof routeBody>

export const routeUpdateBody = routeBody.extend({
  version: z.number().int().positive(),
  geometry: routeGeometry.optional(),
})
export type RouteUpdateBody = z.infer<typeof routeUpdateBody>

export const statusBody = z.object({
  version: z.number().int().positive(),
  status: z.enum(STATUSES),
  date: isoDate.optional(),
})
export const versionQuery = z.object({ version: z.coerce.number().int().positive() })
export const idParams = z.object({ id: z.coerce.number().int().positive() })

const bbox = z.string().transform((text, ctx) => {
  const n = text.split(',').map(Number)
  const [a, b, c, d] = n
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v)) || a! >= c! || b! >= d!) {
    ctx.addIssue({ code: 'custom', message: 'bbox.order' })
    return z.NEVER
  }
  return [a!, b!, c!, d!] as [number, number, number, number]
})

export const routeListQuery = z.object({
  kind: z.enum(KINDS).optional(),
  status: z.enum(STATUSES).optional(),
  carrier: z.string().optional(),
  district: z
    .string()
    .regex(/^[0-9]{2,5}$/)
    .optional(),
  q: z.string().trim().max(100).optional(),
  bbox: bbox.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  afterId: z.coerce.number().int().min(0).default(0),
})
export type RouteListQuery = z.infer<typeof routeListQuery>

const poleFields = z.object({
  code: z.string().trim().min(1).max(60),
  owner: z
    .string()
    .regex(/^[A-Za-z0-9_-]{2,20}$/)
    .default('evn'),
  carriers: carrierNames.default([]),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
})
export const poleBody = poleFields.superRefine(checkLonLat)
export type PoleBody = z.infer<typeof poleBody>
export const poleUpdateBody = poleFields.extend({ version: z.number().int().positive() }).superRefine(checkLonLat)

export const poleListQuery = z.object({ bbox, limit: z.coerce.number().int().min(1).max(5000).default(1000) })

export const ductBody = z.object({
  version: z.number().int().positive().optional(),
  ducts: z.number().int().positive().max(100),
  tubesPerDuct: z.number().int().positive().max(50),
  priceVndPerMMonth: z.number().min(0).max(10_000_000),
  allocations: z
    .array(z.object({ carrier: z.string(), tubes: z.number().int().positive(), fromDate: isoDate }))
    .max(50)
    .default([]),
})
export type DuctBody = z.infer<typeof ductBody>

/** A report period: a quarter, a year, or everything up to a date. */
export const periodQuery = z
  .object({
    period: z.enum(['quarter', 'year', 'cumulative']).default('cumulative'),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    quarter: z.coerce.number().int().min(1).max(4).optional(),
    until: isoDate.optional(),
    groupBy: z.enum(['none', 'district', 'carrier']).default('none'),
  })
  .refine((q) => q.period === 'cumulative' || q.year !== undefined, {
    message: 'A quarter or year period needs year.',
    path: ['year'],
  })
  .refine((q) => q.period !== 'quarter' || q.quarter !== undefined, {
    message: 'A quarter period needs quarter=1..4.',
    path: ['quarter'],
  })
export type PeriodQuery = z.infer<typeof periodQuery>

const day = z.string().nullable()

/** A route as the API answers it (list items and the single route), with what the user may do with it. */
export const routeAnswer = z.object({
  id: z.number().int(),
  name: z.string(),
  street: z.string().nullable(),
  kind: z.enum(KINDS),
  status: z.enum(STATUSES),
  carrierIds: z.array(z.number().int()),
  carriers: z.array(z.string()),
  /** Carriers named on the route that have not yet accepted to take part. */
  invitedCarriers: z.array(z.string()),
  plannedOn: day,
  startedOn: day,
  completedOn: day,
  acceptedOn: day,
  /** Ellipsoidal length stored when the route was written. */
  lengthM: z.number(),
  poleCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum([...STATUSES, 'edit', 'delete', 'leave'])),
})

/** One route with its geometry, its length in each district (null: outside every district) and its poles. */
export const routeDetailAnswer = routeAnswer.extend({
  geometry: routeGeometry,
  districts: z.array(z.object({ districtCode: z.string().nullable(), lengthM: z.number() })),
  poleIds: z.array(z.number().int()),
})

/** A page of routes in id order. */
export const routePageAnswer = z.object({ items: z.array(routeAnswer), nextAfterId: z.number().int().nullable() })
