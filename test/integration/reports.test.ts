import { DOMParser } from '@xmldom/xmldom'
import ExcelJS from 'exceljs'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import type { Json } from '../helpers/json'
import { loadReportFixture } from '../helpers/reports'

// The report section on a small constructed province (test/helpers/reports.ts): the wording pinned for two
// periods, the links, the exports, the boundary versions and who may read it.

let app: TestApp
const cookies: Record<string, string> = {}
const Q1 = 'period=quarter&year=2024&quarter=1'
const H1 = 'period=half&year=2024&half=1'

beforeAll(async () => {
  app = await startTestApp()
  await loadReportFixture(app.db)
  for (const role of ['officer', 'admin', 'inspector'] as const)
    cookies[role] = (await app.user(`r-${role}`, role)).cookie
  cookies.carrier = (await app.user('r-viettel', 'carrier', 'viettel')).cookie
})
afterAll(async () => {
  await app?.close()
})

async function get(path: string, cookie = cookies.officer): Promise<Json> {
  const res = await app.request('GET', path, { cookie })
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as Json
}
const section = (query: string) => get(`/api/reports/section?${query}`)
const paragraphs = (r: Json): string[] => r.parts.flatMap((p: Json) => p.paragraphs)

describe('the wording', () => {
  it('writes Quý I/2024 in the officers’ sentences, with Vietnamese numbers', async () => {
    const r = await section(Q1)
    expect(r.title).toBe('Tình hình phát triển hạ tầng viễn thông thụ động Quý I/2024 — Thành phố Hồ Chí Minh')
    expect(paragraphs(r)).toEqual([
      'Tính đến ngày 31/03/2024, tổng số trạm BTS trên địa bàn là 3 trạm (Viettel 2 trạm, MobiFone 1 trạm); ' +
        'trong Quý I/2024 phát triển mới 2 trạm, tháo dỡ 1 trạm, so với đầu kỳ tăng 1 trạm.',
      'Trong Quý I/2024, Sở tiếp nhận 3 hồ sơ đề nghị xây dựng trạm BTS; đã xem xét, đồng ý xây dựng 1 trạm BTS, ' +
        'không đồng ý 1 trạm; thời gian giải quyết hồ sơ (trung vị) là 18,5 ngày.',
      'Thực hiện Kế hoạch chuyển đổi cột ăng-ten thế hệ mới (1234/QĐ-UBND): trong Quý I/2024 đã chuyển đổi 3 trạm ' +
        '(hạ độ cao cột ăng-ten từ 18 mét xuống còn 12 mét tại 2 vị trí; chuyển từ cột cồng kềnh sang trạm BTS thân ' +
        'thiện môi trường tại 1 vị trí); lũy kế đến ngày 31/03/2024 đã chuyển đổi 4 trạm, chỉ tiêu 3 trạm đến ngày ' +
        '31/12/2023 (đến hạn đạt 1 trạm, 33,3%); chỉ tiêu 6 trạm đến ngày 31/12/2025 (đạt 4 trạm, 66,7%). Với tốc ' +
        'độ 0,5 trạm/tháng (180 ngày gần nhất), dự kiến đạt chỉ tiêu 6 trạm vào tháng 07/2024.',
      'Quý I/2024: các đơn vị đã triển khai ngầm hóa mạng cáp viễn thông được 1 tuyến công trình, tương đương ' +
        'chiều dài 3,3 km; đang tiếp tục thi công 1 tuyến; tổng khối lượng chiều dài tuyến dây thông tin được thực ' +
        'hiện chỉnh trang là 0,9 km trên 3 trụ điện.',
      'Hạ tầng ngầm sử dụng chung: tính đến ngày 31/03/2024, trên địa bàn có 1 tuyến công trình ngầm sử dụng ' +
        'chung, chiều dài 3,3 km, với 8 ống; đã cho 1 doanh nghiệp thuê 2 ống; trong Quý I/2024 có 1 tuyến phát ' +
        'sinh thuê mới.',
    ])
  })

  it('writes 6 tháng đầu năm 2024 with the half year’s figures and forecast', async () => {
    const r = await section(H1)
    expect(r.period).toEqual({ kind: 'half', from: '2024-01-01', to: '2024-06-30', label: '6 tháng đầu năm 2024' })
    expect(paragraphs(r)).toEqual([
      'Tính đến ngày 30/06/2024, tổng số trạm BTS trên địa bàn là 4 trạm (Viettel 2 trạm, MobiFone 1 trạm, ' +
        'VinaPhone (VNPT) 1 trạm); trong 6 tháng đầu năm 2024 phát triển mới 3 trạm, tháo dỡ 1 trạm, so với đầu ' +
        'kỳ tăng 2 trạm.',
      'Trong 6 tháng đầu năm 2024, Sở tiếp nhận 4 hồ sơ đề nghị xây dựng trạm BTS; đã xem xét, đồng ý xây dựng ' +
        '2 trạm BTS, không đồng ý 1 trạm; thời gian giải quyết hồ sơ (trung vị) là 15 ngày.',
      'Thực hiện Kế hoạch chuyển đổi cột ăng-ten thế hệ mới (1234/QĐ-UBND): trong 6 tháng đầu năm 2024 đã chuyển ' +
        'đổi 4 trạm (hạ độ cao cột ăng-ten từ 18 mét xuống còn 12 mét tại 3 vị trí; chuyển từ cột cồng kềnh sang ' +
        'trạm BTS thân thiện môi trường tại 1 vị trí); lũy kế đến ngày 30/06/2024 đã chuyển đổi 5 trạm, chỉ tiêu 3 ' +
        'trạm đến ngày 31/12/2023 (đến hạn đạt 1 trạm, 33,3%); chỉ tiêu 6 trạm đến ngày 31/12/2025 (đạt 5 trạm, ' +
        '83,3%). Với tốc độ 0,7 trạm/tháng (180 ngày gần nhất), dự kiến đạt chỉ tiêu 6 trạm vào tháng 08/2024.',
      '6 tháng đầu năm 2024: các đơn vị đã triển khai ngầm hóa mạng cáp viễn thông được 1 tuyến công trình, ' +
        'tương đương chiều dài 3,3 km; đang tiếp tục thi công 1 tuyến; tổng khối lượng chiều dài tuyến dây thông ' +
        'tin được thực hiện chỉnh trang là 0,9 km trên 3 trụ điện.',
      'Hạ tầng ngầm sử dụng chung: tính đến ngày 30/06/2024, trên địa bàn có 1 tuyến công trình ngầm sử dụng ' +
        'chung, chiều dài 3,3 km, với 8 ống; đã cho 2 doanh nghiệp thuê 3 ống; trong 6 tháng đầu năm 2024 có 1 ' +
        'tuyến phát sinh thuê mới.',
    ])
  })

  it('states the cable kilometres as the ellipsoidal lengths stored on the routes', async () => {
    const lengths = await app.db.one<{ under: number; tidy: number }>(
      `SELECT sum(length_m) FILTER (WHERE kind = 'underground' AND completed_on IS NOT NULL) AS under,
              sum(length_m) FILTER (WHERE kind = 'tidying') AS tidy FROM cable_routes`,
    )
    const cables = (await section(Q1)).parts.find((p: Json) => p.key === 'cables')
    const fig = (k: string) => cables.figures.find((f: Json) => f.key === k)
    expect(fig('undergroundKm').value).toBeCloseTo(lengths.under / 1000, 9)
    expect(fig('undergroundKm').text).toBe((Math.round(lengths.under / 100) / 10).toString().replace('.', ','))
    expect(fig('tidyingKm').value).toBeCloseTo(lengths.tidy / 1000, 9)
  })

  it('leaves out each part that has no data in the period', async () => {
    expect((await section('period=year&year=2019')).parts).toEqual([])
    const q3 = await section('period=quarter&year=2024&quarter=3')
    expect(q3.parts.map((p: Json) => p.key)).toEqual(['stations', 'conversions', 'cables', 'ducts'])
    const range = await section('period=range&from=2024-02-01&to=2024-02-29')
    expect(range.period.label).toBe('từ ngày 01/02/2024 đến ngày 29/02/2024')
    expect(range.parts.find((p: Json) => p.key === 'applications').figures.map((f: Json) => f.value)).toEqual([
      1, 0, 1, 10,
    ])
  })
})

