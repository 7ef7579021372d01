import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'

// The OGC API's numberMatched for whole layers reads the pole and route aggregates (migration 131, and the
// stations' of migration 081); after each kind of write it must still equal COUNT(*) over the tables, for staff
// and for a carrier, with and without a bbox (a bbox counts the table itself).

let app: TestApp
let staff: string
let viettel: { id: number; cookie: string }
let carriers: { viettel: number; mobifone: number; vnpt: number }
let seq = 0

const BBOX = '106.69,10.77,106.71,10.79'

async function matched(collection: string, cookie: string, bbox?: string): Promise<number> {
  // limit=1: a full page, so the number matched comes from the count statement, not from the page
  const res = await app.request(
    'GET',
    `/api/ogc/collections/${collection}/items?limit=1${bbox ? `&bbox=${bbox}` : ''}`,
    { cookie },
  )
  expect(res.status, collection).toBe(200)
  return ((await res.json()) as { numberMatched: number }).numberMatched
}

const scan = async (sql: string, params: unknown[] = []) => (await app.db.one<{ n: number }>(sql, params)).n

const inBox = `ST_Intersects(geom, ST_MakeEnvelope(106.69, 10.77, 106.71, 10.79, 4326))`

/** numberMatched of poles and routes, staff and carrier, with and without the bbox, against scans of the tables. */
async function expectMatchedEqualsScan(label: string): Promise<void> {
  const poles = await scan(`SELECT count(*)::int AS n FROM poles WHERE province_code = '79'`)
  const polesInBox = await scan(`SELECT count(*)::int AS n FROM poles WHERE province_code = '79' AND ${inBox}`)
  const routes = await scan(`SELECT count(*)::int AS n FROM cable_routes WHERE province_code = '79'`)
  const routesInBox = await scan(`SELECT count(*)::int AS n FROM cable_routes WHERE province_code = '79' AND ${inBox}`)
  const viettelRoutes = await scan(
    `SELECT count(*)::int AS n FROM cable_routes WHERE province_code = '79' AND $1::int = ANY (carrier_ids)`,
    [carriers.viettel],
  )
  expect(await matched('poles', staff), `${label}: poles`).toBe(poles)
  expect(await matched('poles', viettel.cookie), `${label}: poles, carrier`).toBe(poles)
  expect(await matched('poles', staff, BBOX), `${label}: poles in the box`).toBe(polesInBox)
  expect(await matched('cable_routes', staff), `${label}: routes`).toBe(routes)
  expect(await matched('cable_routes', staff, BBOX), `${label}: routes in the box`).toBe(routesInBox)
  expect(await matched('cable_routes', viettel.cookie), `${label}: viettel's routes`).toBe(viettelRoutes)
  const negative = await scan(
    'SELECT (SELECT count(*) FROM pole_counts WHERE n < 0) + (SELECT count(*) FROM route_counts WHERE n < 0) AS n',
  )
  expect(Number(negative), label).toBe(0)
}

async function insertPoles(n: number, lon: number, lat: number, carrierIds: number[]): Promise<void> {
  const first = seq
  seq += n
  await app.db.exec(
    `INSERT INTO poles (province_code, code, owner_carrier_id, carrier_ids, geom)
     SELECT '79', 'OGC-P-' || i, $1, $2::int[], ST_SetSRID(ST_MakePoint($3 + i * 0.00001, $4), 4326)
       FROM generate_series($5::int, $6::int) i`,
    [carrierIds[0], carrierIds, lon, lat, first, first + n - 1],
  )
}

async function insertRoutes(n: number, lon: number, lat: number, carrierIds: number[]): Promise<void> {
  const first = seq
  seq += n
  await app.db.exec(
    `INSERT INTO cable_routes (province_code, name, kind, status, carrier_ids, geom, length_m)
     SELECT '79', 'OGC route ' || i, 'underground', 'planned', $1::int[],
            ST_Multi(ST_MakeLine(ST_SetSRID(ST_MakePoint($2 + i * 0.0001, $3), 4326),
                                 ST_SetSRID(ST_MakePoint($2 + i * 0.0001, $3 + 0.001), 4326))), 111
       FROM generate_series($4::int, $5::int) i`,
    [carrierIds, lon, lat, first, first + n - 1],
  )
}

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_261_202)
  staff = (await app.user('ogc-count-officer', 'officer')).cookie
  viettel = await app.user('ogc-count-viettel', 'carrier', 'viettel')
  const ids = await app.db.many<{ short_name: string; id: number }>(
    `SELECT short_name, id FROM carriers WHERE short_name IN ('viettel', 'mobifone', 'vnpt')`,
  )
  const id = (name: string) => ids.find((c) => c.short_name === name)!.id
  carriers = { viettel: id('viettel'), mobifone: id('mobifone'), vnpt: id('vnpt') }
})
afterAll(() => app.close())

