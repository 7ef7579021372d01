import type { Queryable, Row } from '../db/index'
import { metresToDegrees } from '../geo/degrees'
import { zonesNear } from '../planning/zones'
import type { RuleResult } from './rules'
import { MASTS_NEAR } from './sql/stations.sql'

export const CONTEXT_RADIUS_M = 500

/**
 * What the officer's map shows around an application: zones near the site, existing masts within
 * 500 m (nearest first) and the rings of the spacing and sharing limits that applied.
 */
export async function stationContext(
  q: Queryable,
  provinceCode: string,
  station: Row,
): Promise<Record<string, unknown>> {
  const [lon, lat] = (station.position as { coordinates: [number, number] }).coordinates
  // the degree box finds candidates through the index; the exact distance filters after
  const degrees = metresToDegrees(CONTEXT_RADIUS_M, lat)
  const masts = await q.many(MASTS_NEAR, [lon, lat, provinceCode, degrees, station.id, CONTEXT_RADIUS_M])
  const zones = await zonesNear(q, provinceCode, lon, lat, degrees)
  const results = (station.ruleResults ?? []) as RuleResult[]
  const limit = (rule: string) =>
    (results.find((r) => r.rule === rule)?.values.limitM as number | null | undefined) ?? null
  const rings = [
    { rule: 'spacing', radiusM: limit('spacing') },
    { rule: 'must_share', radiusM: limit('must_share') },
    { rule: 'duplicate', radiusM: limit('duplicate') },
  ].filter((r) => r.radiusM !== null)
  return { center: { type: 'Point', coordinates: [lon, lat] }, radiusM: CONTEXT_RADIUS_M, masts, zones, rings }
}