describe('links', () => {
  it('lead from every figure to exactly the records it counts', async () => {
    // Counts are their records; a length, a median or a number of tubes links to the records it is computed on.
    const countColumns: Record<string, (t: Json) => number[]> = {
      stations: (t) => t.columns.map((_: string, i: number) => i),
      conversions: (t) => t.columns.map((_: string, i: number) => i),
      applications: () => [],
      cables: () => [3, 5],
      ducts: () => [],
    }
    let checked = 0
    for (const query of [Q1, `${Q1}&unitsOn=2020-06-01`]) {
      const r = await section(query)
      const links = r.parts.flatMap((p: Json) => [
        ...p.figures
          .filter((f: Json) => f.key.split('.')[0] === new URL(f.link, app.url).searchParams.get('figure'))
          .map((f: Json) => ({ value: f.value, link: f.link })),
        ...p.tables.flatMap((t: Json) =>
          t.rows.flatMap((row: Json[]) => countColumns[p.key]!(t).flatMap((i) => (row[i]?.link ? [row[i]] : []))),
        ),
      ])
      for (const { value, link } of links) {
        expect((await get(link)).total, link).toBe(value)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(40)
  }, 240_000)

  it('refuses a figure the part does not have', async () => {
    const res = await app.request('GET', `/api/reports/records?part=stations&figure=nonsense&${Q1}`, {
      cookie: cookies.officer,
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as Json).errors[0].path).toBe('query.figure')
  })
})

describe('boundary versions', () => {
  const figures = (r: Json) =>
    Object.fromEntries(r.parts.flatMap((p: Json) => p.figures.map((f: Json) => [`${p.key}.${f.key}`, f.value])))
  const districtRows = (r: Json, part: string, table = 'byDistrict') =>
    Object.fromEntries(
      r.parts
        .find((p: Json) => p.key === part)
        .tables.find((t: Json) => t.key.startsWith(table))
        .rows.filter((row: Json) => row[0].text !== '')
        .map((row: Json) => [row[0].text, row.slice(2).map((c: Json) => c.value)]),
    )

  it('gives the same totals on the 2020 units (before the Thủ Đức merger) and on the units of 2024', async () => {
    for (const query of [Q1, H1]) {
      const merged = await section(query)
      const before = await section(`${query}&unitsOn=2020-06-01`)
      expect(before.unitsOn).toBe('2020-06-01')
      expect(figures(before)).toEqual(figures(merged))
      expect(paragraphs(before)).toEqual(paragraphs(merged))
    }
  })

  it('splits Thành phố Thủ Đức into the three districts it replaced, which add up to it', async () => {
    const merged = await section(Q1)
    const before = await section(`${Q1}&unitsOn=2020-06-01`)
    for (const part of ['stations', 'conversions']) {
      const now = districtRows(merged, part)
      const then = districtRows(before, part)
      expect(Object.keys(now)).toEqual(['760', '769'])
      expect(Object.keys(then)).toEqual(['760', '762', '763', '769'])
      expect(then['760']).toEqual(now['760'])
      const sum = then['762'].map((v: number, i: number) => v + then['763'][i] + then['769'][i])
      expect(sum).toEqual(now['769'])
      expect(then['769']).not.toEqual(now['769'])
    }
    const name = (r: Json) => r.parts[0].tables[1].rows.map((row: Json) => row[1].text)
    expect(name(merged)).toEqual(['Quận 1', 'Thành phố Thủ Đức', 'Tổng cộng'])
    expect(name(before)).toEqual(['Quận 1', 'Quận Thủ Đức', 'Quận 9', 'Quận 2', 'Tổng cộng'])
    const km = (r: Json) =>
      r.parts
        .find((p: Json) => p.key === 'cables')
        .tables[0].rows.filter((row: Json) => row[2].text === 'Ngầm hóa')
        .map((row: Json) => [row[0].text, row[4].value])
    expect(km(merged)).toEqual([['769', 3.3]])
    expect(km(before)).toEqual([
      ['762', 1.6],
      ['763', 1.6],
      ['769', 0],
    ])
  })
})

describe('exports', () => {
  /** The text of each paragraph of a DOCX's document.xml, read with an XML parser. */
  function docxParagraphs(xml: string): string[] {
    const doc = new DOMParser().parseFromString(xml, 'text/xml')
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
    expect(doc.documentElement?.localName).toBe('document')
    return Array.from(doc.getElementsByTagNameNS(W, 'p')).map((p) =>
      Array.from(p.getElementsByTagNameNS(W, 't'))
        .map((t) => t.textContent)
        .join(''),
    )
  }

  it('writes a DOCX that opens and holds the same sentences and table figures', async () => {
    const r = await section(Q1)
    const res = await app.request('GET', `/api/reports/section.docx?${Q1}`, { cookie: cookies.officer })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('wordprocessingml')
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
    expect(Object.keys(files)).toContain('word/document.xml')
    const xml = new TextDecoder().decode(files['word/document.xml'])
    const texts = docxParagraphs(xml)
    expect(texts).toContain(r.title)
    for (const p of paragraphs(r)) expect(texts).toContain(p)
    for (const part of r.parts)
      for (const t of part.tables) {
        expect(texts).toContain(t.caption)
        for (const row of t.rows) for (const c of row) if (c.text) expect(texts).toContain(c.text)
      }
    // the per-district bar charts: cells shaded beside the district tables
    expect(xml).toMatch(/w:fill="2F6EBA"/)
    // the map figure after the stations by district: an SVG with its PNG, drawn from the districts in force, each
    // labelled with the count of the table
    expect(texts.some((t) => t.startsWith('Hình 1. Trạm BTS cuối kỳ theo quận, huyện — Quý I/2024'))).toBe(true)
    expect(xml).toMatch(/<a:blip r:embed="[^"]+"/)
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'))
    const png = media.find((f) => f.endsWith('.png'))!
    const svg = new TextDecoder().decode(files[media.find((f) => f.endsWith('.svg'))!])
    expect(Buffer.from(files[png]!).subarray(1, 4).toString()).toBe('PNG')
    const districts = await app.db.many<{ code: string }>(
      `SELECT code FROM admin_units WHERE level = 'district' AND province_code = '79'
          AND valid_from <= '2024-03-31' AND (valid_to IS NULL OR valid_to > '2024-03-31')`,
    )
    expect(svg.match(/<path /g)).toHaveLength(districts.length)
    const byDistrict = r.parts[0].tables.find((t: Json) => t.key === 'byDistrict')
    for (const row of byDistrict.rows.filter((row: Json) => row[0].text !== ''))
      expect(svg).toContain(`>${row[5].text}</text>`)
  })

  it('writes an XLSX whose sheets read back with the same text and numbers', async () => {
    const r = await section(H1)
    const res = await app.request('GET', `/api/reports/section.xlsx?${H1}`, { cookie: cookies.officer })
    expect(res.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
    const text = book.getWorksheet('Báo cáo')!
    const lines: unknown[] = []
    text.eachRow((row) => lines.push(row.getCell(1).value))
    for (const p of paragraphs(r)) expect(lines).toContain(p)
    r.parts.forEach((part: Json, i: number) => {
      const sheet = book.worksheets[i + 1]!
      const rows: unknown[][] = []
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
      for (const t of part.tables) for (const row of t.rows) expect(rows).toContainEqual(row.map((c: Json) => c.value))
    })
  })
})

describe('access', () => {
  const routes = [
    `/api/reports/section?${Q1}`,
    `/api/reports/section.docx?${Q1}`,
    `/api/reports/section.xlsx?${Q1}`,
    `/api/reports/records?part=stations&figure=atEnd&${Q1}`,
  ]
  it('lets officers, administrators and inspectors read every route', async () => {
    for (const path of routes)
      for (const role of ['officer', 'admin', 'inspector'])
        expect((await app.request('GET', path, { cookie: cookies[role] })).status, `${role} ${path}`).toBe(200)
  })
  it('refuses carriers (403) and anonymous callers (401) on every route', async () => {
    for (const path of routes) {
      expect((await app.request('GET', path, { cookie: cookies.carrier })).status, path).toBe(403)
      expect((await app.request('GET', path)).status, path).toBe(401)
    }
  })
  it('answers 400 naming the field for an incomplete period', async () => {
    const res = await app.request('GET', '/api/reports/section?period=quarter&year=2024', { cookie: cookies.officer })
    expect(res.status).toBe(400)
    expect(((await res.json()) as Json).errors.map((e: Json) => e.path)).toEqual(['query.quarter'])
    const bad = await app.request('GET', '/api/reports/section?period=range&from=2024-05-01&to=2024-04-01', {
      cookie: cookies.officer,
    })
    expect(bad.status).toBe(400)
  })
})
