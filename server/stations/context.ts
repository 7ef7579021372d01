import type { Queryable, Row } from '../db/index'
import { metresToDegrees } from '../geo/degrees'
import type { RuleResult } from './rules'

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
  const point = 'ST_SetSRID(ST_MakePoint($1, $2), 4326)'
  const masts = await q.many(
    `SELECT * FROM (
       SELECT s.id, s.site_code AS "siteCode", c.short_name AS operator, s.mast_class AS "mastClass", s.mast_height_m AS "mastHeightM",
              s.state, ST_AsGeoJSON(s.geom, 7)::jsonb AS position, ST_Distance(s.geom::geography, ${point}::geography) AS "distanceM"
         FROM stations s JOIN carriers c ON c.id = s.carrier_id
        WHERE s.province_code = $3 AND ST_DWithin(s.geom, ${point}, $4) AND s.id <> $5
          AND s.state IN ('approved', 'built', 'in_service')
     ) m WHERE m."distanceM" <= $6 ORDER BY m."distanceM" LIMIT 200`,
    [lon, lat, provinceCode, degrees, station.id, CONTEXT_RADIUS_M],
  )
  const zones = await q.many(
    `SELECT id, name, kind, allowed_classes AS "allowedClasses", max_height_m AS "maxHeightM", ST_AsGeoJSON(geom, 7)::jsonb AS geometry
       FROM planning_zones WHERE province_code = $3 AND ST_DWithin(geom, ${point}, $4) ORDER BY id`,
    [lon, lat, provinceCode, degrees],
  )
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
