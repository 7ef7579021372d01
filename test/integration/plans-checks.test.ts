// The automatic appraisal of a plan version (issue 12): its findings equal an independent SQL query that states
// each rule over the same data (no index boxes, no shared statement, no TypeScript rule), on a scatter of planned
// sites around a grid of existing stations, two planning zones, another carrier's plan under appraisal, a third
// carrier's returned plan (which does not count), parallel, crossing and distant routes and an existing cable route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rng } from '../../gis-data/random'
import type { TestApp } from '../helpers/app'
import { collection, newPlan, upload } from '../helpers/plans'
import { insertStationGrid, startProvinceApp } from '../helpers/stations'

let app: TestApp
let officer: string
let inspector: string
let viettel: string
let mobifone: string
let vnpt: string
let center: { lon: number; lat: number }

/** Degrees per metre north and east near the demo province's latitude (~10.8°N). */
const NORTH = 1 / 110_610
const EAST = 1 / 109_350

const at = (eastM: number, northM: number): [number, number] => [center.lon + eastM * EAST, center.lat + northM * NORTH]
const site = (code: string, xy: [number, number], mastClass: string, height: number) => ({
  type: 'Feature',
  properties: { code, mastClass, height, year: 2027 },
  geometry: { type: 'Point', coordinates: xy },
})
const route = (code: string, from: [number, number], to: [number, number], street?: string) => ({
  type: 'Feature',
  properties: { code, kind: 'underground', year: 2028, ...(street ? { street } : {}) },
  geometry: { type: 'LineString', coordinates: [from, to] },
})

const CLASSES = ['A1', 'A1c', 'A2a', 'A2a', 'A2b']
/** `n` sites scattered over the station grid (6 × 5 stations 220 m apart) with mixed classes and heights. */
function scatter(prefix: string, n: number, seed: number) {
  const random = rng(seed)
  return Array.from({ length: n }, (_, i) => {
    const cls = CLASSES[Math.floor(random() * CLASSES.length)]!
    const height = cls.startsWith('A1') ? 2 + Math.round(random() * 3) : 8 + Math.round(random() * 40)
    return site(`${prefix}${i}`, at(-100 + random() * 1400, -100 + random() * 1100), cls, height)
  })
}

