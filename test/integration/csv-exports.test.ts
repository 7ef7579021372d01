import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import { startProvinceApp } from '../helpers/stations'

// Every CSV export neutralises text a spreadsheet would evaluate as a formula (OWASP CSV injection).
let app: TestApp
let officer: string, viettel: string
let center: { lon: number; lat: number }

beforeAll(async () => {
  ;({ app, center } = await startProvinceApp())
  officer = (await app.user('officer1', 'officer')).cookie
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
})
afterAll(() => app.close())

const rowsOf = (text: string) => parse(text, { bom: true, relax_column_count: true }) as string[][]

describe('CSV exports', () => {
  it('write formula-like station text literally, keeping numbers as numbers', async () => {
    const sites = [
      { siteCode: '-1-1', name: '-1+2', address: '=1' },
      { siteCode: 'CSV-2', name: '@SUM(1)', address: '+1-1' },
    ]
    for (const [i, s] of sites.entries()) {
      const res = await app.request('POST', '/api/stations', {
        cookie: viettel,
        body: {
          ...s,
          position: { lon: center.lon + i * 0.01, lat: center.lat },
          mastClass: 'A2a',
          mastHeightM: 12.5,
          buildingHeightM: 20,
        },
      })
      expect(res.status).toBe(201)
    }
    const res = await app.request('GET', '/api/stations/export.csv', { cookie: viettel })
    expect(res.status).toBe(200)
    const [header, ...rows] = rowsOf(await res.text())
    const col = (name: string) => header!.indexOf(name)
    const byCode = new Map(rows.map((r) => [r[col('siteCode')], r]))
    const first = byCode.get("'-1-1")!
    expect(first[col('name')]).toBe("'-1+2")
    expect(first[col('address')]).toBe("'=1")
    const second = byCode.get('CSV-2')!
    expect(second[col('name')]).toBe("'@SUM(1)")
    expect(second[col('address')]).toBe("'+1-1")
    expect(first[col('mastHeightM')]).toBe('12.5')
    expect(Number(first[col('lon')])).toBeCloseTo(center.lon, 6)
  })

  it("write a carrier's formula-like name in the cable summary literally", async () => {
    // the summary names carriers (not their short codes), so the formula-like text is the name
    await app.db.exec(`INSERT INTO carriers (name, short_name, kind) VALUES ('-1-1', 'cap-thu', 'fixed')`)
    const route = await app.request('POST', '/api/cables/routes', {
      cookie: officer,
      body: {
        name: 'Tuyến',
        kind: 'tidying',
        carriers: ['cap-thu'],
        geometry: {
          type: 'LineString',
          coordinates: [
            [106.7, 10.8],
            [106.71, 10.8],
          ],
        },
      },
    })
    expect(route.status).toBe(201)
    const { id, version } = await route.json()
    for (const [v, status] of [
      [version, 'under_construction'],
      [version + 1, 'completed'],
    ] as const) {
      const res = await app.request('POST', `/api/cables/routes/${id}/status`, {
        cookie: officer,
        body: { version: v, status, date: '2020-03-01' },
      })
      expect(res.status).toBe(200)
    }
    const res = await app.request('GET', '/api/cables/summary.csv?groupBy=carrier', { cookie: officer })
    expect(res.status).toBe(200)
    const rows = rowsOf(await res.text())
    const row = rows.find((r) => r[0] === "'-1-1")
    expect(row).toBeDefined()
    expect(Number(row![2])).toBe(1)
    expect(rows.some((r) => r[0] === '-1-1')).toBe(false)
  })
})
