import crypto from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../gis-data/demo'
import { formatNumber } from '../../shared/format'
import { ApiSession, FieldDriver } from './field-driver'
import { DESKTOP, PHONE } from './helpers/browser'
import { startCutProxy, type CutProxy } from './helpers/cut-proxy'
import { withExif } from './helpers/jpeg-exif'
import { SCREENS, setupE2eApp } from './helpers/suite'

// Issue 13, field mode: the inspector's phone loads today's assignments, loses the network, records two
// inspections with photos, reloads the page offline (served by the service worker, drafts from IndexedDB), and
// syncs each record exactly once when the network returns; a record against an asset changed meanwhile is shown
// as a conflict and written only when the inspector records it again.

const proxies: CutProxy[] = []
// each page reaches the server through its own proxy, whose cable the test can pull
const { open } = setupE2eApp(async (page, url) => {
  const proxy = await startCutProxy(url)
  proxies.push(proxy)
  return new FieldDriver(page, proxy.url, proxy, url)
})
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()))
})

interface Station {
  id: number
  state: string
  mastClass: string
  mastHeightM: number | string
  version: number
}
interface Asset {
  label: string
  lon: number
  lat: number
  approved: { heightM: number | string; mastClass: string }
}
interface Photo {
  id: number
  takenAt: string | null
  lon: number | null
  lat: number | null
  url: string
}
interface Inspection {
  id: number
  assetId: number
  state: string
  verdict: string | null
  violations: { rule: string }[]
  measured: { heightM?: number | string }
  clientId: string | null
  asset: Asset
  photos: Photo[]
}

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)

async function sessions(app: FieldDriver) {
  const officer = await ApiSession.signIn(app.serverUrl, 'officer', DEMO_PASSWORD)
  const inspector = await ApiSession.signIn(app.serverUrl, 'inspector', DEMO_PASSWORD)
  // on PostgreSQL the demo layers load after the server listens
  for (const until = Date.now() + 600_000; ; ) {
    const health = await officer.get<{ demo: string[] }>('/api/health')
    if (health.demo.includes('stations')) break
    if (Date.now() > until) throw new Error('the demo stations did not load in time')
    await new Promise((r) => setTimeout(r, 1000))
  }
  return { officer, inspector }
}

/** In-service stations of a mast class with no inspection yet, by id. */
async function freshStations(officer: ApiSession, mastClass: string): Promise<Station[]> {
  const page = await officer.get<{ items: Station[] }>(
    `/api/stations?state=in_service&mastClass=${mastClass}&limit=20&sort=id`,
  )
  const out: Station[] = []
  for (const s of page.items) {
    const seen = await officer.get<{ items: unknown[] }>(`/api/inspections?assetKind=station&assetId=${s.id}`)
    if (seen.items.length === 0) out.push(s)
  }
  return out
}

async function assign(officer: ApiSession, inspectorId: number, stationId: number): Promise<Inspection> {
  const made = await officer.call<Inspection>('POST', '/api/inspections', {
    assetKind: 'station',
    assetId: stationId,
    inspectorId,
    dueOn: today(),
    purpose: 'routine',
  })
  expect(made.status, JSON.stringify(made.data)).toBe(201)
  return officer.get<Inspection>(`/api/inspections/${made.data.id}`)
}

/** The inspections of a station as the officer reads them. */
async function ofStation(officer: ApiSession, stationId: number): Promise<Inspection[]> {
  const list = await officer.get<{ items: Inspection[] }>(`/api/inspections?assetKind=station&assetId=${stationId}`)
  return Promise.all(list.items.map((i) => officer.get<Inspection>(`/api/inspections/${i.id}`)))
}

/** A point `metres` north of another (for placing the phone near a target). */
const north = ([lon, lat]: [number, number], metres: number): [number, number] => [lon, lat + metres / 111_320]
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex')