describe('OGC numberMatched from the pole and route aggregates', () => {
  it('equals COUNT(*) after inserts, updates of carriers and province, and deletes', async () => {
    await expectMatchedEqualsScan('empty')
    // inside the box and outside it, of two carriers and shared
    await insertPoles(40, 106.7, 10.78, [carriers.vnpt, carriers.viettel])
    await insertPoles(25, 106.6, 10.85, [carriers.mobifone])
    await insertRoutes(12, 106.7, 10.775, [carriers.viettel])
    await insertRoutes(7, 106.6, 10.85, [carriers.mobifone, carriers.viettel])
    await insertRoutes(5, 106.6, 10.86, [carriers.mobifone])
    await expectMatchedEqualsScan('inserted')

    // a carrier joins some routes and leaves others: the same rows move between keys of the aggregate
    await app.db.exec(
      `UPDATE cable_routes SET carrier_ids = carrier_ids || $1::int WHERE name LIKE 'OGC route %' AND
          NOT $1::int = ANY (carrier_ids) AND id % 2 = 0`,
      [carriers.viettel],
    )
    await app.db.exec(
      `UPDATE cable_routes SET carrier_ids = array_remove(carrier_ids, $1::int)
        WHERE name LIKE 'OGC route %' AND cardinality(carrier_ids) > 1 AND id % 3 = 0`,
      [carriers.viettel],
    )
    // an update that changes no counted column writes nothing to the aggregate
    await app.db.exec(`UPDATE poles SET carrier_ids = carrier_ids WHERE code LIKE 'OGC-P-%'`)
    await expectMatchedEqualsScan('carriers changed')

    // rows leaving the province, then deleted
    await app.db.exec(`UPDATE poles SET province_code = '01' WHERE code LIKE 'OGC-P-%' AND id % 4 = 0`)
    await app.db.exec(`UPDATE cable_routes SET province_code = '01' WHERE name LIKE 'OGC route %' AND id % 4 = 1`)
    await expectMatchedEqualsScan('moved to another province')
    await app.db.exec(`DELETE FROM poles WHERE code LIKE 'OGC-P-%' AND id % 5 = 0`)
    await app.db.exec(`DELETE FROM cable_routes WHERE name LIKE 'OGC route %' AND id % 5 = 0`)
    await expectMatchedEqualsScan('deleted')

    // the aggregates equal a grouping of the tables, key by key
    const poleKeys = await app.db.many(`SELECT province_code, n::int FROM pole_counts WHERE n <> 0 ORDER BY 1`)
    const poleScan = await app.db.many(`SELECT province_code, count(*)::int AS n FROM poles GROUP BY 1 ORDER BY 1`)
    expect(poleKeys).toEqual(poleScan)
    const routeKeys = await app.db.many(
      `SELECT province_code, carrier_ids, n::int FROM route_counts WHERE n <> 0 ORDER BY 1, 2`,
    )
    const routeScan = await app.db.many(
      `SELECT province_code, carrier_ids, count(*)::int AS n FROM cable_routes GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    expect(routeKeys).toEqual(routeScan)
  })

  it('reads the aggregate, not the table, for a whole layer, and the table for a bbox', async () => {
    await insertPoles(10, 106.7, 10.781, [carriers.vnpt])
    const poles = await matched('poles', staff)
    const inTheBox = await matched('poles', staff, BBOX)
    // a wrong aggregate shows through: the whole layer's number follows it, the bbox's does not
    await app.db.exec(`UPDATE pole_counts SET n = n + 1000 WHERE province_code = '79'`)
    try {
      expect(await matched('poles', staff)).toBe(poles + 1000)
      expect(await matched('poles', staff, BBOX)).toBe(inTheBox)
    } finally {
      await app.db.exec(`UPDATE pole_counts SET n = n - 1000 WHERE province_code = '79'`)
    }
    expect(await matched('poles', staff)).toBe(poles)
  })

  it('tells the number matched from a last page without a count, and from a count past the end', async () => {
    await insertPoles(3, 106.7, 10.782, [carriers.vnpt])
    const total = await scan(`SELECT count(*)::int AS n FROM poles WHERE province_code = '79'`)
    const page = async (query: string) => {
      const res = await app.request('GET', `/api/ogc/collections/poles/items?${query}`, { cookie: staff })
      expect(res.status).toBe(200)
      return (await res.json()) as { numberMatched: number; numberReturned: number }
    }
    const last = await page(`limit=2&offset=${total - 1}`)
    expect(last).toMatchObject({ numberMatched: total, numberReturned: 1 })
    const past = await page(`limit=2&offset=${total + 5}`)
    expect(past).toMatchObject({ numberMatched: total, numberReturned: 0 })
    const all = await page(`limit=${total + 10}`)
    expect(all).toMatchObject({ numberMatched: total, numberReturned: total })
  })
})