let version: number
beforeAll(async () => {
  ;({ app, center } = await startProvinceApp())
  await insertStationGrid(app.db, 'CHK', 30)
  officer = (await app.user('chk.officer', 'officer')).cookie
  inspector = (await app.user('chk.inspector', 'inspector')).cookie
  viettel = (await app.user('chk.viettel', 'carrier', 'viettel')).cookie
  mobifone = (await app.user('chk.mobifone', 'carrier', 'mobifone')).cookie
  vnpt = (await app.user('chk.vnpt', 'carrier', 'vnpt')).cookie
  // a zone for A1 masts only, at most 20 m, over the grid's west half; a zone up to 30 m over its south part
  const box = (w: number, s: number, e: number, n: number) => {
    const [x0, y0] = at(w, s)
    const [x1, y1] = at(e, n)
    return `MULTIPOLYGON(((${x0} ${y0}, ${x1} ${y0}, ${x1} ${y1}, ${x0} ${y1}, ${x0} ${y0})))`
  }
  await app.db.exec(
    `INSERT INTO planning_zones (province_code, name, kind, allowed_classes, max_height_m, geom)
     VALUES ('79', 'Khu phố cổ', 'heritage', ARRAY['A1'], 20, ST_GeomFromText($1, 4326)),
            ('79', 'Khu dân cư', 'residential', ARRAY['A1', 'A2a', 'A2b'], 30, ST_GeomFromText($2, 4326))`,
    [box(-150, -150, 500, 1100), box(-150, -150, 1400, 300)],
  )
  // an existing cable route 8 m north of our route R3, on the same street
  await app.db.exec(
    `INSERT INTO cable_routes (province_code, name, street, kind, status, carrier_ids, geom, length_m)
     SELECT '79', 'Tuyến ngầm Hai Bà Trưng', 'Hai Bà Trưng', 'underground', 'planned', ARRAY[c.id], g,
            ST_Length(g::geography)
       FROM carriers c, (SELECT ST_Multi(ST_GeomFromText($1, 4326)) AS g) t WHERE c.short_name = 'vnpt'`,
    [`LINESTRING(${at(0, 908).join(' ')}, ${at(500, 908).join(' ')})`],
  )

  const other = await newPlan(app, mobifone, 'MobiFone 2026–2030')
  const mobiFeatures = [
    ...scatter('M', 120, 7),
    route('M-R1', at(0, 605), at(400, 605)), // 5 m beside R1 for 400 m: a shared trench
    route('M-R2', at(0, 740), at(400, 740)), // 40 m from R2: too far
    route('M-R4', at(800, 500), at(800, 800), 'Lê Lợi'), // crosses R4, same street
    route('M-R5', at(1000, 500), at(1000, 800), 'Pasteur'), // crosses R5, another street
  ]
  expect((await upload(app, mobifone, other, 'geojson', collection(mobiFeatures))).status).toBe(201)
  // VNPT's plan was returned: not under appraisal, not approved, so not looked at
  const returned = await newPlan(app, vnpt, 'VNPT 2026–2030')
  expect((await upload(app, vnpt, returned, 'geojson', collection(scatter('N', 60, 11)))).status).toBe(201)
  const v = await (await app.request('GET', `/api/plans/${returned}/versions/1`, { cookie: officer })).json()
  const back = { action: 'return', version: v.version, comment: 'Bổ sung thuyết minh' }
  expect(
    (await app.request('POST', `/api/plans/${returned}/versions/1/transition`, { cookie: officer, body: back })).status,
  ).toBe(200)

  const plan = await newPlan(app, viettel, 'Viettel 2026–2030')
  const ours = [
    ...scatter('V', 200, 3),
    route('R1', at(0, 600), at(400, 600)),
    route('R2', at(0, 700), at(400, 700)),
    route('R3', at(0, 900), at(400, 900), 'Hai Bà Trưng'),
    route('R4', at(700, 650), at(900, 650), 'lê lợi '),
    route('R5', at(900, 650), at(1100, 650), 'Lê Lợi'),
    site('D1', at(10, 0), 'A2a', 12), // 10 m from Viettel's own station CHK-0: a duplicate
  ]
  expect((await upload(app, viettel, plan, 'geojson', collection(ours))).status).toBe(201)
  version = plan
})
afterAll(() => app.close())

type Finding = { featureIndex: number; rule: string; outcome: string; other: { id?: number } | null }
const run = async (cookie = officer) => app.request('POST', `/api/plans/${version}/versions/1/findings`, { cookie })

