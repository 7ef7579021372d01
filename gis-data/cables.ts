import type { Queryable } from '../server/db/index'
import { refreshDistrictLengths } from '../server/cables/service'
import { DEMO_PROVINCE } from './province'
import { rng } from './random'
import * as sql from './sql'

/** The officers' figures the demo reproduces (HCMC, domain.md). */
export const DEMO_CABLE_TARGETS = {
  undergroundRoutes: 122,
  undergroundM: 295_000,
  undergroundBuilding: 31,
  tidyingM: 3_446_800,
  tidyingPoles: 147_166,
  poles: 150_000,
}

const STREETS = [
  'Nguyễn Huệ',
  'Lê Lợi',
  'Đồng Khởi',
  'Hai Bà Trưng',
  'Điện Biên Phủ',
  'Cách Mạng Tháng Tám',
  'Nam Kỳ Khởi Nghĩa',
  'Võ Văn Tần',
  'Nguyễn Thị Minh Khai',
  'Trần Hưng Đạo',
  'Lý Thường Kiệt',
  'Ba Tháng Hai',
  'Nguyễn Văn Cừ',
  'Hoàng Văn Thụ',
  'Phan Đăng Lưu',
  'Xô Viết Nghệ Tĩnh',
  'Nguyễn Oanh',
  'Quang Trung',
  'Lê Văn Sỹ',
  'Trường Chinh',
  'Âu Cơ',
  'Lũy Bán Bích',
  'Kinh Dương Vương',
  'Hậu Giang',
  'Nguyễn Văn Linh',
  'Huỳnh Tấn Phát',
  'Phạm Văn Đồng',
  'Kha Vạn Cân',
  'Võ Văn Ngân',
  'Tỉnh lộ 10',
]
const CARRIERS = ['viettel', 'vnpt', 'fpt', 'mobifone', 'cmc', 'vtvcab', 'sctv']

// Metres per degree on the WGS84 ellipsoid at the demo latitude, so generated lengths land on the targets.
const PHI = (DEMO_PROVINCE.center[1] * Math.PI) / 180
const M_PER_DEG_LAT = 111132.954 - 559.822 * Math.cos(2 * PHI) + 1.175 * Math.cos(4 * PHI)
const M_PER_DEG_LON = 111412.84 * Math.cos(PHI) - 93.5 * Math.cos(3 * PHI)
const BLOCK_M = 220

interface Plan {
  kind: string
  status: string
  count: number
  totalM: number
  started?: [string, string]
  completedBy?: string
}

// Completed work before mid-2018; what is under construction started in 2018 and is not finished.
const PLANS: Plan[] = [
  {
    kind: 'underground',
    status: 'completed',
    count: 122,
    totalM: DEMO_CABLE_TARGETS.undergroundM,
    started: ['2014-01-01', '2018-03-31'],
    completedBy: '2018-06-30',
  },
  {
    kind: 'underground',
    status: 'under_construction',
    count: 31,
    totalM: 62_000,
    started: ['2018-01-01', '2018-06-30'],
  },
  { kind: 'underground', status: 'planned', count: 40, totalM: 70_000 },
  {
    kind: 'tidying',
    status: 'completed',
    count: 9_357,
    totalM: DEMO_CABLE_TARGETS.tidyingM,
    started: ['2015-01-01', '2018-05-31'],
    completedBy: '2018-06-30',
  },
  { kind: 'tidying', status: 'under_construction', count: 200, totalM: 70_000, started: ['2018-01-01', '2018-06-30'] },
  {
    kind: 'relocation',
    status: 'completed',
    count: 150,
    totalM: 40_000,
    started: ['2016-01-01', '2018-03-31'],
    completedBy: '2018-06-30',
  },
  { kind: 'unlicensed', status: 'planned', count: 100, totalM: 25_000 },
]

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000
const iso = (d: number) => new Date(Math.round(d) * 86_400_000).toISOString().slice(0, 10)

/** Splits `total` into `count` positive integers around their mean (largest remainder, so the sum is exact). */
function split(random: () => number, count: number, total: number, spread = 0.6): number[] {
  const w = Array.from({ length: count }, () => 1 - spread / 2 + spread * random())
  const sum = w.reduce((a, b) => a + b, 0)
  const exact = w.map((x) => (x / sum) * total)
  const out = exact.map(Math.floor)
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0])
  const missing = total - out.reduce((a, b) => a + b, 0)
  for (let k = 0; k < missing; k++) out[order[k]![1]]! += 1
  return out
}

