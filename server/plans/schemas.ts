// Request and answer schemas of the plans routes (they also write the OpenAPI document and the client's types).
import { z } from 'zod'
import { CHANGES } from './service'
import { PLAN_ACTIONS } from './workflow'
import { FINDING_RULES } from './checks'

const year = z.number().int().min(2000).max(2100)

export const planBody = z
  .object({ title: z.string().trim().min(1).max(300), periodFrom: year, periodTo: year })
  .refine((b) => b.periodTo >= b.periodFrom, { path: ['periodTo'], message: 'plan.period_order' })

export const planParams = z.object({ id: z.coerce.number().int().positive() })
export const versionParams = planParams.extend({ number: z.coerce.number().int().positive() })

export const diffQuery = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
  toleranceM: z.coerce.number().min(0).max(10_000).default(10),
})

const STATES = ['submitted', 'returned', 'passed', 'approved'] as const

export const planAnswer = z.object({
  id: z.number(),
  carrierId: z.number(),
  carrierName: z.string(),
  title: z.string(),
  periodFrom: z.number(),
  periodTo: z.number(),
  createdAt: z.string(),
  latestNumber: z.number().nullable().optional(),
  latestState: z.enum(STATES).nullable().optional(),
})

const featureReport = z.object({
  index: z.number(),
  label: z.string(),
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
})

export const versionAnswer = z.object({
  id: z.number(),
  planId: z.number(),
  number: z.number(),
  state: z.enum(STATES),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
  sourceName: z.string(),
  sourceFormat: z.string(),
  featureCount: z.number(),
  siteCount: z.number(),
  routeCount: z.number(),
  areaCount: z.number(),
  version: z.number(),
  carrierId: z.number(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  report: z.array(featureReport).optional(),
  allowedActions: z.array(z.enum(PLAN_ACTIONS)).optional(),
})

export const transitionBody = z.object({
  action: z.enum(PLAN_ACTIONS),
  version: z.number().int().positive(),
  comment: z.string().trim().min(1).max(4000).optional(),
  decisionNumber: z.string().trim().min(1).max(100).optional(),
  decisionDate: z.iso.date().optional(),
})

export const commentBody = z.object({
  body: z.string().trim().min(1).max(4000),
  featureIndex: z.number().int().min(0).optional(),
  internal: z.boolean().optional(),
  answersId: z.number().int().positive().optional(),
})

export const commentAnswer = z.object({
  id: z.number(),
  featureIndex: z.number().nullable(),
  author: z.string(),
  authorRole: z.string(),
  body: z.string(),
  internal: z.boolean(),
  createdAt: z.string(),
  answersId: z.number().nullable(),
  /** The carrier's code of the feature commented on (null: the whole version, or a feature without a code). */
  featureKey: z.string().nullable(),
})

export const uploadAnswer = z.object({
  id: z.number(),
  planId: z.number(),
  number: z.number(),
  state: z.enum(STATES),
  sites: z.number(),
  routes: z.number(),
  areas: z.number(),
  warnings: z.array(featureReport),
})

/** A followed upload (`Prefer: respond-async`): its job id in the path. */
export const importParams = planParams.extend({ job: z.uuid() })

/**
 * A followed upload: its phase, the features validated of all and those with errors and warnings so far; once
 * done, the version stored (`result`, as the direct upload's 201 answer), or once failed, the problem+json the
 * direct upload would have answered (`problem`, its own `status`: 400, 404, 409, 422…).
 */
export const importJobAnswer = z.object({
  id: z.string(),
  planId: z.number(),
  phase: z.enum(['reading', 'validating', 'storing', 'done', 'failed']),
  done: z.number(),
  total: z.number(),
  errors: z.number(),
  warnings: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: uploadAnswer.nullable(),
  problem: z
    .object({ status: z.number(), title: z.string(), detail: z.string(), code: z.string() })
    .catchall(z.unknown())
    .nullable(),
})

export const diffAnswer = z.object({
  from: z.number(),
  to: z.number(),
  toleranceM: z.number(),
  counts: z.object({ added: z.number(), removed: z.number(), moved: z.number(), changed: z.number() }),
  unchanged: z.number(),
  items: z.array(
    z.object({
      kind: z.enum(['site', 'route', 'area']),
      key: z.string().nullable(),
      changes: z.array(z.enum(CHANGES)),
      fromIndex: z.number().nullable(),
      toIndex: z.number().nullable(),
      movedM: z.number().nullable(),
      fields: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
      geometry: z.unknown(),
    }),
  ),
})

const outcome = z.enum(['fail', 'warn', 'opportunity'])
export const findingsAnswer = z.object({
  checkedAt: z.string().nullable(),
  total: z.number(),
  byRule: z.array(
    z.object({
      rule: z.enum(FINDING_RULES),
      count: z.number(),
      fail: z.number(),
      warn: z.number(),
      opportunity: z.number(),
    }),
  ),
  byDistrict: z.array(
    z.object({ districtCode: z.string().nullable(), districtName: z.string().nullable(), count: z.number() }),
  ),
  findings: z.array(
    z.object({
      id: z.number(),
      featureIndex: z.number(),
      featureKind: z.enum(['site', 'route']),
      featureKey: z.string().nullable(),
      rule: z.enum(FINDING_RULES),
      outcome,
      districtCode: z.string().nullable(),
      districtName: z.string().nullable(),
      other: z.record(z.string(), z.unknown()).nullable(),
      detail: z.record(z.string(), z.unknown()),
      messageVi: z.string(),
      messageEn: z.string(),
    }),
  ),
})
