// "In plan": whether a station at a point matches a site of its carrier's approved plan (the SQL in in-plan.sql.ts
// is the one rule; the station columns carry the same answer for stored stations).
import type { Queryable } from '../db/index'
import { IN_PLAN_AT } from './in-plan.sql'

/** The approved planned site a station of `carrierId` at the point would match. */
export interface InPlan {
  planId: number
  title: string
  version: number
  decisionNumber: string
  siteKey: string | null
  featureIndex: number
  distanceM: number
}

/** The approved planned site a new station of the carrier at the point would match, or null. */
export async function inPlanAt(
  q: Queryable,
  provinceCode: string,
  carrierId: number,
  at: { lon: number; lat: number },
): Promise<InPlan | null> {
  return (await q.one<{ inPlan: InPlan | null }>(IN_PLAN_AT, [provinceCode, carrierId, at.lon, at.lat])).inPlan
}
