import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'

// The zones list takes a map view's bbox; an unbounded or absurd one is refused, naming bbox.
let app: TestApp
let officer: string

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  officer = (await app.user('officer1', 'officer')).cookie
})
afterAll(() => app.close())

const square = (lon: number, lat: number, d = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
})
const list = (bbox: string) => app.request('GET', `/api/zones?bbox=${encodeURIComponent(bbox)}`, { cookie: officer })

describe('zones list bbox', () => {
  it('finds zones within a view and refuses unbounded or absurd boxes with 422 naming bbox', async () => {
    const created = await app.request('POST', '/api/zones', {
      cookie: officer,
      body: { name: 'Khu di sản', kind: 'heritage', allowedClasses: ['A1'], geometry: square(106.7, 10.77) },
    })
    expect(created.status).toBe(201)
    const { id } = await created.json()
    const inside = await list('106.6,10.7,106.8,10.9')
    expect(inside.status).toBe(200)
    expect((await inside.json()).items.map((z: { id: number }) => z.id)).toEqual([id])
    const elsewhere = await (await list('105,20,105.5,20.5')).json()
    expect(elsewhere.items).toEqual([])
    const refused = [
      '-180,-90,180,90',
      '-1e308,-1e308,1e308,1e308',
      'Infinity,0,1,1',
      'NaN,1,2,3',
      '106,10,105,11',
      '106,10,106.5',
      '106,10,106.5,11,12',
      'a,b,c,d',
      '',
      '181,10,182,11',
      '106,-91,107,-89',
      '106,10,106,11',
    ]
    for (const bbox of refused) {
      const res = await list(bbox)
      expect(res.status, bbox).toBe(422)
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
      expect((await res.json()).errors.map((e: { path: string }) => e.path)).toEqual(['query.bbox'])
    }
  })
})
