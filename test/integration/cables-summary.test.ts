import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'

// The cables summary (sentence, table, CSV and XLSX) on the demo network, against independent SQL.

let app: TestApp
let officer: string

beforeAll(async () => {
  app = await startTestApp({}, undefined, 'cables') // the demo province and network, generated with DEMO_SEED
  officer = (await app.user('officer1', 'officer')).cookie
}, 300_000)
afterAll(() => app.close())

describe('the summary on demo data', () => {
  it("gives the officers' figures, equal to independent SQL", async () => {
    const res = await app.request('GET', '/api/cables/summary?period=cumulative&until=2018-06-30', { cookie: officer })
    const s = await res.json()
    const sql = await app.db.one<Record<string, number>>(`
      SELECT (SELECT count(*) FROM cable_routes
               WHERE kind = 'underground' AND status IN ('completed', 'accepted')
                 AND completed_on <= '2018-06-30') AS u,
             (SELECT sum(ST_Length(geom::geography, true)) FROM cable_routes
               WHERE kind = 'underground' AND status IN ('completed', 'accepted')
                 AND completed_on <= '2018-06-30') AS um,
             (SELECT count(*) FROM cable_routes WHERE kind = 'underground' AND status = 'under_construction') AS b,
             (SELECT sum(ST_Length(geom::geography, true)) FROM cable_routes
               WHERE kind = 'tidying' AND status IN ('completed', 'accepted')) AS tm,
             (SELECT count(DISTINCT pole_id) FROM route_poles rp JOIN cable_routes r ON r.id = rp.route_id
               WHERE r.kind = 'tidying' AND r.status IN ('completed', 'accepted')) AS tp`)
    expect(s.sentence.vi).toContain(
      `được ${sql.u} tuyến công trình, tương đương chiều dài ${Math.round(sql.um! / 1000)} km; ` +
        `đang tiếp tục thi công ${sql.b} tuyến`,
    )
    const km = (Math.round(sql.tm! / 100) / 10)
      .toFixed(1)
      .replace('.', ',')
      .replace(/\B(?=(\d{3})+(?!\d))/, '.')
    expect(s.sentence.vi).toContain(`chỉnh trang là ${km} km trên ${sql.tp!.toLocaleString('de-DE')} trụ điện`)
    // the demo reproduces the report: 122 routes ≈ 295 km, 31 under construction, 3.446,8 km on 147.166 poles
    expect(s.sentence.vi).toContain(
      'được 122 tuyến công trình, tương đương chiều dài 295 km; đang tiếp tục thi công 31 tuyến; ' +
        'tổng khối lượng chiều dài tuyến dây thông tin được thực hiện chỉnh trang là 3.446,8 km trên 147.166 trụ điện',
    )
  })

  it('splits by district with lengths that add up to the total', async () => {
    const s = await (
      await app.request('GET', '/api/cables/summary?groupBy=district&until=2018-06-30', { cookie: officer })
    ).json()
    const tidying = s.rows
      .filter((r: { kind: string }) => r.kind === 'tidying')
      .reduce((a: number, r: { completedM: number }) => a + r.completedM, 0)
    expect(Math.abs(tidying - s.totals.tidyingM)).toBeLessThan(1)
    expect(new Set(s.rows.map((r: { group: string }) => r.group)).size).toBeGreaterThan(10)
  })

  it('exports the table as CSV and XLSX', async () => {
    const csv = await app.request('GET', '/api/cables/summary.csv?groupBy=carrier&period=year&year=2017', {
      cookie: officer,
    })
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
    const text = await csv.text()
    expect(text.split('\r\n')[0]).toContain('Doanh nghiệp / Carrier')
    expect(text).toMatch(/\nViettel,Chỉnh trang cáp treo,\d+,/)
    const xlsx = Buffer.from(
      await (await app.request('GET', '/api/cables/summary.xlsx?until=2018-06-30', { cookie: officer })).arrayBuffer(),
    )
    const file = path.join(os.tmpdir(), `cables-${process.pid}.xlsx`)
    fs.writeFileSync(file, xlsx)
    try {
      execFileSync('unzip', ['-tq', file])
      const book = new ExcelJS.Workbook()
      await book.xlsx.readFile(file)
      expect(book.worksheets[1]!.getRow(2).getCell(1).value).toContain('3.446,8 km trên 147.166 trụ điện')
    } finally {
      fs.rmSync(file)
    }
  })
})