/** The checks as one independent query: each rule written out in SQL from its definition. */
async function expected(versionId: number): Promise<string[]> {
  const rows = await app.db.many<{ k: string }>(
    `WITH r AS (SELECT * FROM station_rules WHERE province_code = '79'),
     site AS (
       SELECT ps.*, coalesce(k.area_kind, r.default_area_kind) AS area, p.carrier_id
         FROM planned_sites ps JOIN plan_versions v ON v.id = ps.version_id JOIN plans p ON p.id = v.plan_id
         CROSS JOIN r
         LEFT JOIN district_area_kinds k
                ON k.province_code = '79' AND k.district_code = district_at('79', ps.geom, current_date)
        WHERE ps.version_id = $1),
     dist AS (
       SELECT site.feature_index, s.carrier_id, s.state, s.temporary, s.mast_class,
              round(ST_Distance(site.geom::geography, s.geom::geography)::numeric, 2) AS m
         FROM site JOIN stations s ON s.province_code = '79'),
     counted AS (
       SELECT v.id FROM plan_versions v JOIN plans p ON p.id = v.plan_id
        WHERE p.province_code = '79' AND p.carrier_id <> (SELECT carrier_id FROM site LIMIT 1)
          AND (v.id = (SELECT w.id FROM plan_versions w WHERE w.plan_id = p.id AND w.state = 'approved'
                        ORDER BY w.number DESC LIMIT 1)
               OR (v.id = (SELECT w.id FROM plan_versions w WHERE w.plan_id = p.id ORDER BY w.number DESC LIMIT 1)
                   AND v.state IN ('submitted', 'passed')))),
     bulky AS (SELECT * FROM site WHERE mast_class IN ('A2a', 'A2b')),
     band AS (
       SELECT b.feature_index, sr.min_distance_m
         FROM bulky b LEFT JOIN spacing_rules sr
           ON sr.province_code = '79' AND sr.mast_class = b.mast_class AND sr.area_kind = b.area
          AND b.height_m > sr.min_height_m AND (sr.max_height_m IS NULL OR b.height_m <= sr.max_height_m)),
     mine AS (SELECT pr.*, lower(btrim(pr.attributes->>'street')) AS st FROM planned_routes pr WHERE version_id = $1),
     theirs AS (
       SELECT pr.id, pr.geom, lower(btrim(pr.attributes->>'street')) AS st
         FROM planned_routes pr WHERE pr.version_id IN (SELECT id FROM counted)),
     existing AS (SELECT id, geom, lower(btrim(street)) AS st FROM cable_routes WHERE province_code = '79'),
     -- how far (m) a route runs within the trench distance of another: 2 m pieces whose middle is within it
     pieces AS (
       SELECT m.feature_index, m.st, ST_MakeLine(d.geom, lead(d.geom) OVER w) AS piece
         FROM mine m, ST_DumpPoints(ST_Segmentize(m.geom::geography, 2)::geometry) d
       WINDOW w AS (PARTITION BY m.feature_index ORDER BY d.path))
     SELECT feature_index || '|zone_class|fail' AS k FROM site s
      WHERE EXISTS (SELECT 1 FROM planning_zones z WHERE z.province_code = '79' AND ST_Covers(z.geom, s.geom)
                      AND NOT (CASE WHEN s.mast_class = 'A1c' THEN 'A1' ELSE s.mast_class END
                               = ANY (z.allowed_classes)))
     UNION
     SELECT feature_index || '|zone_height|fail' FROM site s
      WHERE EXISTS (SELECT 1 FROM planning_zones z WHERE z.province_code = '79' AND ST_Covers(z.geom, s.geom)
                      AND z.max_height_m < s.height_m)
     UNION
     SELECT feature_index || '|spacing|warn' FROM band WHERE min_distance_m IS NULL
     UNION
     SELECT b.feature_index || '|spacing|fail' FROM band b
      WHERE EXISTS (SELECT 1 FROM dist d WHERE d.feature_index = b.feature_index AND d.m < b.min_distance_m
                      AND d.mast_class IN ('A2a', 'A2b') AND d.state IN ('approved', 'built', 'in_service')
                      AND NOT d.temporary)
     UNION
     SELECT b.feature_index || '|must_share|opportunity' FROM bulky b CROSS JOIN r
      WHERE EXISTS (SELECT 1 FROM dist d WHERE d.feature_index = b.feature_index AND d.carrier_id <> b.carrier_id
                      AND d.mast_class IN ('A2a', 'A2b') AND d.state IN ('approved', 'built', 'in_service')
                      AND NOT d.temporary
                      AND d.m < CASE b.area WHEN 'urban' THEN r.share_distance_urban_m
                                                    ELSE r.share_distance_rural_m END)
     UNION
     SELECT s.feature_index || '|duplicate|fail' FROM site s CROSS JOIN r
      WHERE EXISTS (SELECT 1 FROM dist d WHERE d.feature_index = s.feature_index AND d.carrier_id = s.carrier_id
                      AND d.state NOT IN ('decommissioned', 'rejected') AND d.m < r.duplicate_distance_m)
     UNION
     SELECT b.feature_index || '|co_location|' || o.id FROM bulky b CROSS JOIN r
       JOIN planned_sites o ON o.version_id IN (SELECT id FROM counted) AND o.mast_class IN ('A2a', 'A2b')
      WHERE round(ST_Distance(b.geom::geography, o.geom::geography)::numeric, 2)
            < CASE b.area WHEN 'urban' THEN r.share_distance_urban_m ELSE r.share_distance_rural_m END
     UNION
     SELECT m.feature_index || '|shared_trench|' || t.id FROM mine m CROSS JOIN r JOIN theirs t
         ON ST_Distance(m.geom::geography, t.geom::geography) <= r.trench_distance_m
      WHERE m.st = t.st
         OR (SELECT sum(ST_Length(p.piece::geography)) FROM pieces p
              WHERE p.feature_index = m.feature_index AND p.piece IS NOT NULL
                AND ST_Distance(ST_LineInterpolatePoint(p.piece, 0.5)::geography, t.geom::geography)
                    <= r.trench_distance_m) >= r.trench_min_length_m
     UNION
     SELECT m.feature_index || '|existing_trench|' || t.id FROM mine m CROSS JOIN r JOIN existing t
         ON ST_Distance(m.geom::geography, t.geom::geography) <= r.trench_distance_m
      WHERE m.st = t.st
         OR (SELECT sum(ST_Length(p.piece::geography)) FROM pieces p
              WHERE p.feature_index = m.feature_index AND p.piece IS NOT NULL
                AND ST_Distance(ST_LineInterpolatePoint(p.piece, 0.5)::geography, t.geom::geography)
                    <= r.trench_distance_m) >= r.trench_min_length_m`,
    [versionId],
  )
  return rows.map((r) => r.k).sort()
}

