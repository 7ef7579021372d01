import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../gis-data/demo'
import { streetArchive, tileCentre } from '../helpers/street-archive'
import { BasemapDriver } from './basemap-driver'
import { PHONE } from './helpers/browser'
import { ADMIN_PASSWORD } from './helpers/server'
import { SCREENS, setupE2eApp } from './helpers/suite'

// A street archive around a point of the demo province (Hồ Chí Minh City), written before the server starts.
const CENTRE = tileCentre(15, 26096, 15396)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-e2e-basemap-'))
const archive = path.join(dir, 'streets.pmtiles')
fs.writeFileSync(archive, streetArchive(CENTRE))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const { open } = setupE2eApp((page, url) => new BasemapDriver(page, url), { env: { BASEMAP_PMTILES: archive } })
const DESKTOP = { width: 1280, height: 800 }

/** An officer's map page with the network cut off before the first request. */
async function offlineMap(viewport: { width: number; height: number }): Promise<BasemapDriver> {
  const app = await open(viewport)
  await app.cutOffNetwork()
  await app.signIn('officer', DEMO_PASSWORD)
  await app.openSection('/map')
  await app.waitForDistricts()
  return app
}

describe('a street basemap from a local PMTiles archive, with no network', () => {
  it('draws the archive’s streets at zoom 16, unlike the map with no basemap, asking only 127.0.0.1', async () => {
    const app = await offlineMap(DESKTOP)
    await app.showAt(CENTRE, 16)
    expect(await app.renderedStreetNames()).toEqual(expect.arrayContaining(['Đường số 5', 'Hẻm 5']))
    const streets = await app.mapShot(`${SCREENS}/basemap-streets-desktop.png`)

    await app.chooseBasemap('none')
    expect(await app.renderedStreetNames()).toEqual([])
    const bare = await app.mapShot(`${SCREENS}/basemap-none-desktop.png`)

    expect(await app.differingShare(streets, bare)).toBeGreaterThan(0.05)
    expect(app.archiveStatuses.length).toBeGreaterThan(0)
    expect(app.archiveStatuses.every((s) => s === 206 || s === 304)).toBe(true)
    expect(app.external).toEqual([])
    expect(app.errors).toEqual([])
  })

  it('remembers the choice for the next map on the same device', async () => {
    const app = await offlineMap(DESKTOP)
    await app.chooseBasemap('none')
    await app.page.reload()
    await app.waitForDistricts()
    await app.page.locator('[data-basemap=none][aria-pressed=true]').waitFor()
    await app.chooseBasemap('street')
    await app.showAt(CENTRE, 16)
    expect((await app.renderedStreetNames()).length).toBeGreaterThan(0)
    expect(app.external).toEqual([])
  })

  it('fits the switch on a phone screen beside the map’s controls', async () => {
    const app = await offlineMap(PHONE)
    await app.showAt(CENTRE, 16)
    await app.page.screenshot({ path: `${SCREENS}/basemap-streets-phone.png` })
    const box = (await app.page.locator('[data-testid=basemap-switch]').boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width)
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height)
    const zoom = (await app.page.locator('.maplibregl-ctrl-zoom-in').boundingBox())!
    const apart = box.y >= zoom.y + zoom.height || box.x + box.width <= zoom.x
    expect(apart).toBe(true)
    expect(app.external).toEqual([])
  })
})

describe('the admin notice', () => {
  it('tells an admin, and only an admin, that no street basemap is configured', async () => {
    const unconfigured = { street: null, imagery: null, notice: 'unconfigured' }
    const admin = await open(DESKTOP)
    await admin.cutOffNetwork()
    await admin.page.route('**/api/basemap', (route) => route.fulfill({ json: unconfigured }))
    await admin.signIn('admin', ADMIN_PASSWORD)
    await admin.openSection('/map')
    const notice = admin.page.locator('[data-testid=basemap-notice]')
    await notice.waitFor()
    expect(await notice.innerText()).toContain('BASEMAP_PMTILES')
    expect(await admin.page.locator('[data-testid=basemap-switch]').count()).toBe(0)
    await admin.page.screenshot({ path: `${SCREENS}/basemap-notice-desktop.png` })

    const officer = await open(DESKTOP)
    await officer.page.route('**/api/basemap', (route) => route.fulfill({ json: unconfigured }))
    await officer.signIn('officer', DEMO_PASSWORD)
    await officer.openSection('/map')
    await officer.waitForDistricts()
    expect(await officer.page.locator('[data-testid=basemap-notice]').count()).toBe(0)
  })
})
