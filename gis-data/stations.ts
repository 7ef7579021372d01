import type { Queryable } from '../server/db/index'
import { audit, SYSTEM } from '../server/audit/audit'
import { runRuleCheck } from '../server/stations/check'
import { rng } from './random'
import * as sql from './sql'

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
  if (await q.maybeOne(sql.DEMO_STATIONS_EXIST, [provinceCode])) return { stations: 0, zones: 0 }
  await q.exec(sql.COPY_HCMC_RULES, [provinceCode])
  const carriers = new Map(
    (await q.many<{ id: number; shortName: string }>(sql.MOBILE_CARRIERS)).map((c) => [c.shortName, c.id]),
  )
  const districts = await q.many<{ code: string; km2: number }>(sql.DISTRICT_AREAS, [provinceCode])
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
      const month = String(1 + Math.floor(random() * 12)).padStart(2, '0')
      cols.decisionDate.push(`${year}-${month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`)
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

  const ids = await q.many<{ id: number }>(sql.INSERT_DEMO_STATIONS, [
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
  ])
  const firstId = ids[0]?.id ?? 0
  // Fresh statistics let the planner pick the GiST index for the rule checks below.
  await q.exec(sql.ANALYZE_STATIONS)
  const zones = await insertZones(q, provinceCode)
  await insertEvents(q, provinceCode, carriers)
  await q.exec(sql.STATION_HISTORY_OF_DEMO, [provinceCode])
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
  return q.exec(sql.INSERT_DEMO_ZONES, [provinceCode])
}

/** A current festival with 23 temporary BTS and 12 mobile trucks; a past one whose stations are overdue for removal. */
async function insertEvents(q: Queryable, provinceCode: string, carriers: Map<string, number>): Promise<void> {
  const events = await q.many<{ id: number; past: boolean }>(sql.INSERT_DEMO_EVENTS, [provinceCode])
  const ops = [...carriers.values()]
  for (const e of events) {
    const n = e.past ? 6 : 35
    await q.exec(sql.INSERT_EVENT_STATIONS, [provinceCode, e.id, ops, n, e.past])
  }
}
