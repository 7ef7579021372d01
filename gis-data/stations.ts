import type { Queryable } from '../server/db/index'
import { audit, SYSTEM } from '../server/audit/audit'
import { runRuleCheck } from '../server/stations/check'
import { rng } from './random'

/** Demo size: about Hồ Chí Minh City's ~10,000 stations (DESIGN.md). */
export const DEMO_STATIONS = 10_000

// Market shares of the five mobile operators (rough, for a believable mix).
const OPERATORS: [shortName: string, share: number][] = [
  ['viettel', 0.4],
  ['vnpt', 0.26],
  ['mobifone', 0.24],
  ['vietnamobile', 0.07],
  ['gmobile', 0.03],
]
/** The demo city's inner (urban core) districts, by GSO code: denser stations, converted first. */
export const INNER_DISTRICTS = new Set([
  '760',
  '770',
  '773',
  '774',
  '771',
  '768',
  '772',
  '775',
  '765',
  '766',
  '767',
  '776',
  '778',
  '764',
  '777',
  '761',
])
/** Designs of camouflaged (A1c) masts. */
export const CAMOUFLAGE = ['street_light', 'palm_tree', 'water_tank', 'billboard'] as const
// Applications in every workflow state: how many stations of the demo take each non-final state.
const WORKFLOW_SAMPLE: [state: string, count: number][] = [
  ['draft', 12],
  ['submitted', 12],
  ['field_checked', 8],
  ['returned', 5],
  ['approved', 6],
  ['rejected', 5],
  ['built', 5],
  ['decommissioned', 8],
]

const OPEN = new Set(['draft', 'submitted', 'field_checked', 'returned'])

function pick<T>(random: () => number, weighted: [T, number][]): T {
  let r = random() * weighted.reduce((s, [, w]) => s + w, 0)
  for (const [value, w] of weighted) {
    r -= w
    if (r <= 0) return value
  }
  return weighted.at(-1)![0]
}

const round1 = (n: number) => Math.round(n * 10) / 10

interface Columns {
  carrier: number[]
  code: string[]
  mastClass: string[]
  camouflage: (string | null)[]
  mast: number[]
  building: (number | null)[]
  tech: string[]
  state: string[]
  decisionNo: (string | null)[]
  decisionDate: (string | null)[]
}

/**
 * Generates the demo stations over the demo province's districts: ~10,000 masts of the five mobile operators
 * (≈ 60 % A2a, 34 % A2b, the rest A1 and camouflaged A1), applications in every workflow state, planning zones,
 * an event with temporary and mobile BTS, one past event whose stations are overdue for removal.
 * Deterministic for a seed; inserted in bulk (a few statements).
 */
