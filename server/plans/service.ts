// The plans domain's decisions: who owns and who may see a plan and its versions, and the diff of two versions.
import type { Queryable } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { forbidden, msg, notFound } from '../http/problems'
import { reportCsv, type FeatureReport } from './report'
import type { PlanState } from './workflow'
import * as sql from './sql'

/** Who asks, in which province, for which request (audit rows carry the request id). */
export interface Scope {
  provinceCode: string
  user: SessionUser
  requestId?: string
}

/** The carrier whose view applies: a carrier user's own; staff (NULL) see every plan and version. */
export const viewerCarrier = (user: SessionUser): number | null => (user.role === 'carrier' ? user.carrierId : null)

export interface NewPlan {
  title: string
  periodFrom: number
  periodTo: number
}

/** Creates an empty plan of the signed-in carrier; its versions are uploaded next. */
export async function createPlan(tx: Queryable, scope: Scope, plan: NewPlan) {
  if (scope.user.carrierId === null) throw forbidden('plan.carrier_only')
  const row = await tx.one<{ id: number }>(sql.INSERT_PLAN, [
    scope.provinceCode,
    scope.user.carrierId,
    plan.title,
    plan.periodFrom,
    plan.periodTo,
    scope.user.id,
  ])
  await audit(tx, scope.user, { action: 'plan.create', entity: 'plan', entityId: row.id, after: plan }, scope.requestId)
  return getPlan(tx, scope, row.id)
}

/** The plans the user may see, each with its latest visible version. */
export function listPlans(q: Queryable, scope: Scope) {
  return q.many(sql.LIST_PLANS, [viewerCarrier(scope.user), scope.provinceCode])
}

/** One plan the user may see (404 otherwise: another carrier's unapproved plan is not said to exist). */
export async function getPlan(q: Queryable, scope: Scope, id: number) {
  const plan = await q.maybeOne(sql.GET_PLAN, [viewerCarrier(scope.user), scope.provinceCode, id])
  if (!plan) throw notFound('plan.not_found')
  return plan
}

/** The plan's versions the user may see, newest first. */
export async function listVersions(q: Queryable, scope: Scope, planId: number) {
  await getPlan(q, scope, planId)
  return q.many(sql.LIST_VERSIONS, [viewerCarrier(scope.user), scope.provinceCode, planId])
}

type Version = { id: number; number: number; state: PlanState; carrierId: number; report: FeatureReport[] } & Record<
  string,
  unknown
>

/** One version the user may see, with its upload report. */
export async function getVersion(q: Queryable, scope: Scope, planId: number, number: number): Promise<Version> {
  const v = await q.maybeOne<Version>(sql.GET_VERSION, [viewerCarrier(scope.user), scope.provinceCode, planId, number])
  if (!v) throw notFound(msg('plan.no_version', { n: number }))
  return v
}

/** A version's features as a GeoJSON FeatureCollection. */
export async function versionFeatures(q: Queryable, scope: Scope, planId: number, number: number) {
  const v = await getVersion(q, scope, planId, number)
  return (await q.one<{ collection: unknown }>(sql.VERSION_FEATURES, [v.id])).collection
}

/** A version's upload report as CSV. */
export async function versionReportCsv(q: Queryable, scope: Scope, planId: number, number: number) {
  return reportCsv((await getVersion(q, scope, planId, number)).report)
}

export const CHANGES = ['added', 'removed', 'moved', 'changed'] as const
export type Change = (typeof CHANGES)[number]

interface DiffSql {
  kind: 'site' | 'route' | 'area'
  key: string | null
  fromIndex: number | null
  toIndex: number | null
  movedM: number | null
  changed: string[]
  geometry: unknown
  [field: string]: unknown
}

/** One feature that differs between two versions: how, and the values before and after. */
export interface DiffItem {
  kind: DiffSql['kind']
  key: string | null
  changes: Change[]
  fromIndex: number | null
  toIndex: number | null
  movedM: number | null
  fields: { field: string; from: unknown; to: unknown }[]
  geometry: unknown
}

/**
 * Compares version `from` with version `to` of a plan: features matched by the carrier's code are moved when
 * their geometry moved more than `toleranceM` metres and changed when a field or attribute differs.
 */
export async function diffVersions(
  q: Queryable,
  scope: Scope,
  planId: number,
  from: number,
  to: number,
  toleranceM: number,
) {
  const a = await getVersion(q, scope, planId, from)
  const b = await getVersion(q, scope, planId, to)
  const rows = [
    ...(await q.many<DiffSql>(sql.DIFF_SITES, [a.id, b.id])),
    ...(await q.many<DiffSql>(sql.DIFF_ROUTES, [a.id, b.id])),
    ...(await q.many<DiffSql>(sql.DIFF_AREAS, [a.id, b.id])),
  ]
  const items: DiffItem[] = []
  let unchanged = 0
  for (const r of rows) {
    const changes: Change[] = []
    if (r.fromIndex === null) changes.push('added')
    else if (r.toIndex === null) changes.push('removed')
    else {
      if ((r.movedM ?? 0) > toleranceM) changes.push('moved')
      if (r.changed.length > 0) changes.push('changed')
    }
    if (changes.length === 0) {
      unchanged++
      continue
    }
    const fields = changes.includes('changed')
      ? r.changed.map((field) => {
          if (!field.startsWith('attributes.')) return { field, from: r[`${field}From`], to: r[`${field}To`] }
          const name = field.slice('attributes.'.length)
          const [before, after] = [r.attributesFrom, r.attributesTo] as Record<string, unknown>[]
          return { field, from: before?.[name] ?? null, to: after?.[name] ?? null }
        })
      : []
    items.push({
      kind: r.kind,
      key: r.key,
      changes,
      fromIndex: r.fromIndex,
      toIndex: r.toIndex,
      movedM: r.movedM === null ? null : Math.round(r.movedM * 100) / 100,
      fields,
      geometry: r.geometry,
    })
  }
  const count = (c: Change) => items.filter((i) => i.changes.includes(c)).length
  return {
    from,
    to,
    toleranceM,
    counts: { added: count('added'), removed: count('removed'), moved: count('moved'), changed: count('changed') },
    unchanged,
    items,
  }
}
