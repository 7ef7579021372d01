import { z } from 'zod'
import { STATUSES } from './workflow'
import { isoDate } from '../http/dates'

const version = z.number().int().positive()
const height = z.number().positive('A height is more than 0 m.').max(150, 'A mast is at most 150 m tall.')

export const KINDS = ['lower', 'camouflage', 'share'] as const
export const TARGET_CLASSES = ['A1', 'A1c', 'A2a', 'A2b'] as const
export const DESIGNS = ['street_light', 'palm_tree', 'water_tank', 'billboard', 'other'] as const

export const idParams = z.object({ id: z.coerce.number().int().positive() })

export const programmeBody = z.object({
  name: z.string().trim().min(1).max(200),
  decisionNo: z.string().trim().min(1).max(60),
  decisionDate: isoDate,
  legalBasis: z.string().trim().max(2000).optional(),
  startsOn: isoDate,
  heightToleranceM: z.number().min(0).max(10).default(0.5),
  phases: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(200),
        deadline: isoDate,
        cumulativeTarget: z.number().int().positive(),
      }),
    )
    .min(1)
    .max(20),
})
export type ProgrammeBody = z.infer<typeof programmeBody>

export const programmePatch = z.object({ version, heightToleranceM: z.number().min(0).max(10) })

/** Filters of the item list, the map layer and the dashboard's links. */
export const itemFilters = z.object({
  programme: z.coerce.number().int().positive(),
  phase: z.coerce.number().int().min(1).max(20).optional(),
  upToPhase: z.coerce.number().int().min(1).max(20).optional(),
  status: z.enum(STATUSES).optional(),
  carrier: z
    .string()
    .regex(/^[A-Za-z0-9_-]{2,20}$/)
    .optional(),
  district: z
    .string()
    .regex(/^[0-9]{2,5}$/)
    .optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  // Items verified on or before this Vietnamese day: what a phase card counts against its deadline.
  verifiedBy: isoDate.optional(),
  q: z.string().trim().min(1).max(60).optional(),
})
export type ItemFilters = z.infer<typeof itemFilters>

export const listQuery = itemFilters.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export type ListQuery = z.infer<typeof listQuery>

export const dashboardQuery = z.object({
  carrier: z
    .string()
    .regex(/^[A-Za-z0-9_-]{2,20}$/)
    .optional(),
  district: z
    .string()
    .regex(/^[0-9]{2,5}$/)
    .optional(),
})
export type DashboardQuery = z.infer<typeof dashboardQuery>

export const transitionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), version }),
  z.object({
    action: z.literal('report'),
    version,
    measuredHeightM: height,
    completedOn: isoDate,
    note: z.string().trim().max(1000).optional(),
  }),
  z.object({
    action: z.literal('verify'),
    version,
    inspectedHeightM: height.optional(),
    note: z.string().trim().max(1000).optional(),
  }),
  z.object({
    action: z.literal('return'),
    version,
    reasons: z.array(z.string().trim().min(1).max(500)).min(1).max(20),
  }),
])
export type TransitionBody = z.infer<typeof transitionBody>

export const importBody = z.object({
  format: z.enum(['csv', 'geojson']),
  content: z.string().min(1).max(900_000),
  /** How far (m) a row given by position may lie from its station. */
  toleranceM: z.number().positive().max(500).default(30),
  /** Line numbers (CSV) or feature numbers (GeoJSON) the officer chose to leave out. */
  skip: z.array(z.number().int().positive()).max(5000).default([]),
  dryRun: z.boolean().default(false),
})
export type ImportBody = z.infer<typeof importBody>

export const statusCsvBody = z.object({ csv: z.string().min(1).max(900_000) })
