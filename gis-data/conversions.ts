import crypto from 'node:crypto'
import zlib from 'node:zlib'
import type { Queryable } from '../server/db/index'
import { audit, SYSTEM } from '../server/audit/audit'
import { rng } from './random'
import { CAMOUFLAGE, INNER_DISTRICTS } from './stations'
import { vietnamToday } from '../server/time'
import * as sql from './sql'

/** HCMC's plan (domain.md): 1,475 new-generation masts by the end of 2020, all 3,742 by the end of 2025. */
export const DEMO_PROGRAMME = { phase1: 1_475, total: 3_742 }
/** Đà Nẵng-style lowering from 18 m to 12 m (domain.md): every item starts at 18 m. */
export const DEMO_LOWERING = { items: 160, target: 150, fromHeightM: 18, toHeightM: 12 }

const DAY = 86_400_000

interface Candidate {
  id: number
  carrierId: number
  district: string
  mastClass: string
  mastHeightM: number
  camouflageKind: string | null
}

interface Cols {
  station: number[]
  carrier: number[]
  phase: number[]
  kind: string[]
  fromClass: string[]
  fromHeight: number[]
  toClass: string[]
  toHeight: number[]
  design: (string | null)[]
  status: string[]
  measured: (number | null)[]
  completed: (string | null)[]
  verifiedAt: (string | null)[]
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const round1 = (n: number) => Math.round(n * 10) / 10

/** A small PNG (a sky-to-ground gradient with a mast) standing in for the carriers' after-photos. */
export function demoPhoto(): Buffer {
  const w = 96
  const h = 64
  const raw = Buffer.alloc((w * 3 + 1) * h)
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0
    for (let x = 0; x < w; x++) {
      const mast = Math.abs(x - 48) <= 1 && y > 10
      const ground = y > 50
      const rgb = mast ? [90, 96, 104] : ground ? [120, 140, 96] : [170 - y, 200 - y, 235 - y]
      raw.set(rgb, y * (w * 3 + 1) + 1 + x * 3)
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

/**
 * The demo programmes over the demo stations: the 3,742-station conversion (1,475 in phase 1) with completions
 * spread from 2017 to today, so that the burn-up and forecast mean something, and a lowering programme
 * (18 m → 12 m). Verified items have already changed their station, with a history row each. Deterministic for
 * a seed and a day; inserted in bulk. Loading again keeps what exists.
 */
export async function generateConversions(
  q: Queryable,
  provinceCode: string,
  seed: number,
): Promise<{ items: number }> {
  if (await q.maybeOne(sql.DEMO_PROGRAMME_EXISTS, [provinceCode])) return { items: 0 }
  const random = rng(seed ^ 0xc0de)
  const stations = await q.many<Candidate>(sql.CONVERSION_CANDIDATES, [provinceCode])
  if (stations.length < DEMO_PROGRAMME.total + DEMO_LOWERING.items) return { items: 0 }
  const todayMs = Date.parse(`${vietnamToday()}T00:00:00Z`)

  // Phase 1 converted the city centre first (inner-district masts ahead in the draw); phase 2 reaches every district.
  const draw = (list: Candidate[], innerBias: number) =>
    list
      .map((s) => ({ s, k: random() + (INNER_DISTRICTS.has(s.district) ? 0 : innerBias) }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.s)
  const phase1 = draw(stations, 0.6).slice(0, DEMO_PROGRAMME.phase1)
  const inPhase1 = new Set(phase1)
  const rest = draw(
    stations.filter((s) => !inPhase1.has(s)),
    0,
  )
  const main = [...phase1, ...rest.slice(0, DEMO_PROGRAMME.total - DEMO_PROGRAMME.phase1)]
  const lowering = rest
    .slice(DEMO_PROGRAMME.total - DEMO_PROGRAMME.phase1)
    .filter((s) => s.mastClass === 'A2a' && s.mastHeightM >= 15)
    .slice(0, DEMO_LOWERING.items)

  const programmes = await q.many<{ id: number }>(sql.INSERT_DEMO_PROGRAMME, [provinceCode])
  const [mainId, lowerId] = [programmes[0]!.id, programmes[1]!.id]
  const phases = await q.many<{ id: number; programme: number; seq: number }>(sql.INSERT_DEMO_PHASES, [
    mainId,
    lowerId,
    DEMO_PROGRAMME.phase1,
    DEMO_PROGRAMME.total,
    DEMO_LOWERING.target,
  ])
  const phaseId = (programme: number, seq: number) => phases.find((p) => p.programme === programme && p.seq === seq)!.id

  const cols: Cols = {
    station: [],
    carrier: [],
    phase: [],
    kind: [],
    fromClass: [],
    fromHeight: [],
    toClass: [],
    toHeight: [],
    design: [],
    status: [],
    measured: [],
    completed: [],
    verifiedAt: [],
  }
  // A day between two dates, triangular (two uniforms averaged) so the burn-up bends like real work does.
  const between = (from: string, toMs: number, triangular: boolean) => {
    const f = triangular ? (random() + random()) / 2 : random()
    const a = Date.parse(`${from}T00:00:00Z`)
    return a + Math.floor((f * (toMs - a)) / DAY) * DAY
  }
  const push = (
    s: Candidate,
    phase: number,
    kind: string,
    toClass: string,
    toHeight: number,
    design: string | null,
    verifiedMs: number | null,
    open: string,
  ) => {
    const status = verifiedMs !== null ? 'verified' : open
    const done = status === 'verified' || status === 'reported'
    const completedMs =
      verifiedMs !== null
        ? verifiedMs - (3 + Math.floor(random() * 18)) * DAY
        : todayMs - (1 + Math.floor(random() * 20)) * DAY
    cols.station.push(s.id)
    cols.carrier.push(s.carrierId)
    cols.phase.push(phase)
    cols.kind.push(kind)
    cols.fromClass.push(s.mastClass)
    cols.fromHeight.push(s.mastHeightM)
    cols.toClass.push(toClass)
    cols.toHeight.push(toHeight)
    cols.design.push(design)
    cols.status.push(status)
    cols.measured.push(done ? round1(Math.max(1, toHeight - random() * 0.4)) : null)
    cols.completed.push(done ? iso(completedMs) : null)
    cols.verifiedAt.push(verifiedMs !== null ? new Date(verifiedMs + 3 * 3_600_000).toISOString() : null)
  }
  const openStatus = () => {
    const r = random()
    return r < 0.12 ? 'reported' : r < 0.45 ? 'in_progress' : r < 0.52 ? 'returned' : 'planned'
  }
  main.forEach((s, i) => {
    const phase1 = i < DEMO_PROGRAMME.phase1
    const lower = s.mastClass === 'A2a' && s.mastHeightM > 14 && random() < 0.15
    const kind = lower ? 'lower' : 'camouflage'
    const design = lower ? null : CAMOUFLAGE[Math.floor(random() * CAMOUFLAGE.length)]!
    const toHeight = lower ? 12 : round1(8 + random() * 6)
    const verified = phase1 ? random() < 0.948 : random() < 0.875
    const at = !verified
      ? null
      : phase1
        ? between('2017-03-01', Date.parse('2021-03-31T00:00:00Z'), true)
        : random() < 0.7
          ? between('2019-06-01', todayMs - 2 * DAY, false)
          : between('2020-06-01', todayMs - 2 * DAY, true)
    push(s, phaseId(mainId, phase1 ? 1 : 2), kind, lower ? s.mastClass : 'A1c', toHeight, design, at, openStatus())
  })
  // The programme lowers 18 m masts: its stations stand at 18 m before it (the generator's starting state).
  await q.exec(sql.SET_MAST_HEIGHTS, [lowering.map((s) => s.id), DEMO_LOWERING.fromHeightM])
  for (const s of lowering) {
    s.mastHeightM = DEMO_LOWERING.fromHeightM
    const at = random() < 0.45 ? between('2024-05-01', todayMs - 2 * DAY, false) : null
    push(s, phaseId(lowerId, 1), 'lower', s.mastClass, DEMO_LOWERING.toHeightM, null, at, openStatus())
  }
  await insertItems(q, mainId, lowerId, cols, main.length)
  await applyVerified(q, [mainId, lowerId])
  const photo = demoPhoto()
  await q.exec(sql.INSERT_DEMO_PHOTOS, [
    [mainId, lowerId],
    photo.length,
    crypto.createHash('sha256').update(photo).digest('hex'),
    photo,
  ])
  // Fresh statistics, so the dashboard's plans fit 3,742 items rather than an empty table's guess.
  await q.exec(sql.ANALYZE_CONVERSION_ITEMS)
  await q.exec(sql.ANALYZE_CONVERSION_PHOTOS)
  await audit(q, SYSTEM, {
    action: 'demo.load',
    entity: 'conversion_programme',
    entityId: provinceCode,
    after: { programmes: [mainId, lowerId], items: cols.station.length, seed },
  })
  return { items: cols.station.length }
}

async function insertItems(q: Queryable, mainId: number, lowerId: number, c: Cols, mainCount: number): Promise<void> {
  await q.exec(sql.INSERT_DEMO_ITEMS, [
    mainId,
    lowerId,
    c.station,
    c.carrier,
    c.phase,
    c.kind,
    c.fromClass,
    c.fromHeight,
    c.toClass,
    c.toHeight,
    c.design,
    c.status,
    c.measured,
    c.completed,
    mainCount,
    c.verifiedAt,
  ])
}

/** Verified demo items have changed their stations; each change leaves a history row dated at its verification. */
async function applyVerified(q: Queryable, programmeIds: number[]): Promise<void> {
  await q.exec(sql.APPLY_VERIFIED_CONVERSIONS, [programmeIds])
  await q.exec(sql.HISTORY_OF_VERIFIED_CONVERSIONS, [programmeIds])
}
