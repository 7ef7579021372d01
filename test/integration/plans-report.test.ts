// The appraisal report of a plan version (issue 12): the DOCX holds the map figure (an SVG with a PNG fallback,
// both drawn from the version's features and the districts), the counts by district and class as an independent
// query gives them, and the conflict list; the printable page holds the same. Staff only.
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatCount } from '../../shared/format'
import type { TestApp } from '../helpers/app'
import { collection, newPlan, upload } from '../helpers/plans'
import { insertStationGrid, startProvinceApp } from '../helpers/stations'

let app: TestApp
let center: { lon: number; lat: number }
let officer: string
let viettel: string
let plan: number
const NORTH = 1 / 110_610
const EAST = 1 / 109_350

const site = (code: string, eastM: number, northM: number, mastClass: string, height: number, year: number) => ({
  type: 'Feature',
  properties: { code, mastClass, height, year },
  geometry: { type: 'Point', coordinates: [center.lon + eastM * EAST, center.lat + northM * NORTH] },
})

beforeAll(async () => {
  ;({ app, center } = await startProvinceApp())
  await insertStationGrid(app.db, 'RPT', 12)
  officer = (await app.user('rp.officer', 'officer')).cookie
  viettel = (await app.user('rp.viettel', 'carrier', 'viettel')).cookie
  plan = await newPlan(app, viettel)
  const features = [
    ...Array.from({ length: 40 }, (_, i) =>
      site(
        `S${i}`,
        (i % 8) * 200 - 700,
        Math.floor(i / 8) * 400 - 800,
        ['A1', 'A2a', 'A2b'][i % 3]!,
        6 + i,
        2026 + (i % 4),
      ),
    ),
    site('DUP', 5, 0, 'A2a', 30, 2027), // 5 m from Viettel's station RPT-0: a duplicate
    {
      type: 'Feature',
      properties: { code: 'R1', kind: 'underground', year: 2028 },
      geometry: {
        type: 'LineString',
        coordinates: [
          [center.lon, center.lat],
          [center.lon + 0.01, center.lat + 0.005],
        ],
      },
    },
  ]
  expect((await upload(app, viettel, plan, 'geojson', collection(features))).status).toBe(201)
  expect((await app.request('POST', `/api/plans/${plan}/versions/1/findings`, { cookie: officer })).status).toBe(200)
})
afterAll(() => app.close())

/** The texts of a DOCX's paragraphs and table cells. */
const texts = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  )
const unescapeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

describe('the appraisal report', () => {
  it('is a DOCX holding the map figure as SVG with a PNG fallback, drawn from the features', async () => {
    const res = await app.request('GET', `/api/plans/${plan}/versions/1/appraisal.docx`, { cookie: officer })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('wordprocessingml')
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
    const xml = new TextDecoder().decode(files['word/document.xml'])
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'))
    const svg = media.find((f) => f.endsWith('.svg'))
    const png = media.find((f) => f.endsWith('.png'))
    expect(svg, media.join()).toBeDefined()
    expect(png, media.join()).toBeDefined()
    // the document draws the picture: a blip to the PNG and the SVG extension beside it
    expect(xml).toMatch(/<a:blip r:embed="[^"]+"/)
    expect(xml).toMatch(/svgBlip/)
    const rels = new TextDecoder().decode(files['word/_rels/document.xml.rels'])
    expect(rels).toContain(svg!.slice('word/'.length))
    expect(rels).toContain(png!.slice('word/'.length))
    // the SVG: one circle per planned site, one polyline per route, district outlines
    const svgText = new TextDecoder().decode(files[svg!])
    expect(svgText.match(/<circle /g)?.length).toBe(41)
    expect(svgText).toContain('data-layer="districts"')
    const outlines = (
      svgText
        .split('data-layer="districts"')[1]!
        .split('</g>')[0]!
        .match(/<polyline /g) ?? []
    ).length
    const districts = await app.db.one<{ n: number }>(
      `SELECT sum(ST_NumGeometries(ST_Boundary(geom)))::int AS n FROM units_in_force(current_date)
        WHERE level = 'district' AND province_code = '79'`,
    )
    expect(outlines).toBe(districts.n)
    // the PNG: a real PNG of the figure's size, with the sites' blue and the duplicate's red drawn in it
    const bytes = files[png!]!
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const view = new DataView(bytes.buffer, bytes.byteOffset)
    expect(view.getUint32(16)).toBe(Number(/width="(\d+)"/.exec(svgText)![1]))
    expect(view.getUint32(20)).toBe(Number(/height="(\d+)"/.exec(svgText)![1]))
    expect(svgText).toContain('fill="#d92d20"') // the duplicate, a failing site, in red
  })

  it('counts the sites by district and class as an independent query, and lists the conflicts', async () => {
    const res = await app.request('GET', `/api/plans/${plan}/versions/1/appraisal.docx`, { cookie: officer })
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml'])
    const paragraphs = texts(xml).map(unescapeXml)
    const rows = await app.db.many<{ name: string; a1: number; a2a: number; a2b: number; total: number }>(
      `SELECT u.name, count(*) FILTER (WHERE s.mast_class = 'A1')::int AS a1,
              count(*) FILTER (WHERE s.mast_class = 'A2a')::int AS a2a,
              count(*) FILTER (WHERE s.mast_class = 'A2b')::int AS a2b, count(*)::int AS total
         FROM planned_sites s JOIN plan_versions v ON v.id = s.version_id
         JOIN units_in_force(current_date) u ON u.level = 'district' AND u.province_code = '79'
                                            AND ST_Covers(u.geom, s.geom)
        WHERE v.plan_id = $1 GROUP BY u.name`,
      [plan],
    )
    expect(rows.length).toBeGreaterThan(0)
    // each district's row: its name, then A1, A1c, A2a, A2b and the total, cell by cell
    for (const r of rows) {
      const at = paragraphs.indexOf(r.name)
      expect(at, r.name).toBeGreaterThan(-1)
      expect(paragraphs.slice(at + 1, at + 6)).toEqual(
        [r.a1, 0, r.a2a, r.a2b, r.total].map((n) => formatCount(n, 'vi')),
      )
    }
    const findings = await (
      await app.request('GET', `/api/plans/${plan}/versions/1/findings`, { cookie: officer })
    ).json()
    expect(findings.total).toBeGreaterThan(0)
    for (const f of findings.findings) expect(paragraphs).toContain(f.messageVi)
    expect(findings.findings.some((f: { rule: string }) => f.rule === 'duplicate')).toBe(true)
  })

  it('is also a printable page with the same figure and tables, for staff only', async () => {
    const res = await app.request('GET', `/api/plans/${plan}/versions/1/appraisal.html`, { cookie: officer })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    const html = await res.text()
    expect(html.match(/<circle /g)?.length).toBe(41)
    expect(html).toContain('Bảng 1. Số trạm theo quận, huyện')
    expect(html).toContain('@media print')
    for (const path of ['appraisal.html', 'appraisal.docx']) {
      const carrier = await app.request('GET', `/api/plans/${plan}/versions/1/${path}`, { cookie: viettel })
      expect(carrier.status).toBe(403)
    }
  })
})
