// The tile cache and its versions (issue 15): 304 on a repeated ETag, a write to one layer (or in one province)
// leaves the other layers' (provinces') tiles and ETags alone, a rule check changes nothing a tile shows,
// one carrier's tiles are never served to another, and the cache evicts to stay within its bytes.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { decodeLayer } from '../helpers/tiles'
import { runRuleCheck } from '../../server/stations/check'
import { VERSION_MEMO_MS } from '../../server/tiles/service'
import { SESSION_MEMO_MS } from '../../server/auth/sessions'
import { databaseUrl } from '../helpers/templates'

const Z = 14
// a z14 tile over District 1, and the middle of it
const r = (10.78 * Math.PI) / 180
const TILE = {
  x: Math.floor(((106.7 + 180) / 360) * 2 ** Z),
  y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** Z),
}
const lonOf = (x: number) => (x / 2 ** Z) * 360 - 180
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** Z))) * 180) / Math.PI
const MID = [(lonOf(TILE.x) + lonOf(TILE.x + 1)) / 2, (latOf(TILE.y) + latOf(TILE.y + 1)) / 2] as const
const url = (layer: string, z = Z, x = TILE.x, y = TILE.y) => `/tiles/${layer}/${z}/${x}/${y}.mvt`
const ids = async (res: Response, layer: string) =>
  decodeLayer(new Uint8Array(await res.arrayBuffer()), layer).map((f) => Number(f.id))

/** Carriers' ids by short name. */
async function carrierIds(app: TestApp): Promise<Record<string, number>> {
  const rows = await app.db.many<{ id: number; short_name: string }>('SELECT id, short_name FROM carriers')
  return Object.fromEntries(rows.map((r) => [r.short_name, r.id]))
}

/** Stations and poles scattered over the middle of the tile (and a few stations in province 01). */
async function seed(app: TestApp): Promise<void> {
  const c = await carrierIds(app)
  const carriers = [c.vnpt, c.viettel, c.mobifone]
  await app.db.exec(
    `INSERT INTO stations (province_code, carrier_id, site_code, geom, mast_class, mast_height_m, state)
     SELECT '79', ($1::int[])[1 + i % 3], 'CACHE-' || i,
            ST_SetSRID(ST_MakePoint($2 + (i % 10) * 0.0004, $3 + (i / 10) * 0.0004), 4326), 'A2b', 30, 'in_service'
       FROM generate_series(0, 59) i`,
    [carriers, MID[0] - 0.002, MID[1] - 0.002],
  )
  await app.db.exec(
    `INSERT INTO poles (province_code, code, owner_carrier_id, geom)
     SELECT '79', 'CACHE-P-' || i, $1, ST_SetSRID(ST_MakePoint($2 + (i % 10) * 0.0003, $3 + (i / 10) * 0.0003), 4326)
       FROM generate_series(0, 99) i`,
    [c.evn ?? c.vnpt, MID[0] - 0.0015, MID[1] - 0.0015],
  )
}

let app: TestApp
let officer: string
let c: Record<string, number>

beforeAll(async () => {
  app = await startTestApp()
  await seed(app)
  c = await carrierIds(app)
  officer = (await app.user('officer1', 'officer')).cookie
}, 300_000)
afterAll(() => app?.close())

const station = (site: string) =>
  app.db.one<{ id: number }>(`SELECT id FROM stations WHERE site_code = $1`, [site]).then((r) => r.id)

