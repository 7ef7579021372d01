import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'
import type { Json } from '../helpers/json'

// A pair of plane coordinates means nothing without its zone: numbers surveyed in another province's zone
// convert without error in the chosen one, kilometres away. The coordinate tool says so.
let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
}, 300_000)
afterAll(() => app?.close())

async function interpret(body: unknown): Promise<Json> {
  const res = await app.request('POST', '/api/coordinates/interpret', { body })
  expect(res.status).toBe(200)
  return res.json() as Promise<Json>
}

describe('plane coordinates from another zone', () => {
  it('warns when an easting/northing falls outside the province (Đồng Nai-zone point read in HCMC zone)', async () => {
    // X 1 200 000, Y 400 000 is in Đồng Nai's zone (107°45′) near Biên Hòa; read in HCMC's (105°45′) it lands in
    // Cambodia.
    const r = await interpret({ a: 1_200_000, b: 400_000, zone: '79' })
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0].vi).toContain('Thành phố Hồ Chí Minh')
    expect(r.warnings[0].en).toContain("another province's zone")
  })

  it('gives no warning for a point inside the province (Quận 1 in the HCMC zone)', async () => {
    const r = await interpret({ a: 1_191_912, b: 603_287, zone: '79' })
    expect(r.warnings).toEqual([])
  })

  it("warns, without the province's boundary, when the point is outside its zone's 3° band", async () => {
    // Đà Nẵng (107°45′) has no boundary in this database: Y 800 000 lies 2,7° east of the meridian.
    const far = await interpret({ a: 1_780_000, b: 800_000, zone: '48' })
    expect(far.warnings).toHaveLength(1)
    const near = await interpret({ a: 1_780_000, b: 550_000, zone: '48' })
    expect(near.warnings).toEqual([])
  })

  it('gives no zone warning for degrees', async () => {
    const r = await interpret({ a: 106.7, b: 10.78, zone: '79' })
    expect(r.warnings).toEqual([])
  })
})
