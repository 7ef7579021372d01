import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { decodeLayer } from '../helpers/tiles'

// Who sees which station is one rule (server/stations/access.ts: stationScope): the list, the exports, the public
// map and the tiles must answer the same stations for the same person.

let app: TestApp
const CENTRE = { lon: 106.7, lat: 10.78 }

/** The z14 tile holding the centre. */
function tile(): { z: number; x: number; y: number } {
  const n = 2 ** 14
  const r = (CENTRE.lat * Math.PI) / 180
  return {
    z: 14,
    x: Math.floor(((CENTRE.lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  }
}

beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

interface Placed {
  id: number
  carrier: string
  state: string
  temporary: boolean
  expired: boolean
}

/** One station of each kind that matters for visibility, for two carriers, all inside one z14 tile. */
async function placeStations(tag: string): Promise<Placed[]> {
  const kinds = [
    { state: 'draft', temporary: false, expired: false },
    { state: 'submitted', temporary: false, expired: false },
    { state: 'in_service', temporary: false, expired: false },
    { state: 'in_service', temporary: true, expired: false },
    { state: 'in_service', temporary: true, expired: true },
    { state: 'decommissioned', temporary: false, expired: false },
  ]
  const placed: Placed[] = []
  for (const carrier of ['viettel', 'vnpt']) {
    for (const [i, k] of kinds.entries()) {
      const row = await app.db.one<{ id: number }>(
        `INSERT INTO stations (province_code, carrier_id, site_code, geom, mast_class, mast_height_m, state, temporary,
                              valid_from, valid_to)
         VALUES ('79', (SELECT id FROM carriers WHERE short_name = $1), $2, ST_SetSRID(ST_MakePoint($3, $4), 4326),
                 'A2b', 30, $5, $6, CASE WHEN $6 THEN current_date - 30 END,
                 CASE WHEN $6 THEN current_date + CASE WHEN $7 THEN -1 ELSE 30 END END)
         RETURNING id`,
        [
          carrier,
          `${tag}-${carrier}-${i}`,
          CENTRE.lon + i * 0.0001,
          CENTRE.lat + (carrier === 'vnpt' ? 0.0002 : 0),
          k.state,
          k.temporary,
          k.expired,
        ],
      )
      placed.push({ id: row.id, carrier, ...k })
    }
  }
  return placed
}

const ids = (list: Placed[]) => list.map((s) => s.id).sort((a, b) => a - b)
const only = (mine: Set<number>, found: number[]) => found.filter((id) => mine.has(id)).sort((a, b) => a - b)

async function listIds(cookie: string, mine: Set<number>): Promise<number[]> {
  const page = await (await app.request('GET', '/api/stations?limit=500', { cookie })).json()
  return only(
    mine,
    page.items.map((s: { id: number }) => s.id),
  )
}
async function exportIds(cookie: string, mine: Set<number>): Promise<number[]> {
  const fc = await (await app.request('GET', '/api/stations/export.geojson', { cookie })).json()
  return only(
    mine,
    fc.features.map((f: { id: number }) => f.id),
  )
}
async function tileIds(mine: Set<number>, cookie?: string): Promise<number[]> {
  const t = tile()
  const res = await app.request('GET', `/tiles/stations/${t.z}/${t.x}/${t.y}.mvt`, cookie ? { cookie } : {})
  return only(
    mine,
    decodeLayer(new Uint8Array(await res.arrayBuffer()), 'stations').map((f) => Number(f.id)),
  )
}

describe('one station visibility rule for lists, exports, the public map and tiles', () => {
  it('shows staff every station but drafts, in the list, the export and the tiles alike', async () => {
    const placed = await placeStations('staff')
    const mine = new Set(placed.map((s) => s.id))
    const officer = (await app.user('officer-vis', 'officer')).cookie
    const expected = ids(placed.filter((s) => s.state !== 'draft'))
    expect(await listIds(officer, mine)).toEqual(expected)
    expect(await exportIds(officer, mine)).toEqual(expected)
    expect(await tileIds(mine, officer)).toEqual(expected)
  })

  it('shows a carrier its own stations, drafts included, and on the map also what the public sees', async () => {
    const placed = await placeStations('carrier')
    const mine = new Set(placed.map((s) => s.id))
    const vnpt = (await app.user('vnpt-vis', 'carrier', 'vnpt')).cookie
    const own = placed.filter((s) => s.carrier === 'vnpt')
    const pub = placed.filter((s) => s.state === 'in_service' && !s.expired)
    expect(await listIds(vnpt, mine)).toEqual(ids(own))
    expect(await exportIds(vnpt, mine)).toEqual(ids(own))
    expect(await tileIds(mine, vnpt)).toEqual(ids([...own, ...pub.filter((s) => s.carrier !== 'vnpt')]))
  })

  it('shows the public stations in service, temporary ones only while valid, on GeoJSON map and tiles', async () => {
    const placed = await placeStations('public')
    const mine = new Set(placed.map((s) => s.id))
    const expected = ids(placed.filter((s) => s.state === 'in_service' && !s.expired))
    const fc = await (await app.request('GET', '/api/public/stations')).json()
    expect(
      only(
        mine,
        fc.features.map((f: { id: number }) => f.id),
      ),
    ).toEqual(expected)
    expect(await tileIds(mine)).toEqual(expected)
  })
})