describe('tile cache and data versions', () => {
  it('answers 304 to a repeat with the ETag, and serves a repeat without it from the cache', async () => {
    const first = await app.request('GET', url('stations'))
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"stations-\d+-79-\d+-\d{4}-\d{2}-\d{2}-public"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=30')
    const body = await first.arrayBuffer()
    // fetch() adds `Cache-Control: no-cache` to a conditional request unless told otherwise; a CDN does not
    const revalidate = { 'if-none-match': etag, 'cache-control': 'max-age=0' }
    const again = await app.request('GET', url('stations'), { headers: revalidate })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    const weak = await app.request('GET', url('stations'), { headers: { 'if-none-match': `"x", W/${etag}` } })
    expect(weak.status).toBe(304)
    const repeat = await app.request('GET', url('stations'))
    expect(repeat.headers.get('x-cache')).toBe('hit')
    expect(Buffer.from(await repeat.arrayBuffer()).equals(Buffer.from(body))).toBe(true)
  })

  it("changes the station tiles' ETag on a station write, and keeps the poles' tiles and ETag", async () => {
    const stations = await app.request('GET', url('stations'), { cookie: officer })
    const poles = await app.request('GET', url('poles'), { cookie: officer })
    expect(poles.status).toBe(200)
    const [stationTag, poleTag] = [stations.headers.get('etag')!, poles.headers.get('etag')!]
    expect(stations.headers.get('cache-control')).toBe('private, no-store')
    const id = await station('CACHE-7')
    await app.db.exec('UPDATE stations SET mast_height_m = mast_height_m + 1 WHERE id = $1', [id])
    const stationsAfter = await app.request('GET', url('stations'), { cookie: officer })
    expect(stationsAfter.headers.get('etag')).not.toBe(stationTag)
    expect(stationsAfter.headers.get('x-cache')).toBe('miss')
    const polesAfter = await app.request('GET', url('poles'), { cookie: officer })
    expect(polesAfter.headers.get('etag')).toBe(poleTag)
    expect(polesAfter.headers.get('x-cache')).toBe('hit')
    const revalidate = { 'if-none-match': poleTag, 'cache-control': 'max-age=0' }
    expect((await app.request('GET', url('poles'), { cookie: officer, headers: revalidate })).status).toBe(304)
  })

  it('keeps every ETag through a rule check and through a write in another province', async () => {
    const before = await app.request('GET', url('stations'), { cookie: officer })
    const tag = before.headers.get('etag')!
    await runRuleCheck(app.db, await station('CACHE-8'))
    await app.db.exec(`UPDATE stations SET updated_at = now(), version = version + 1 WHERE site_code = 'CACHE-9'`)
    await app.db.exec(
      `INSERT INTO stations (province_code, carrier_id, site_code, geom, mast_class, mast_height_m, state)
       VALUES ('01', $1, 'CACHE-HN', ST_SetSRID(ST_MakePoint(105.85, 21.03), 4326), 'A2b', 30, 'in_service')`,
      [c.vnpt],
    )
    const after = await app.request('GET', url('stations'), { cookie: officer })
    expect(after.headers.get('etag')).toBe(tag)
    expect(after.headers.get('x-cache')).toBe('hit')
    const versions = await app.db.many<{ province_code: string }>(
      `SELECT province_code FROM tile_versions WHERE layer = 'stations' ORDER BY 1`,
    )
    expect(versions.map((v) => v.province_code)).toEqual(['01', '79'])
  })

  it("serves a signed-in user's repeated tile with no database read, and says where the time went", async () => {
    const first = await app.request('GET', url('poles'), { cookie: officer })
    expect(first.status).toBe(200)
    const reads = app.db.primaryReads()
    const again = await app.request('GET', url('poles'), { cookie: officer })
    expect(again.headers.get('x-cache')).toBe('hit')
    // the session is read on the primary (not through read()); the version and the tile are not read at all
    expect(app.db.primaryReads()).toBe(reads)
    const timing = again.headers.get('server-timing')!
    expect(timing).toMatch(/^session;dur=[\d.]+, version;dur=[\d.]+, render;dur=0$/)
    expect(first.headers.get('server-timing')).toMatch(/render;dur=[\d.]+$/)
  })

  it.runIf(process.env.TEST_DATABASE_URL)(
    "shows another process's write to a signed-in user within a second, and this process's at once",
    async () => {
      const before = (await app.request('GET', url('poles'), { cookie: officer })).headers.get('etag')
      const { name } = await app.db.one<{ name: string }>('SELECT current_database() AS name')
      const other = new pg.Client({ connectionString: databaseUrl(process.env.TEST_DATABASE_URL!, name) })
      await other.connect()
      try {
        await other.query(`UPDATE poles SET geom = ST_Translate(geom, 0.00001, 0) WHERE code = 'CACHE-P-5'`)
      } finally {
        await other.end()
      }
      await new Promise((r) => setTimeout(r, VERSION_MEMO_MS + 50))
      const after = (await app.request('GET', url('poles'), { cookie: officer })).headers.get('etag')
      expect(after).not.toBe(before)
      await app.db.exec(`UPDATE poles SET geom = ST_Translate(geom, 0.00001, 0) WHERE code = 'CACHE-P-5'`)
      const now = (await app.request('GET', url('poles'), { cookie: officer })).headers.get('etag')
      expect(now).not.toBe(after)
    },
  )

  const forgets = "forgets a signed-out, switched-off or re-roled user's session at once, one ended elsewhere in 1 s"
  it(forgets, async () => {
    const admin = (await app.user('admin-cache', 'admin')).cookie
    const poles = url('poles')
    // signing out here: the very next tile is the public's answer (poles are for signed-in users)
    const leaving = await app.user('officer-leaving', 'officer')
    expect((await app.request('GET', poles, { cookie: leaving.cookie })).status).toBe(200)
    expect((await app.request('POST', '/api/auth/logout', { cookie: leaving.cookie })).status).toBeLessThan(300)
    expect((await app.request('GET', poles, { cookie: leaving.cookie })).status).toBe(401)
    // switched off by an administrator
    const off = await app.user('officer-off', 'officer')
    expect((await app.request('GET', poles, { cookie: off.cookie })).status).toBe(200)
    const change = (id: number, body: object) => app.request('PUT', `/api/users/${id}`, { cookie: admin, body })
    const base = { displayName: 'Cán bộ', role: 'officer', carrierId: null, active: true }
    expect((await change(off.id, { ...base, active: false })).status).toBe(200)
    expect((await app.request('GET', poles, { cookie: off.cookie })).status).toBe(401)
    // made a carrier's user: the next tile is that carrier's, not the staff's
    const moved = await app.user('officer-moved', 'officer')
    const staffTag = (await app.request('GET', poles, { cookie: moved.cookie })).headers.get('etag')!
    expect(staffTag).toMatch(/-staff"$/)
    expect((await change(moved.id, { ...base, role: 'carrier', carrierId: c.vnpt })).status).toBe(200)
    const carrierTile = await app.request('GET', poles, { cookie: moved.cookie })
    expect(carrierTile.headers.get('etag')).toMatch(new RegExp(`-c${c.vnpt}"$`))
    // a session removed behind this process's back (another server signed it out): served for at most a second
    const other = await app.user('officer-elsewhere', 'officer')
    expect((await app.request('GET', poles, { cookie: other.cookie })).status).toBe(200)
    await app.db.exec('DELETE FROM sessions WHERE user_id = $1', [other.id])
    await new Promise((r) => setTimeout(r, SESSION_MEMO_MS + 50))
    expect((await app.request('GET', poles, { cookie: other.cookie })).status).toBe(401)
    // and the API never reuses a session: the same deletion is seen by the next API request at once
    const api = await app.user('officer-api', 'officer')
    expect((await app.request('GET', poles, { cookie: api.cookie })).status).toBe(200)
    await app.db.exec('DELETE FROM sessions WHERE user_id = $1', [api.id])
    expect((await app.request('GET', '/api/auth/me', { cookie: api.cookie })).status).toBe(401)
  })

  it('shows a write to the public within a second', async () => {
    const before = (await app.request('GET', url('stations'))).headers.get('etag')
    await app.db.exec(`UPDATE stations SET mast_class = 'A1', building_height_m = 20 WHERE site_code = 'CACHE-11'`)
    await new Promise((r) => setTimeout(r, VERSION_MEMO_MS + 50))
    const after = await app.request('GET', url('stations'))
    expect(after.headers.get('etag')).not.toBe(before)
    expect(after.headers.get('x-cache')).toBe('miss')
  })

  it("never serves one carrier's cached tile to another", async () => {
    const vnpt = (await app.user('vnpt-cache', 'carrier', 'vnpt')).cookie
    const viettel = (await app.user('viettel-cache', 'carrier', 'viettel')).cookie
    const draft = await app.db.one<{ id: number }>(
      `INSERT INTO stations (province_code, carrier_id, site_code, geom, mast_class, mast_height_m, state)
       VALUES ('79', $1, 'CACHE-DRAFT', ST_SetSRID(ST_MakePoint($2, $3), 4326), 'A2b', 30, 'draft') RETURNING id`,
      [c.vnpt, MID[0] + 0.003, MID[1] + 0.003],
    )
    const own = await app.request('GET', url('stations'), { cookie: vnpt })
    expect(await ids(own, 'stations')).toContain(draft.id)
    const other = await app.request('GET', url('stations'), { cookie: viettel })
    expect(other.headers.get('x-cache')).toBe('miss')
    expect(other.headers.get('etag')).not.toBe(own.headers.get('etag'))
    const seen = await ids(other, 'stations')
    expect(seen.length).toBeGreaterThan(0)
    expect(seen).not.toContain(draft.id)
    // the carrier's own ETag does not make another carrier's request a 304
    const foreign = { 'if-none-match': own.headers.get('etag')!, 'cache-control': 'max-age=0' }
    expect((await app.request('GET', url('stations'), { cookie: viettel, headers: foreign })).status).toBe(200)
  })
})

describe('tile cache bound', () => {
  const tiles = [1, 2, 3].map((up) => url('stations', Z - up, TILE.x >> up, TILE.y >> up))
  // what an entry costs beyond its bytes, at most: its key (under 90 characters, two bytes each) and 128
  const OVERHEAD = 300
  let small: TestApp
  let bound: number
  beforeAll(async () => {
    // the same public tiles on the first app tell their size; the bound holds two of them and not three
    const sizes = await Promise.all(
      tiles.map(async (t) => (await (await app.request('GET', t)).arrayBuffer()).byteLength),
    )
    bound = 2 * (Math.max(...sizes) + OVERHEAD)
    small = await startTestApp({ TILE_CACHE_BYTES: String(bound) })
    await seed(small)
  }, 300_000)
  afterAll(() => small?.close())

  it('evicts the least recently used tile to stay within its bytes', async () => {
    const sizes: number[] = []
    for (const t of tiles) {
      const res = await small.request('GET', t)
      expect(res.headers.get('x-cache'), t).toBe('miss')
      sizes.push((await res.arrayBuffer()).byteLength)
    }
    expect(3 * Math.min(...sizes) > bound && 2 * (Math.max(...sizes) + OVERHEAD) <= bound, `${sizes}`).toBe(true)
    // the first tile was the least recently used: evicted; the last one is still there
    expect((await small.request('GET', tiles[2]!)).headers.get('x-cache')).toBe('hit')
    expect((await small.request('GET', tiles[0]!)).headers.get('x-cache')).toBe('miss')
  })
})