/** A street-grid walk of `lengthM` metres from a point near the city centre, as WKT. */
function walk(random: () => number, lengthM: number): string {
  const [cx, cy] = DEMO_PROVINCE.center
  const r = 0.16 * Math.sqrt(random())
  const a = random() * 2 * Math.PI
  const grid = BLOCK_M / M_PER_DEG_LAT
  let x = Math.round((cx + r * Math.cos(a)) / grid) * grid
  let y = Math.round((cy + r * Math.sin(a)) / grid) * grid
  const pts = [[x, y]]
  let left = lengthM
  let horizontal = random() < 0.5
  while (left > 0.5) {
    const seg = Math.min(left, BLOCK_M * (1 + Math.floor(random() * 4)))
    const sign = random() < 0.5 ? -1 : 1
    if (horizontal) x += (sign * seg) / M_PER_DEG_LON
    else y += (sign * seg) / M_PER_DEG_LAT
    pts.push([x, y])
    left -= seg
    horizontal = !horizontal
  }
  return `LINESTRING(${pts.map(([px, py]) => `${px!.toFixed(7)} ${py!.toFixed(7)}`).join(',')})`
}

/**
 * Writes the demo cable ledger: ~10,000 routes on a street grid around the centre, 150,000 poles along
 * the tidying routes, and shared ducts on some underground routes. Deterministic for a seed; a few
 * set-based statements. Replaces earlier demo cable data.
 */
export async function generateCables(
  q: Queryable,
  provinceCode: string,
  seed: number,
): Promise<{ routes: number; poles: number }> {
  const random = rng(seed ^ 0x5ca1ab1e)
  await q.exec(sql.DELETE_DEMO_CABLE_ROUTES, [provinceCode])
  await q.exec(sql.DELETE_DEMO_POLES, [provinceCode])
  const carriers = new Map(
    (await q.many<{ id: number; short_name: string }>(sql.CARRIER_IDS)).map((c) => [c.short_name, c.id]),
  )
  const evn = carriers.get('evn')!
  const cols = {
    name: [] as string[],
    street: [] as string[],
    kind: [] as string[],
    status: [] as string[],
    carriers: [] as string[],
    started: [] as (string | null)[],
    completed: [] as (string | null)[],
    wkt: [] as string[],
  }
  const poleQuota: number[] = []
  for (const plan of PLANS) {
    const lengths = split(random, plan.count, plan.totalM)
    // the tidied poles follow tidying length: completed routes carry the officers' 147,166, the rest go to work in
    // progress
    const poles =
      plan.kind === 'tidying'
        ? split(
            random,
            plan.count,
            plan.status === 'completed'
              ? DEMO_CABLE_TARGETS.tidyingPoles
              : DEMO_CABLE_TARGETS.poles - DEMO_CABLE_TARGETS.tidyingPoles,
            0.1,
          )
        : null
    lengths.forEach((len, i) => {
      const street = STREETS[Math.floor(random() * STREETS.length)]!
      const n = cols.name.length + 1
      const onRoute = CARRIERS.filter(() => random() < 0.25)
      const list = onRoute.length > 0 ? onRoute : [CARRIERS[Math.floor(random() * CARRIERS.length)]!]
      let started: string | null = null
      let completed: string | null = null
      if (plan.started) {
        const s = day(plan.started[0]) + random() * (day(plan.started[1]) - day(plan.started[0]))
        started = iso(s)
        if (plan.completedBy) completed = iso(s + random() * (day(plan.completedBy) - s))
      }
      cols.name.push(`Tuyến ${street} #${n}`)
      cols.street.push(street)
      cols.kind.push(plan.kind)
      cols.status.push(plan.status)
      cols.carriers.push(list.map((c) => carriers.get(c)!).join(','))
      cols.started.push(started)
      cols.completed.push(completed)
      cols.wkt.push(walk(random, len))
      poleQuota.push(poles ? poles[i]! : 0)
    })
  }
  const inserted = await q.many<{ id: number; name: string }>(sql.INSERT_DEMO_CABLE_ROUTES, [
    provinceCode,
    cols.name,
    cols.street,
    cols.kind,
    cols.status,
    cols.carriers,
    cols.started,
    cols.completed,
    cols.wkt,
  ])
  const idByName = new Map(inserted.map((r) => [r.name, r.id]))
  const routeIds = cols.name.map((n) => idByName.get(n)!)
  await refreshDistrictLengths(q, routeIds)
  const withPoles = routeIds.map((id, i) => [id, poleQuota[i]!] as const).filter(([, n]) => n > 0)
  // poles evenly along each route, in the district that contains them; linked to the route that tidies them
  await q.exec(sql.INSERT_DEMO_POLES, [withPoles.map(([id]) => id), withPoles.map(([, n]) => n), provinceCode, evn])
  await q.exec(sql.SET_POLE_COUNTS, [withPoles.map(([id]) => id), withPoles.map(([, n]) => n)])
  // shared ducts on every fourth completed underground route, rented by two carriers
  await q.exec(sql.INSERT_DEMO_DUCTS, [provinceCode])
  return { routes: routeIds.length, poles: DEMO_CABLE_TARGETS.poles }
}
