import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FetchSource, PMTiles } from 'pmtiles'
import { loadConfig } from '../../server/config'
import { startTestApp, type TestApp } from '../helpers/app'
import { streetArchive, tileCentre } from '../helpers/street-archive'

const ARCHIVE = '/basemap/archive.pmtiles'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-basemap-'))
const file = path.join(dir, 'streets.pmtiles')
const bytes = streetArchive(tileCentre(15, 26096, 15396))
fs.writeFileSync(file, bytes)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const body = async (res: Response) => new Uint8Array(await res.arrayBuffer())

describe('a PMTiles basemap served from BASEMAP_PMTILES', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ BASEMAP_PMTILES: file })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('answers a byte range with 206, its Content-Range and exactly those bytes', async () => {
    const res = await app.request('GET', ARCHIVE, { headers: { range: 'bytes=7-126' } })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toBe(`bytes 7-126/${bytes.length}`)
    expect(res.headers.get('content-length')).toBe('120')
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(res.headers.get('content-type')).toBe('application/vnd.pmtiles')
    expect(await body(res)).toEqual(bytes.slice(7, 127))
  })

  it('cuts a range that runs past the end at the last byte, and serves a suffix range', async () => {
    const from = bytes.length - 50
    const past = await app.request('GET', ARCHIVE, { headers: { range: `bytes=${from}-${bytes.length + 16_384}` } })
    expect(past.status).toBe(206)
    expect(past.headers.get('content-range')).toBe(`bytes ${from}-${bytes.length - 1}/${bytes.length}`)
    expect(await body(past)).toEqual(bytes.slice(from))
    const tail = await app.request('GET', ARCHIVE, { headers: { range: 'bytes=-10' } })
    expect(tail.status).toBe(206)
    expect(await body(tail)).toEqual(bytes.slice(-10))
  })

  it('answers a range that starts after the end with 416 and the length', async () => {
    const res = await app.request('GET', ARCHIVE, { headers: { range: `bytes=${bytes.length}-` } })
    expect(res.status).toBe(416)
    expect(res.headers.get('content-range')).toBe(`bytes */${bytes.length}`)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
  })

  it('answers HEAD with the length, a strong ETag and no body', async () => {
    const res = await app.request('HEAD', ARCHIVE)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe(String(bytes.length))
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/)
    expect((await body(res)).length).toBe(0)
  })

  it('answers the whole file without a Range, 304 on its ETag, and the whole file when If-Range is stale', async () => {
    const whole = await app.request('GET', ARCHIVE)
    expect(whole.status).toBe(200)
    expect(await body(whole)).toEqual(bytes)
    const etag = whole.headers.get('etag')!
    // fetch() adds `Cache-Control: no-cache` to a conditional request unless told otherwise; a browser cache does not
    const revalidate = { 'if-none-match': etag, 'cache-control': 'max-age=0' }
    expect((await app.request('GET', ARCHIVE, { headers: revalidate })).status).toBe(304)
    const stale = await app.request('GET', ARCHIVE, { headers: { range: 'bytes=0-9', 'if-range': '"0-0"' } })
    expect(stale.status).toBe(200)
    expect((await body(stale)).length).toBe(bytes.length)
    const fresh = await app.request('GET', ARCHIVE, { headers: { range: 'bytes=0-9', 'if-range': etag } })
    expect(fresh.status).toBe(206)
  })

  it('is read tile by tile by the pmtiles library over HTTP', async () => {
    const archive = new PMTiles(new FetchSource(app.url + ARCHIVE))
    expect((await archive.getHeader()).maxZoom).toBe(15)
    const tile = await archive.getZxy(15, 26096, 15396)
    expect(tile?.data.byteLength).toBeGreaterThan(100)
  })

  it('tells the client to draw the served archive, with no notice', async () => {
    const res = await app.request('GET', '/api/basemap')
    expect(await res.json()).toEqual({ street: { kind: 'pmtiles', url: ARCHIVE }, imagery: null, notice: null })
  })
})

describe('without a PMTiles archive', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ BASEMAP_STYLE_URL: '', BASEMAP_PMTILES: '' })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('answers the archive path with a 404 problem, not the app page', async () => {
    for (const method of ['GET', 'HEAD']) {
      const res = await app.request(method, ARCHIVE, { headers: { range: 'bytes=0-99' } })
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    }
  })

  it('tells the admin that no street basemap is configured', async () => {
    const res = await app.request('GET', '/api/basemap')
    expect(await res.json()).toEqual({ street: null, imagery: null, notice: 'unconfigured' })
  })
})

describe('an unreadable archive, a style URL and imagery', () => {
  let app: TestApp
  beforeAll(async () => {
    const notPmtiles = path.join(dir, 'not.pmtiles')
    fs.writeFileSync(notPmtiles, '{"type":"FeatureCollection"}')
    app = await startTestApp({
      BASEMAP_PMTILES: notPmtiles,
      BASEMAP_STYLE_URL: 'https://styles.example.vn/streets/style.json',
      BASEMAP_IMAGERY_URL: 'https://imagery.example.vn/{z}/{x}/{y}.jpg',
      BASEMAP_IMAGERY_ATTRIBUTION: 'Ảnh © Ví dụ',
    })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('falls back to the style URL, offers the imagery and says the archive cannot be read', async () => {
    const res = await app.request('GET', '/api/basemap')
    expect(await res.json()).toEqual({
      street: { kind: 'style', url: 'https://styles.example.vn/streets/style.json' },
      imagery: { tiles: 'https://imagery.example.vn/{z}/{x}/{y}.jpg', attribution: 'Ảnh © Ví dụ' },
      notice: 'archive-unreadable',
    })
    expect((await app.request('GET', ARCHIVE)).status).toBe(404)
  })

  it('lets the page reach the style and imagery origins and no other', async () => {
    const csp = (await app.request('GET', '/api/health')).headers.get('content-security-policy')!
    const directive = (name: string) =>
      csp
        .split(';')
        .find((d) => d.trim().startsWith(`${name} `))!
        .trim()
        .split(/\s+/)
        .slice(1)
    expect(directive('connect-src')).toEqual(["'self'", 'https://styles.example.vn', 'https://imagery.example.vn'])
    expect(directive('img-src')).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://styles.example.vn',
      'https://imagery.example.vn',
    ])
  })
})

describe('basemap configuration', () => {
  it('refuses an imagery URL that is not an http(s) XYZ template', () => {
    expect(() => loadConfig({ BASEMAP_IMAGERY_URL: 'https://imagery.example.vn/tiles.jpg' })).toThrow(/\{z\}/)
    expect(() => loadConfig({ BASEMAP_IMAGERY_URL: 'file:///{z}/{x}/{y}.png' })).toThrow(/http/)
    expect(loadConfig({ BASEMAP_PMTILES: 'maps/vn.pmtiles' }).basemapPmtiles).toBe(path.resolve('maps/vn.pmtiles'))
  })
})
