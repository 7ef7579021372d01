import crypto from 'node:crypto'
import jpeg from 'jpeg-js'
import piexif from 'piexifjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import type { Json } from '../helpers/json'
import { startProvinceApp } from '../helpers/stations'
import { assign, insertStation } from '../helpers/inspections'
import { demoPhoto } from '../../gis-data/conversions'
import { MAX_PHOTO_BYTES } from '../../server/http/upload'

// Inspection photos: recognised by content (a renamed HTML or SVG file is refused), size-limited, stored once per
// device id, with the EXIF time and GPS position of the photo kept on its row.
let app: TestApp
let center: { lon: number; lat: number }
let officer: string
let inspector: { id: number; cookie: string }
let seq = 0

beforeAll(async () => {
  ;({ app, center } = await startProvinceApp())
  officer = (await app.user('officer1', 'officer')).cookie
  inspector = await app.user('inspector1', 'inspector')
}, 300_000)
afterAll(() => app?.close())

async function inspection(): Promise<number> {
  seq += 1
  const station = await insertStation(app.db, { lon: center.lon + seq * 0.001, lat: center.lat - 0.004 })
  return (await assign(app, officer, { assetKind: 'station', assetId: station.id, inspectorId: inspector.id })).id
}

/** A real 32×24 JPEG (jpeg-js) with EXIF written by piexifjs: DateTimeOriginal and a GPS position. */
function jpegWithExif(taken: string, lat: number, lon: number): Buffer {
  const width = 32
  const height = 24
  const data = Buffer.alloc(width * height * 4)
  for (let i = 0; i < width * height; i++) data.set([40 + (i % width) * 6, 120, 200 - (i % 50), 255], i * 4)
  const plain = jpeg.encode({ data, width, height }, 85).data
  const exif = piexif.dump({
    '0th': { [piexif.ImageIFD.Make]: 'Test phone' },
    Exif: { [piexif.ExifIFD.DateTimeOriginal]: taken },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef]: lat < 0 ? 'S' : 'N',
      [piexif.GPSIFD.GPSLatitude]: piexif.GPSHelper.degToDmsRational(Math.abs(lat)),
      [piexif.GPSIFD.GPSLongitudeRef]: lon < 0 ? 'W' : 'E',
      [piexif.GPSIFD.GPSLongitude]: piexif.GPSHelper.degToDmsRational(Math.abs(lon)),
    },
  })
  return Buffer.from(piexif.insert(exif, Buffer.from(plain).toString('binary')), 'binary')
}

function upload(id: number, body: BodyInit, type: string, clientId: string | null = crypto.randomUUID()) {
  return fetch(`${app.url}/api/inspections/${id}/photos`, {
    method: 'POST',
    headers: { cookie: inspector.cookie, 'content-type': type, ...(clientId ? { 'x-client-id': clientId } : {}) },
    body,
  })
}

const rows = async (id: number) =>
  Number(
    (await app.db.one<{ n: number }>('SELECT count(*) AS n FROM inspection_photos WHERE inspection_id = $1', [id])).n,
  )

describe('inspection photos', () => {
  it('keeps the EXIF time (Vietnam time when no offset) and GPS position of a JPEG', async () => {
    const id = await inspection()
    const lat = center.lat + 0.000123
    const lon = center.lon - 0.000456
    const bytes = jpegWithExif('2026:11:30 09:15:30', lat, lon)
    expect(bytes.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(true)
    const res = await upload(id, new Uint8Array(bytes), 'image/jpeg')
    expect(res.status).toBe(201)
    const photo = (await res.json()) as Json
    expect(photo.takenAt).toBe('2026-11-30T02:15:30.000Z')
    // degrees → degrees, minutes and hundredths of seconds in the file: within 0.005" (~15 cm)
    expect(Math.abs(photo.lat - lat)).toBeLessThan(0.005 / 3600 + 1e-9)
    expect(Math.abs(photo.lon - lon)).toBeLessThan(0.005 / 3600 + 1e-9)
    const row = await app.db.one<Json>(
      `SELECT taken_at, ST_X(geom) AS x, ST_Y(geom) AS y, byte_size, media_type, sha256
         FROM inspection_photos WHERE id = $1`,
      [photo.id],
    )
    expect(new Date(row.taken_at).toISOString()).toBe('2026-11-30T02:15:30.000Z')
    expect(row.x).toBeCloseTo(photo.lon, 7)
    expect(row.y).toBeCloseTo(photo.lat, 7)
    expect(Number(row.byte_size)).toBe(bytes.length)
    expect(row.media_type).toBe('image/jpeg')
    expect(row.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'))
    const back = await app.request('GET', `/api/inspections/photos/${photo.id}`, { cookie: officer })
    expect(back.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await back.arrayBuffer()).equals(bytes)).toBe(true)
    const detail = await (await app.request('GET', `/api/inspections/${id}`, { cookie: officer })).json()
    expect(detail.photos).toEqual([
      expect.objectContaining({ id: photo.id, takenAt: expect.stringMatching(/^2026-11-30T02:15:30/) }),
    ])
  })

  it('keeps no position for a phone without a fix (0,0) and nothing for a photo without EXIF', async () => {
    const id = await inspection()
    const noFix = await (
      await upload(id, new Uint8Array(jpegWithExif('2026:11:30 10:00:00', 0, 0)), 'image/jpeg')
    ).json()
    expect(noFix).toMatchObject({ takenAt: '2026-11-30T03:00:00.000Z', lon: null, lat: null })
    const png = await upload(id, new Uint8Array(demoPhoto()), 'image/png')
    expect(png.status).toBe(201)
    expect(await png.json()).toMatchObject({ takenAt: null, lon: null, lat: null })
  })

  it('stores a photo once per device id: a replay answers 200 with the same photo', async () => {
    const id = await inspection()
    const clientId = crypto.randomUUID()
    const bytes = new Uint8Array(jpegWithExif('2026:11:30 11:00:00', center.lat, center.lon))
    const first = await upload(id, bytes, 'image/jpeg', clientId)
    expect(first.status).toBe(201)
    const again = await upload(id, bytes, 'image/jpeg', clientId.toUpperCase())
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual(await first.json())
    expect(await rows(id)).toBe(1)
    const elsewhere = await upload(await inspection(), bytes, 'image/jpeg', clientId)
    expect(elsewhere.status).toBe(409)
    expect((await upload(id, bytes, 'image/jpeg', null)).status).toBe(400)
    expect(await rows(id)).toBe(1)
  })

  it('refuses a renamed HTML or SVG file (415) and a photo over the limit (413), storing nothing', async () => {
    const id = await inspection()
    const html = await upload(id, '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>', 'image/jpeg')
    expect(html.status).toBe(415)
    expect((await html.json()).code).toBe('photo.type')
    const svg = await upload(
      id,
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
      'image/png',
    )
    expect(svg.status).toBe(415)
    const big = Buffer.alloc(MAX_PHOTO_BYTES + 1, 0)
    big.set([0xff, 0xd8, 0xff, 0xe0])
    const tooBig = await upload(id, new Uint8Array(big), 'image/jpeg')
    expect(tooBig.status).toBe(413)
    expect((await tooBig.json()).code).toBe('photo.too_large')
    expect(await rows(id)).toBe(0)
    const audits = await app.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'inspection.photo_add' AND entity_id = $1`,
      [String(id)],
    )
    expect(Number(audits.n)).toBe(0)
  })
})