const keyOf = (f: Finding) =>
  ['co_location', 'shared_trench', 'existing_trench'].includes(f.rule)
    ? `${f.featureIndex}|${f.rule}|${f.other?.id}`
    : `${f.featureIndex}|${f.rule}|${f.outcome}`

describe('the automatic appraisal of a version', () => {
  it('finds exactly what the independent query finds, rule by rule', async () => {
    const res = await run()
    expect(res.status).toBe(200)
    const body = await res.json()
    const versionId = (
      await app.db.one<{ id: number }>('SELECT id FROM plan_versions WHERE plan_id = $1 AND number = 1', [version])
    ).id
    const want = await expected(versionId)
    const got = [...new Set((body.findings as Finding[]).map(keyOf))].sort()
    expect(got).toEqual(want)
    // the data reaches every rule, so an equal answer is not an empty one
    for (const rule of ['zone_class', 'zone_height', 'spacing', 'must_share', 'duplicate', 'co_location']) {
      expect(
        want.some((k) => k.includes(`|${rule}|`)),
        rule,
      ).toBe(true)
    }
    const trench = want.filter((k) => k.includes('trench'))
    // R1 beside M-R1, R4 on M-R4's street, R3 along the existing route (indexes 200, 203, 202)
    expect(trench.map((k) => k.split('|').slice(0, 2).join('|')).sort()).toEqual([
      '200|shared_trench',
      '202|existing_trench',
      '203|shared_trench',
    ])
  })

  it('groups the findings by rule and by district, the district as an independent count says', async () => {
    expect((await run()).status).toBe(200)
    const body = await (
      await app.request('GET', `/api/plans/${version}/versions/1/findings`, { cookie: inspector })
    ).json()
    expect(body.checkedAt).not.toBeNull()
    expect(body.byRule.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(body.total)
    const counts = await app.db.many<{ code: string | null; n: number }>(
      `SELECT district_at('79', CASE WHEN f.feature_kind = 'site' THEN s.geom ELSE ST_PointOnSurface(r.geom) END,
                          current_date) AS code, count(*)::int AS n
         FROM plan_findings f JOIN plan_versions v ON v.id = f.version_id
         LEFT JOIN planned_sites s ON f.feature_kind = 'site' AND s.version_id = v.id
                                  AND s.feature_index = f.feature_index
         LEFT JOIN planned_routes r ON f.feature_kind = 'route' AND r.version_id = v.id
                                   AND r.feature_index = f.feature_index
        WHERE v.plan_id = $1 AND v.number = 1 GROUP BY 1`,
      [version],
    )
    const byDistrict = Object.fromEntries(
      (body.byDistrict as { districtCode: string | null; count: number }[]).map((g) => [g.districtCode, g.count]),
    )
    expect(byDistrict).toEqual(Object.fromEntries(counts.map((c) => [c.code, c.n])))
  })

  it('runs again with the same answer, replacing the stored findings', async () => {
    const first = (await (await run()).json()).total
    const second = await (await run()).json()
    expect(second.total).toBe(first)
    const stored = await app.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM plan_findings f JOIN plan_versions v ON v.id = f.version_id
        WHERE v.plan_id = $1`,
      [version],
    )
    expect(stored.n).toBe(first)
  })

  it('is for staff: carriers neither run nor read it (it names plans under appraisal), inspectors read', async () => {
    expect((await run(viettel)).status).toBe(403)
    expect((await run(mobifone)).status).toBe(403)
    expect((await run(inspector)).status).toBe(403)
    const read = (cookie: string) => app.request('GET', `/api/plans/${version}/versions/1/findings`, { cookie })
    expect((await read(viettel)).status).toBe(403)
    expect((await read(officer)).status).toBe(200)
  })
})
