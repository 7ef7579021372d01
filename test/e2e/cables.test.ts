import fs from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PROVINCE } from '../../gis-data/province'
import { PHONE } from './helpers/browser'
import { SCREENS, setupE2eApp } from './helpers/suite'
import { CablesDriver } from './cables-driver'

// The bench output picks this figure up (bench/): the poles layer at city scale in Chromium.
const BENCH_DIR = process.env.TELGIS_BENCH_DIR ?? '/tmp/telgis-bench'

const { signedIn } = setupE2eApp((page, url) => CablesDriver.recordingLongTasks(page, url))

beforeAll(() => {
  fs.mkdirSync(BENCH_DIR, { recursive: true })
})

describe('the poles layer at city scale', () => {
  it('draws 150,000 demo poles over the whole province without freezing the page', async () => {
    const officer = await signedIn('officer')
    await officer.open('/cables')
    // The page as a whole: from navigation to the poles drawn at the province's fit.
    const pageLoadMs = await officer.polesDrawnAt()
    await officer.screenshot(`${SCREENS}/cables-map-desktop.png`)
    // The poles layer alone: its source is removed and added again, so every tile is fetched, decoded and drawn anew.
    await officer.showLayer('poles', false)
    await officer.waitForIdle()
    await officer.resetLongTasks()
    const start = await officer.now()
    await officer.showLayer('poles', true)
    const drawnMs = (await officer.polesDrawnAt()) - start
    const longest = await officer.longestTask()
    const figure = {
      name: 'map.poles_render_ms',
      value: Math.round(drawnMs),
      unit: 'ms',
      longestTaskMs: Math.round(longest),
      pageLoadMs: Math.round(pageLoadMs),
    }
    fs.writeFileSync(`${BENCH_DIR}/poles-render.json`, `${JSON.stringify(figure, null, 2)}\n`)
    expect(drawnMs).toBeLessThan(15_000)
    expect(longest).toBeLessThan(1_000)
    expect(officer.errors).toEqual([])
  })
})

describe('an officer draws a route and sees it counted', () => {
  it('measures the line live while it is drawn, snaps to poles, saves it and shows the stored length', async () => {
    const officer = await signedIn('officer')
    await officer.open('/cable-summary')
    const before = (await officer.kpi('kpi-underground-routes'))!
    expect(before).toBeGreaterThan(0)

    await officer.open('/cables/new')
    await officer.waitForCablesMap()
    await officer.jumpTo([DEMO_PROVINCE.center[0], DEMO_PROVINCE.center[1]], 16.5)
    await officer.page
      .locator('[data-testid=snap-state]')
      .filter({ hasText: /\d+ trụ trong khung nhìn/ })
      .waitFor()
    const poles = (await officer.polesInView()).sort((a, b) => a.lon - b.lon)
    expect(poles.length).toBeGreaterThan(3)
    const picks = [poles[0]!, poles[Math.floor(poles.length / 2)]!, poles[poles.length - 1]!]

    await officer.clickNear([picks[0]!.lon, picks[0]!.lat])
    await officer.clickNear([picks[1]!.lon, picks[1]!.lat])
    const afterTwo = await officer.previewLengthM()
    expect(afterTwo).toBeGreaterThan(10)
    await officer.clickNear([picks[2]!.lon, picks[2]!.lat])
    await officer.finishLine()
    const preview = await officer.previewLengthM()
    expect(preview).toBeGreaterThan(afterTwo)
    await expect(officer.page.locator('[data-testid=snap-state]').innerText()).resolves.toMatch(/3 trụ trên tuyến/)

    await officer.fillRoute({
      name: 'E2E ngầm hóa Lê Lợi',
      street: 'Lê Lợi',
      kind: 'underground',
      carriers: ['viettel', 'vnpt'],
    })
    await officer.screenshot(`${SCREENS}/cables-draw-desktop.png`)
    const id = await officer.saveRoute()
    expect(id).toBeGreaterThan(0)
    const stored = await officer.storedLengthM()
    // the preview is spherical, the stored length ellipsoidal: they agree to well under 1 %
    expect(Math.abs(stored - preview) / stored).toBeLessThan(0.01)
    await expect(officer.page.locator('[data-testid=route-panel]').innerText()).resolves.toMatch(/Số trụ điện\s*3/)

    await officer.moveTo('under_construction')
    await officer.moveTo('completed')
    await expect.poll(() => officer.page.locator('[data-testid=route-history] li').count()).toBe(3)
    await officer.screenshot(`${SCREENS}/cables-route-desktop.png`)

    await officer.openSection('/cable-summary')
    await officer.page.locator('[data-testid=summary-sentence]').waitFor()
    await expect.poll(() => officer.kpi('kpi-underground-routes')).toBe(before + 1)
    const sentence = await officer.page.locator('[data-testid=summary-sentence]').innerText()
    expect(sentence).toContain(`ngầm hóa mạng cáp viễn thông được ${(before + 1).toLocaleString('vi-VN')} tuyến`)
    await officer.page.locator('[data-testid=summary-table] tbody tr').first().waitFor()
    await officer.page.locator('.cb-chart-svg').first().waitFor()
    await officer.screenshot(`${SCREENS}/cables-summary-desktop.png`)
    expect(officer.errors).toEqual([])
  })
})