export async function generateStations(
  q: Queryable,
  provinceCode: string,
  seed: number,
): Promise<{ stations: number; zones: number }> {
  const random = rng(seed ^ 0x5b75)
  // Loading the demo again keeps the stations already generated.
  if (await q.maybeOne('SELECT 1 FROM stations WHERE province_code = $1 AND is_demo LIMIT 1', [provinceCode]))
    return { stations: 0, zones: 0 }
  await q.exec(
    `INSERT INTO station_rules (province_code, a1_max_ratio, a1_max_height_m, share_distance_urban_m, share_distance_rural_m,
                                duplicate_distance_m, default_area_kind, a1_max_reach_m)
     SELECT $1, a1_max_ratio, a1_max_height_m, share_distance_urban_m, share_distance_rural_m, duplicate_distance_m,
            default_area_kind, a1_max_reach_m
       FROM station_rules WHERE province_code = '79' ON CONFLICT DO NOTHING`,
    [provinceCode],
  )
  const carriers = new Map(
    (
      await q.many<{ id: number; shortName: string }>(
        `SELECT id, short_name AS "shortName" FROM carriers WHERE kind = 'mobile'`,
      )
    ).map((c) => [c.shortName, c.id]),
  )
  const districts = await q.many<{ code: string; km2: number }>(
    `SELECT code, area_m2 / 1e6 AS km2 FROM units_in_force(current_date)
      WHERE level = 'district' AND province_code = $1 ORDER BY code`,
    [provinceCode],
  )
  // Inner districts are ~12× denser per km², as in the real city.
  const weight = districts.map((d) => d.km2 * (INNER_DISTRICTS.has(d.code) ? 12 : 1))
  const total = weight.reduce((a, b) => a + b, 0)
  const counts = weight.map((w) => Math.max(1, Math.round((w / total) * DEMO_STATIONS)))

  const cols: Columns = {
    carrier: [],
    code: [],
    mastClass: [],
    camouflage: [],
    mast: [],
    building: [],
    tech: [],
    state: [],
    decisionNo: [],
    decisionDate: [],
  }
  const seq = new Map<string, number>()
  districts.forEach((d, i) => {
    const inner = INNER_DISTRICTS.has(d.code)
    for (let k = 0; k < counts[i]!; k++) {
      const op = pick(random, OPERATORS)
      const n = (seq.get(op) ?? 0) + 1
      seq.set(op, n)
      const mastClass = pick(
        random,
        inner
          ? [
              ['A2a', 0.63],
              ['A2b', 0.31],
              ['A1', 0.04],
              ['A1c', 0.02],
            ]
          : [
              ['A2a', 0.45],
              ['A2b', 0.49],
              ['A1', 0.03],
              ['A1c', 0.03],
            ],
      )
      const building = mastClass === 'A2b' ? null : round1(9 + random() * 36)
      const mast =
        mastClass === 'A2a'
          ? round1(6 + random() * 14)
          : mastClass === 'A2b'
            ? round1(30 + random() * 50)
            : mastClass === 'A1'
              ? round1(Math.min(3, building! * 0.2) * (0.5 + random() * 0.5))
              : round1(6 + random() * 6)
      const techs = ['2G', '3G', '4G'].filter((t) => t === '4G' || random() < 0.8)
      if (inner && random() < 0.25) techs.push('5G')
      const year = 2010 + Math.floor(random() * 14)
      cols.carrier.push(carriers.get(op)!)
      cols.code.push(`${op.slice(0, 3).toUpperCase()}-${d.code}-${String(n).padStart(5, '0')}`)
      cols.mastClass.push(mastClass)
      cols.camouflage.push(mastClass === 'A1c' ? CAMOUFLAGE[Math.floor(random() * CAMOUFLAGE.length)]! : null)
      cols.mast.push(mast)
      cols.building.push(building)
      cols.tech.push(`{${techs.join(',')}}`)
      cols.state.push('in_service')
      cols.decisionNo.push(`${100 + Math.floor(random() * 900)}/QĐ-STTTT`)
      cols.decisionDate.push(
        `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      )
    }
  })
  // Spread the workflow sample over the list so every state has stations in several districts.
  const sampled: [n: number, state: string][] = []
  for (const [state, count] of WORKFLOW_SAMPLE) {
    for (let k = 0; k < count; k++) {
      let i = Math.floor(random() * cols.state.length)
      while (cols.state[i] !== 'in_service') i = (i + 1) % cols.state.length
      cols.state[i] = state
      sampled.push([i + 1, state])
      if (!['approved', 'built', 'decommissioned'].includes(state)) {
        cols.decisionNo[i] = null
        cols.decisionDate[i] = null
      }
    }
  }

  const ids = await q.many<{ id: number }>(
    `WITH pts AS (
       SELECT row_number() OVER (ORDER BY d.code, p.path) AS n, d.code, p.geom
         FROM units_in_force(current_date) d
         JOIN unnest($2::text[], $3::int[]) AS c(code, cnt) ON c.code = d.code
        CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints(d.geom, c.cnt, $4)) p
        WHERE d.level = 'district' AND d.province_code = $1
     ), attrs AS (
       SELECT * FROM unnest($5::int[], $6::text[], $7::text[], $8::text[], $9::numeric[], $10::numeric[], $11::text[], $12::text[], $13::text[], $14::date[])
         WITH ORDINALITY AS a(carrier_id, site_code, mast_class, camouflage_kind, mast_height_m, building_height_m, tech, state, decision_no, decision_date, n)
     )
     INSERT INTO stations (province_code, carrier_id, site_code, geom, district_code, mast_class, camouflage_kind, mast_height_m,
                           building_height_m, technologies, state, submitted_at, decision_no, decision_date, is_demo, state_since)
     SELECT $1, a.carrier_id, a.site_code, p.geom, p.code, a.mast_class, a.camouflage_kind, a.mast_height_m, a.building_height_m,
            a.tech::text[], a.state, CASE WHEN a.state NOT IN ('draft', 'in_service') THEN now() - make_interval(hours => (a.n % 240)::int) END,
            a.decision_no, a.decision_date, true, now() - make_interval(hours => (a.n % 240)::int)
       FROM pts p JOIN attrs a ON a.n = p.n
      ORDER BY p.n
     RETURNING id`,
    [
      provinceCode,
      districts.map((d) => d.code),
      counts,
      seed,
      cols.carrier,
      cols.code,
      cols.mastClass,
      cols.camouflage,
      cols.mast,
      cols.building,
      cols.tech,
      cols.state,
      cols.decisionNo,
      cols.decisionDate,
    ],
  )
  const firstId = ids[0]?.id ?? 0
  // Fresh statistics let the planner pick the GiST index for the rule checks below.
  await q.exec('ANALYZE stations')
  const zones = await insertZones(q, provinceCode)
  await insertEvents(q, provinceCode, carriers)
  await q.exec(
    `INSERT INTO station_history (station_id, version, action, state, actor_name, note, snapshot)
     SELECT s.id, s.version, 'demo.load', s.state, 'system', 'demo data', to_jsonb(s) - 'geom' || jsonb_build_object('lon', ST_X(s.geom), 'lat', ST_Y(s.geom))
       FROM stations s WHERE s.province_code = $1 AND s.is_demo AND s.state <> 'in_service'`,
    [provinceCode],
  )
  // The applications still open carry stored rule results like real ones do.
  for (const [n, state] of sampled) if (OPEN.has(state)) await runRuleCheck(q, firstId + n - 1)
  const count = ids.length
  await audit(q, SYSTEM, {
    action: 'demo.load',
    entity: 'station',
    entityId: provinceCode,
    after: { stations: count, zones, seed },
  })
  return { stations: count, zones }
}

/** A1-only squares and heritage areas in the centre, a government-office zone, main streets and a rural zone. */
async function insertZones(q: Queryable, provinceCode: string): Promise<number> {
  return q.exec(
    `WITH c AS (SELECT ST_PointOnSurface(geom) AS g, code FROM units_in_force(current_date) WHERE level = 'district' AND province_code = $1)
     INSERT INTO planning_zones (province_code, name, kind, allowed_classes, max_height_m, geom)
     SELECT $1, z.name, z.kind, z.classes, z.max_h, ST_Multi(ST_Buffer(c.g::geography, z.radius)::geometry)
       FROM c JOIN (VALUES
         ('760', 'Quảng trường trung tâm (chỉ A1)', 'a1_only', ARRAY['A1'], NULL::numeric, 600),
         ('774', 'Khu di sản Chợ Lớn', 'heritage', ARRAY['A1'], 25, 500),
         ('770', 'Khu cơ quan nhà nước', 'government', ARRAY['A1'], NULL, 300),
         ('765', 'Trục đường chính Bình Thạnh', 'main_street', ARRAY['A1', 'A2a'], 60, 900),
         ('783', 'Vùng nông thôn Củ Chi', 'rural', ARRAY['A1', 'A2a', 'A2b'], 80, 6000)
       ) AS z(code, name, kind, classes, max_h, radius) ON z.code = c.code`,
    [provinceCode],
  )
}

/** A current festival with 23 temporary BTS and 12 mobile trucks; a past one whose stations are overdue for removal. */
async function insertEvents(q: Queryable, provinceCode: string, carriers: Map<string, number>): Promise<void> {
  const events = await q.many<{ id: number; past: boolean }>(
    `INSERT INTO station_events (province_code, name, starts_on, ends_on, area)
     SELECT $1, e.name, current_date + e.s, current_date + e.e, ST_Multi(ST_Buffer(ST_PointOnSurface(a.geom)::geography, 800)::geometry)
       FROM (VALUES ('Lễ hội pháo hoa (demo)', -1, 5, '760'), ('Hội chợ Tết (demo, đã kết thúc)', -40, -20, '778')) AS e(name, s, e, code)
       JOIN units_in_force(current_date) a ON a.level = 'district' AND a.code = e.code AND a.province_code = $1
     RETURNING id, ends_on < current_date AS past`,
    [provinceCode],
  )
  const ops = [...carriers.values()]
  for (const e of events) {
    const n = e.past ? 6 : 35
    await q.exec(
      `INSERT INTO stations (province_code, carrier_id, site_code, geom, district_code, mast_class, camouflage_kind, mast_height_m,
                             building_height_m, technologies, state, decision_no, decision_date, temporary, mobile, event_id, valid_from, valid_to, is_demo)
       SELECT $1, ($3::int[])[1 + (g.i % cardinality($3::int[]))], 'TMP-' || e.id || '-' || lpad(g.i::text, 3, '0'), g.geom,
              district_at($1, g.geom, current_date),
              CASE WHEN g.fixed THEN 'A1c' ELSE 'A2b' END, CASE WHEN g.fixed THEN 'street_light' END,
              CASE WHEN g.fixed THEN 9 ELSE 30 END, NULL, '{4G}', 'in_service', 'TT-' || e.id || '/QĐ-STTTT', e.starts_on,
              true, NOT g.fixed, e.id, e.starts_on, e.ends_on, true
         FROM station_events e
        CROSS JOIN LATERAL (
              SELECT d.path[1] AS i, d.geom, (d.path[1] <= 23 OR $5) AS fixed
                FROM ST_Dump(ST_GeneratePoints(e.area, $4::int, e.id)) d
             ) g
        WHERE e.id = $2::int`,
      [provinceCode, e.id, ops, n, e.past],
    )
  }
}
