import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DESKTOP, PHONE } from './helpers/browser'
import { ADMIN_PASSWORD } from './helpers/server'
import { setupE2eApp } from './helpers/suite'
import { HomeMapDriver, type LayerState } from './home-map-driver'
import { DEMO_PASSWORD } from '../../gis-data/demo'

// Issue 11: the home map shows every layer the role may see (and none it may not), at desktop and phone size;
// the search finds a site by code, by decision number and by a VN-2000 coordinate. Screenshots are kept in
// test/e2e/out/ (CI keeps the folder as an artifact; git ignores it).
const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'out')
fs.mkdirSync(OUT, { recursive: true })

// Each test signs in, loads the whole demo city's map, reloads it and searches three times: minutes on a busy
// 2-core machine.
const SLOW = 300_000

const { open } = setupE2eApp((page, url) => new HomeMapDriver(page, url))

const SIGNED_IN_LAYERS = [
  'home-zones-fill',
  'home-zones-line',
  'home-station-cells',
  'home-stations',
  'home-applications',
  'cable-routes-planned',
  'cable-routes-building',
  'cable-routes-done',
  'cable-poles',
  'home-items',
  'districts-fill',
  'districts-line',
  'districts-label',
]
// on by default; conversion items are one click away (a programme's 3,700 points would hide the rest)
const SHOWN_BY_DEFAULT = SIGNED_IN_LAYERS.filter((id) => id !== 'home-items')
const PUBLIC_FORBIDDEN = SIGNED_IN_LAYERS.filter((id) => id.startsWith('home-zones') || id.startsWith('cable-')).concat(
  ['home-items', 'home-applications'],
)

const SIZES = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const

interface Station {
  id: number
  siteCode: string
  decisionNo: string | null
  state: string
  operator: { shortName: string }
  position: { coordinates: [number, number] }
}

async function signIn(role: string, viewport: { width: number; height: number }): Promise<HomeMapDriver> {
  const app = await open(viewport)
  await app.signIn(role, role === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD)
  await app.page.waitForURL('**/map')
  await app.waitForHomeMap()
  return app
}

const byId = (layers: LayerState[]) => new Map(layers.map((l) => [l.id, l.visible]))

/** Every signed-in role's layers present and shown, with stations drawn; a screenshot of the map and its tree. */
async function checkSignedInMap(app: HomeMapDriver, name: string): Promise<void> {
  const layers = byId(await app.appLayers())
  for (const id of SIGNED_IN_LAYERS) expect(layers.has(id), `${name}: layer ${id}`).toBe(true)
  for (const id of SHOWN_BY_DEFAULT) expect(layers.get(id), `${name}: ${id} shown`).toBe(true)
  const drawn = await app.renderedCounts(['home-station-cells', 'home-stations', 'districts-fill'])
  expect(drawn['home-station-cells']! + drawn['home-stations']!, `${name}: stations drawn`).toBeGreaterThan(0)
  expect(drawn['districts-fill'], `${name}: districts drawn`).toBeGreaterThan(0)
  expect(await app.scrollsSideways()).toBe(false)
  await app.screenshot(`${OUT}/home-map-${name}.png`)
  await app.openLayers()
  const groups = await app.page
    .locator('[data-layer-group]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-layer-group')))
  expect(groups).toEqual(
    expect.arrayContaining(['stations', 'applications', 'routes', 'poles', 'zones', 'items', 'districts']),
  )
  // the programme's items appear when their layer is switched on, and the choice outlives a reload
  await app.page.locator('[data-layer-group=items]').check()
  await app.page.waitForFunction(() => window.__map!.getLayoutProperty('home-items', 'visibility') === 'visible')
  await app.screenshot(`${OUT}/home-map-${name}-layers.png`)
  await app.page.reload()
  await app.waitForHomeMap()
  expect(byId(await app.appLayers()).get('home-items')).toBe(true)
  await app.page.waitForFunction(() => window.__map!.querySourceFeatures('home-items').length > 0, undefined, {
    timeout: 30_000,
  })
}

/** The search finds the station by code and decision number, and its place by a VN-2000 pair; Enter flies there. */
async function checkSearch(app: HomeMapDriver, station: Station, name: string): Promise<void> {
  const found = await app.search(station.siteCode)
  expect(found).toContain(station.siteCode)
  await app.searchEnter()
  const card = await app.infoText()
  expect(card).toContain(station.siteCode)
  expect(await app.page.locator('[data-testid=card-link]').getAttribute('href')).toBe(`/stations/${station.id}`)
  const [lon, lat] = station.position.coordinates
  const centre = await app.mapCentre()
  expect(centre[0]).toBeCloseTo(lon, 3)
  expect(centre[1]).toBeCloseTo(lat, 3)
  await app.screenshot(`${OUT}/home-search-code-${name}.png`)

  if (station.decisionNo) {
    // one decision may approve many stations: the box lists them, the station among them
    expect(await app.search(station.decisionNo)).toContain(station.decisionNo)
    const ids: number[] = []
    for (let offset = 0, total = 1; offset < total; offset += 50) {
      const page = await app.api<{ items: { kind: string; id: number }[]; total: number }>(
        `/api/search?q=${encodeURIComponent(station.decisionNo)}&limit=50&offset=${offset}`,
      )
      total = page.total
      ids.push(...page.items.filter((i) => i.kind === 'station').map((i) => i.id))
    }
    expect(ids).toContain(station.id)
  }

  const conv = await app.api<{ points: [number, number][] }>('/api/coordinates/convert', {
    method: 'POST',
    body: { from: 'wgs84', to: 'vn2000-tm3', zone: '79', points: [[lon, lat]] },
  })
  const [easting, northing] = conv.points[0]!
  const vi = (n: number) => n.toFixed(2).replace('.', ',')
  // Y (easting) first, as people often type it: the server reads the order
  await app.search(`Y=${vi(easting)} X=${vi(northing)}`)
  await app.page.locator('[data-testid=search-results] [data-kind=coordinate]').waitFor()
  await app.searchEnter()
  const info = await app.infoText()
  expect(info).toContain('VN-2000')
  const at = await app.mapCentre()
  expect(at[0]).toBeCloseTo(lon, 3)
  expect(at[1]).toBeCloseTo(lat, 3)
  await app.screenshot(`${OUT}/home-search-vn2000-${name}.png`)
}