describe('importing routes', () => {
  it('refuses a file with a bad feature, names it and why, and stores nothing', async () => {
    const officer = await signedIn('officer')
    await officer.open('/cables/import')
    const file = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Tuyến tốt', carriers: 'viettel' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [106.7, 10.77],
              [106.71, 10.775],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { name: 'Tuyến một vị trí', carriers: 'viettel' },
          geometry: { type: 'LineString', coordinates: [[106.701, 10.77]] },
        },
        { type: 'Feature', properties: { name: 'Một điểm' }, geometry: { type: 'Point', coordinates: [106.7, 10.77] } },
      ],
    }
    await officer.page.locator('[data-testid=route-import-form] input[type=file]').setInputFiles({
      name: 'tuyen.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(file)),
    })
    await officer.page.locator('[data-testid=route-import-form] button[type=submit]').click()
    await officer.page.locator('[data-testid=import-refused]').waitFor()
    const rejected = await officer.page.locator('[data-testid=import-rejected] tbody tr').allInnerTexts()
    expect(rejected).toHaveLength(1)
    expect(rejected[0]).toMatch(/two or more coordinates/)
    await expect(officer.page.locator('[data-testid=import-skipped] tbody tr').innerText()).resolves.toMatch(
      /not a route/,
    )
    await officer.screenshot(`${SCREENS}/cables-import-desktop.png`)
    expect(officer.errors).toEqual([])
  })
})

describe('roles', () => {
  it('shows a carrier its own routes only, with no carrier filter, on a phone', async () => {
    const carrier = await signedIn('viettel', PHONE)
    await carrier.open('/cables')
    await carrier.waitForCablesMap()
    const rows = carrier.page.locator('[data-testid=route-list] .cb-row-sub')
    await rows.first().waitFor()
    for (const text of await rows.allInnerTexts()) expect(text).toContain('viettel')
    await expect(carrier.page.locator('.cb-filters select').count()).resolves.toBe(3)
    await expect(carrier.page.locator('[data-testid=route-new]').count()).resolves.toBe(1)
    await carrier.screenshot(`${SCREENS}/cables-map-phone.png`)
    await carrier.open('/cable-summary')
    await carrier.page.locator('[data-testid=summary-sentence]').waitFor()
    await carrier.screenshot(`${SCREENS}/cables-summary-phone.png`)
    expect(carrier.errors).toEqual([])
  })

  it('offers an inspector no drawing or import', async () => {
    const inspector = await signedIn('inspector')
    await inspector.open('/cables')
    await inspector.page.locator('[data-testid=route-list] .cb-row').first().waitFor()
    await expect(inspector.page.locator('[data-testid=route-new], [data-testid=route-import]').count()).resolves.toBe(0)
  })
})