describe('field mode on a phone, offline (Chromium, 390×844)', () => {
  it('records two inspections with photos offline, keeps them over an offline reload, syncs each once', async () => {
    const app = await open(PHONE)
    const { officer, inspector } = await sessions(app)
    const [a, b] = await freshStations(officer, 'A2b')
    expect(a && b, 'two in-service A2b stations without inspections').toBeTruthy()
    const ia = await assign(officer, inspector.user.id, a!.id)
    const ib = await assign(officer, inspector.user.id, b!.id)
    const atA: [number, number] = [ia.asset.lon, ia.asset.lat]
    const atB: [number, number] = [ib.asset.lon, ib.asset.lat]

    // the phone stands 40 m north of B: B is listed first
    await app.placePhone(north(atB, 40))
    await app.signIn('inspector', DEMO_PASSWORD)
    await app.openField()
    const listed = (await app.assignments()).filter((x) => [ia.asset.label, ib.asset.label].includes(x.label))
    expect(listed.map((x) => x.label)).toEqual([ib.asset.label, ia.asset.label])
    expect(listed[0]!.distance).toMatch(/^↑?\s*4\d m · N 180°$/)
    await app.waitOfflineReady()
    await app.screenshot(`${SCREENS}/field-list-phone.png`)

    await app.goOffline()
    await expect.poll(() => app.netState()).toContain('Mất mạng')

    // A: 6 m over the approved height, two photos; B: as approved, one photo
    const photo = async (name: string, hue: number, at: [number, number], minutesAgo: number) => {
      const takenAt = new Date(Math.floor(Date.now() / 1000 - minutesAgo * 60) * 1000)
      const buffer = withExif(await app.canvasJpeg(64, 48, hue), { takenAt, lon: at[0], lat: at[1] })
      return { name, buffer, at, takenAt }
    }
    const photosA = [await photo('a1.jpg', 10, atA, 20), await photo('a2.jpg', 120, atA, 19)]
    const photosB = [await photo('b1.jpg', 220, atB, 5)]
    const heightA = Number(ia.asset.approved.heightM) + 6
    await app.openAssignment(ia.asset.label)
    await app.answerChecklistYes()
    await app.fill('heightM', String(heightA).replace('.', ','))
    await app.chooseMastClass(ia.asset.approved.mastClass)
    // position corrected to the phone's, far from A's record: a second violation
    expect(await app.useMyPosition()).toMatch(/cách vị trí hồ sơ [\d.,]+ (m|km)/)
    await app.takePhotos(photosA)
    await app.screenshot(`${SCREENS}/field-form-phone.png`)
    await app.saveRecord()
    await app.openAssignment(ib.asset.label)
    await app.answerChecklistYes()
    await app.fill('heightM', String(ib.asset.approved.heightM).replace('.', ','))
    await app.chooseMastClass(ib.asset.approved.mastClass)
    await app.takePhotos(photosB)
    await app.saveRecord()
    expect((await app.queue()).map((q) => [q.label, q.state])).toEqual(
      expect.arrayContaining([
        [ia.asset.label, 'waiting'],
        [ib.asset.label, 'waiting'],
      ]),
    )

    // reloaded with no network at all: the shell comes from the service worker, the drafts from IndexedDB
    await app.page.reload()
    await app.waitForField()
    await app.page.locator('[data-testid=from-device]').waitFor()
    const kept = await app.queue()
    expect(kept.find((q) => q.label === ia.asset.label)).toMatchObject({ state: 'waiting' })
    expect(kept.find((q) => q.label === ia.asset.label)?.text).toContain('2 ảnh')
    expect(kept.find((q) => q.label === ib.asset.label)?.text).toContain('1 ảnh')
    expect(await app.page.evaluate(() => navigator.onLine)).toBe(false)
    expect(await app.page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
    await app.screenshot(`${SCREENS}/field-queue-offline-phone.png`)
    // the map of the area draws the stations' vector tiles the worker kept
    expect(await app.offlineStationsDrawn()).toBeGreaterThan(0)
    await app.screenshot(`${SCREENS}/field-map-offline-phone.png`)
    // nothing reached the server meanwhile
    for (const s of [a!, b!]) expect((await ofStation(officer, s.id)).map((i) => i.state)).toEqual(['assigned'])

    await app.goOnline()
    await expect.poll(() => app.queueState(ia.asset.label), { timeout: 60_000 }).toBe('done')
    await expect.poll(() => app.queueState(ib.asset.label), { timeout: 60_000 }).toBe('done')
    await app.screenshot(`${SCREENS}/field-queue-synced-phone.png`)
    // a reload online runs the sync again: nothing is sent twice
    await app.page.reload()
    await app.waitForField()
    await new Promise((r) => setTimeout(r, 2000))

    for (const [station, photos, verdict] of [
      [a!, photosA, 'violation'],
      [b!, photosB, 'compliant'],
    ] as const) {
      const all = await ofStation(officer, station.id)
      expect(all).toHaveLength(1)
      const rec = all[0]!
      expect(rec).toMatchObject({ state: 'recorded', verdict })
      expect(rec.photos).toHaveLength(photos.length)
      // sent in the order taken: the original bytes, EXIF and all (never re-encoded); the server read the EXIF
      // time (to the second) and place
      for (const [i, p] of rec.photos.entries()) {
        expect(sha(await officer.bytes(p.url))).toBe(sha(photos[i]!.buffer))
        expect(p.takenAt && new Date(p.takenAt).getTime()).toBe(photos[i]!.takenAt.getTime())
        expect(p.lon).toBeCloseTo(photos[i]!.at[0], 4)
        expect(p.lat).toBeCloseTo(photos[i]!.at[1], 4)
      }
    }
    // the station shows the violation: height over the approved one
    const history = await officer.get<{ items: Inspection[] }>(`/api/assets/station/${a!.id}/inspections`)
    expect(history.items[0]).toMatchObject({ verdict: 'violation' })
    expect(history.items[0]!.violations.map((v) => v.rule)).toEqual(
      expect.arrayContaining(['height_over', 'position_off']),
    )
    expect(Number((await ofStation(officer, a!.id))[0]!.measured.heightM)).toBe(heightA)
    // … and the station's page shows it to the officer
    const desk = await open(DESKTOP)
    await desk.signIn('officer', DEMO_PASSWORD)
    await desk.page.goto(`${desk.baseUrl}/stations/${a!.id}`)
    const item = desk.page.locator(
      '[data-testid=inspection-history] [data-testid=inspection-item][data-verdict=violation]',
    )
    await item.first().waitFor({ timeout: 60_000 })
    expect(await item.first().innerText()).toContain(`Chiều cao đo được ${formatNumber(heightA, 'vi', 2)} m`)
    await item.first().scrollIntoViewIfNeeded()
    await desk.screenshot(`${SCREENS}/field-station-violation-desktop.png`)
    expect(app.errors).toEqual([])
    expect(desk.errors).toEqual([])
  }, 900_000)

  it('shows a conflict when the asset changed on the server meanwhile; writes only when recorded again', async () => {
    const app = await open(DESKTOP)
    const { officer, inspector } = await sessions(app)
    // a tower: the conversion programme (which freezes a mast's height) holds only A2a masts
    const [station] = await freshStations(officer, 'A2b')
    expect(station, 'an in-service A2b station without inspections').toBeTruthy()
    const insp = await assign(officer, inspector.user.id, station!.id)
    const seenHeight = Number(insp.asset.approved.heightM)
    const newHeight = seenHeight <= 70 ? seenHeight + 3 : seenHeight - 3
    await app.placePhone(north([insp.asset.lon, insp.asset.lat], 15))
    await app.signIn('inspector', DEMO_PASSWORD)
    await app.openField()
    await app.waitOfflineReady()
    await app.screenshot(`${SCREENS}/field-list-desktop.png`)
    await app.goOffline()

    // meanwhile on the server the officer changes the approved height
    const current = await officer.get<Station>(`/api/stations/${station!.id}`)
    const patched = await officer.call('PATCH', `/api/stations/${station!.id}`, {
      version: current.version,
      mastHeightM: newHeight,
    })
    expect(patched.status, JSON.stringify(patched.data)).toBe(200)

    await app.openAssignment(insp.asset.label)
    await app.answerChecklistYes()
    await app.fill('heightM', String(seenHeight).replace('.', ','))
    await app.saveRecord()
    await app.goOnline()
    await expect.poll(() => app.queueState(insp.asset.label), { timeout: 60_000 }).toBe('conflict')
    const row = app.page.locator('[data-testid=conflict] tr[data-field="approved.heightM"]')
    const [seen, now] = [formatNumber(seenHeight, 'vi', 2), formatNumber(newHeight, 'vi', 2)]
    await expect.poll(() => row.innerText()).toMatch(new RegExp(`${seen}\\s+${now}`))
    await app.screenshot(`${SCREENS}/field-conflict-desktop.png`)
    // not written over: the inspection still waits for its result
    expect((await ofStation(officer, station!.id)).map((i) => i.state)).toEqual(['assigned'])

    await app.page.locator('[data-testid=rerecord]').click()
    await app.page.locator('[data-testid=rerecord-note]').waitFor()
    await app.saveRecord()
    await expect.poll(() => app.queueState(insp.asset.label), { timeout: 60_000 }).toBe('done')
    const all = await ofStation(officer, station!.id)
    expect(all).toHaveLength(1)
    // compared with the height approved now (tolerance 1 m by default)
    const verdict = seenHeight > newHeight + 1 ? 'violation' : 'compliant'
    expect(all[0]).toMatchObject({ state: 'recorded', verdict })
    expect(Number(all[0]!.measured.heightM)).toBe(seenHeight)
    expect(app.errors).toEqual([])
  }, 900_000)
})