/** A decided station the user may open: in service or approved, with a decision number. */
async function decidedStation(app: HomeMapDriver, operator?: string): Promise<Station> {
  const list = await app.api<{ items: Station[] }>(
    `/api/stations?state=in_service&limit=50${operator ? `&operator=${operator}` : ''}`,
  )
  const s = list.items.find((i) => i.decisionNo) ?? list.items[0]
  expect(s, 'a station in service in the demo').toBeDefined()
  return s!
}

describe('the home map of each role', () => {
  for (const [size, viewport] of SIZES) {
    it(
      `officer (${size}): every layer, and search by code, decision number and VN-2000`,
      async () => {
        const app = await signIn('officer', viewport)
        await checkSignedInMap(app, `officer-${size}`)
        await checkSearch(app, await decidedStation(app), `officer-${size}`)
        expect(app.errors).toEqual([])
      },
      SLOW,
    )

    it(
      `inspector (${size}): every layer, and search`,
      async () => {
        const app = await signIn('inspector', viewport)
        await checkSignedInMap(app, `inspector-${size}`)
        await checkSearch(app, await decidedStation(app), `inspector-${size}`)
        expect(app.errors).toEqual([])
      },
      SLOW,
    )

    it(
      `admin (${size}): every layer`,
      async () => {
        const app = await signIn('admin', viewport)
        await checkSignedInMap(app, `admin-${size}`)
        expect(app.errors).toEqual([])
      },
      SLOW,
    )

    it(
      `carrier (${size}): every layer, only its own applications, and only its own sites in search`,
      async () => {
        const app = await signIn('viettel', viewport)
        await checkSignedInMap(app, `carrier-${size}`)
        // zoomed in where the tiles carry each station: another carrier's station shows no site code or state
        const own = await decidedStation(app)
        expect(own.operator.shortName).toBe('viettel')
        await checkSearch(app, own, `carrier-${size}`)
        await app.page.evaluate(() => window.__map!.zoomTo(13, { animate: false }))
        await app.waitForHomeMap()
        const carriers = await app.renderedValues('home-applications', 'carrier')
        expect(carriers.every((c) => c === 'viettel')).toBe(true)
        const others = await app.page.evaluate(() =>
          window
            .__map!.queryRenderedFeatures({ layers: ['home-stations'] })
            .filter((f) => f.properties.carrier !== 'viettel')
            .map((f) => [f.properties.site_code ?? null, f.properties.state ?? null]),
        )
        expect(others.flat().every((v) => v === null)).toBe(true)
        // another carrier's site is not found
        const officer = await signIn('officer', DESKTOP)
        const theirs = await decidedStation(officer, 'mobifone')
        expect(await app.search(theirs.siteCode)).toContain('Không tìm thấy')
        expect(app.errors).toEqual([])
      },
      SLOW,
    )
  }
})

describe('the public map', () => {
  for (const [size, viewport] of SIZES) {
    it(
      `(${size}) shows stations in service and districts only, and finds a district and a coordinate`,
      async () => {
        const app = await open(viewport)
        await app.open('/public/map')
        await app.waitForHomeMap()
        const layers = byId(await app.appLayers())
        expect(layers.get('stations-point') ?? layers.get('stations-cluster')).toBe(true)
        for (const id of PUBLIC_FORBIDDEN) expect(layers.has(id), `public: ${id} absent`).toBe(false)
        expect(await app.scrollsSideways()).toBe(false)
        await app.screenshot(`${OUT}/public-map-${size}.png`)
        const district = (
          await app.api<{ features: { properties: { name: string } }[] }>('/api/admin-units?level=district&province=79')
        ).features[0]!.properties.name
        expect(await app.search(district)).toContain(district)
        await app.searchEnter()
        await app.search('1191912 603287')
        await app.page.locator('[data-testid=search-results] [data-kind=coordinate]').waitFor()
        await app.searchEnter()
        const [lon, lat] = await app.mapCentre()
        expect(lon).toBeCloseTo(106.7, 1)
        expect(lat).toBeCloseTo(10.776, 1)
        await app.screenshot(`${OUT}/public-search-${size}.png`)
        expect(app.errors).toEqual([])
      },
      SLOW,
    )
  }
})
