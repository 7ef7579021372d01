import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateProvince } from '../../gis-data/province'
import { startTestApp, type TestApp } from '../helpers/app'
import { collection, newPlan, upload } from '../helpers/plans'

let app: TestApp
let viettel: string

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
})
afterAll(() => app.close())

/** Metres per degree of latitude near 10.8°N (WGS84 meridian arc), for moving a point north by a distance. */
const M_PER_DEG_LAT = 110_610
const site = (code: string, lon: number, northM = 0, props: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: { code, mastClass: 'A2a', height: 24, year: 2027, owner: 'viettel', ...props },
  geometry: { type: 'Point', coordinates: [lon, 10.78 + northM / M_PER_DEG_LAT] },
})
const route = (code: string, shift = 0) => ({
  type: 'Feature',
  properties: { code, kind: 'underground', year: 2028 },
  geometry: {
    type: 'LineString',
    coordinates: [
      [106.7, 10.76 + shift / M_PER_DEG_LAT],
      [106.71, 10.765],
    ],
  },
})

describe('the diff of two versions', () => {
  let plan: number
  beforeAll(async () => {
    plan = await newPlan(app, viettel)
    const v1 = [
      site('A', 106.7),
      site('B', 106.701),
      site('C', 106.702),
      site('D', 106.703),
      site('E', 106.704),
      site('G', 106.705, 0, { street: 'Lê Lợi' }),
      route('R1'),
      route('R2'),
    ]
    const v2 = [
      site('A', 106.7),
      site('B', 106.701, 3),
      site('C', 106.702, 30),
      site('E', 106.704, 0, { height: 36 }),
      site('G', 106.705, 0, { street: 'Nguyễn Huệ' }),
      site('F', 106.706),
      route('R1'),
      route('R2', 50),
    ]
    for (const v of [v1, v2]) expect((await upload(app, viettel, plan, 'geojson', collection(v))).status).toBe(201)
  })

  const diff = async (query: string) => {
    const res = await app.request('GET', `/api/plans/${plan}/diff?${query}`, { cookie: viettel })
    expect(res.status).toBe(200)
    return res.json()
  }
  type Item = { key: string; changes: string[]; movedM: number }
  const byKey = (d: { items: Item[] }): Record<string, Item> => Object.fromEntries(d.items.map((i) => [i.key, i]))

  it('finds the added, the removed, the moved beyond 10 m and the changed, by the carrier’s code', async () => {
    const d = await diff('from=1&to=2&toleranceM=10')
    expect(d.counts).toEqual({ added: 1, removed: 1, moved: 2, changed: 2 })
    expect(d.unchanged).toBe(3)
    const items = byKey(d)
    expect(Object.keys(items).sort()).toEqual(['C', 'D', 'E', 'F', 'G', 'R2'])
    expect(items.F).toMatchObject({ kind: 'site', changes: ['added'], fromIndex: null, toIndex: 5 })
    expect(items.D).toMatchObject({ kind: 'site', changes: ['removed'], fromIndex: 3, toIndex: null })
    expect(items.C).toMatchObject({ changes: ['moved'], fields: [] })
    expect(items.C!.movedM).toBeGreaterThan(29.5)
    expect(items.C!.movedM).toBeLessThan(30.5)
    expect(items.E).toMatchObject({ changes: ['changed'], fields: [{ field: 'heightM', from: 24, to: 36 }] })
    expect(items.G).toMatchObject({
      changes: ['changed'],
      fields: [{ field: 'attributes.street', from: 'Lê Lợi', to: 'Nguyễn Huệ' }],
    })
    expect(items.R2).toMatchObject({ kind: 'route', changes: ['moved'] })
    expect(items.R2!.movedM).toBeGreaterThan(49)
  })

  it('counts a 3 m move as moved only under a tolerance below 3 m', async () => {
    const loose = byKey(await diff('from=1&to=2&toleranceM=10'))
    expect(loose.B).toBeUndefined()
    const tight = byKey(await diff('from=1&to=2&toleranceM=2'))
    expect(tight.B).toMatchObject({ changes: ['moved'] })
    expect(tight.B!.movedM).toBeGreaterThan(2.7)
    expect(tight.B!.movedM).toBeLessThan(3.3)
  })

  it('reads the other way round as the mirror image', async () => {
    const d = await diff('from=2&to=1&toleranceM=10')
    expect(d.counts).toEqual({ added: 1, removed: 1, moved: 2, changed: 2 })
    const items = byKey(d)
    expect(items.D!.changes).toEqual(['added'])
    expect(items.F!.changes).toEqual(['removed'])
    expect(items.E).toMatchObject({ fields: [{ field: 'heightM', from: 36, to: 24 }] })
  })

  it('treats features without a code as removed and added, never matched', async () => {
    const p = await newPlan(app, viettel)
    const nameless = { ...site('X', 106.71), properties: { mastClass: 'A1', height: 3, year: 2026 } }
    for (let i = 0; i < 2; i++)
      expect((await upload(app, viettel, p, 'geojson', collection([nameless]))).status).toBe(201)
    const res = await app.request('GET', `/api/plans/${p}/diff?from=1&to=2`, { cookie: viettel })
    expect((await res.json()).counts).toEqual({ added: 1, removed: 1, moved: 0, changed: 0 })
  })

  it('answers 404 for a version that does not exist', async () => {
    const res = await app.request('GET', `/api/plans/${plan}/diff?from=1&to=9`, { cookie: viettel })
    expect(res.status).toBe(404)
  })
})
