import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import { startProvinceApp } from '../helpers/stations'
import { demoPhoto } from '../../gis-data/conversions'
import { MAX_PHOTOS_PER_STATION } from '../../server/stations/photos'

// Field-check photo uploads: the per-station cap holds under concurrency; an oversize body gets a 413 answer.
const PNG = demoPhoto()
let app: TestApp
let viettel: string, inspector: string
let center: { lon: number; lat: number }
let seq = 0

beforeAll(async () => {
  ;({ app, center } = await startProvinceApp())
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
  inspector = (await app.user('inspector1', 'inspector')).cookie
})
afterAll(() => app.close())

/** A station waiting for its field check. */
async function submitted(): Promise<number> {
  seq += 1
  const position = { lon: center.lon + seq * 0.01, lat: center.lat }
  const body = { siteCode: `PH-${seq}`, position, mastClass: 'A2a', mastHeightM: 12, buildingHeightM: 20 }
  const created = await app.request('POST', '/api/stations', { cookie: viettel, body })
  expect(created.status).toBe(201)
  const { id, version } = await created.json()
  const sent = await app.request('POST', `/api/stations/${id}/transitions`, {
    cookie: viettel,
    body: { action: 'submit', version },
  })
  expect(sent.status).toBe(200)
  return id
}

/** Posts a body in chunks without a Content-Length (Transfer-Encoding: chunked); answers status, type and body. */
function chunkedUpload(path: string, total: number): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${app.url}${path}`, {
      method: 'POST',
      headers: { cookie: inspector, 'content-type': 'image/jpeg', 'transfer-encoding': 'chunked' },
    })
    req.on('response', (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }))
    })
    req.on('error', reject)
    const chunk = Buffer.alloc(64 * 1024, 0xff)
    let sent = 0
    const pump = () => {
      while (sent < total) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      req.end()
    }
    pump()
  })
}

describe('photo uploads', () => {
  it('keep at most the cap of photos when 25 arrive at once', async () => {
    const id = await submitted()
    const upload = () =>
      fetch(`${app.url}/api/stations/${id}/photos`, {
        method: 'POST',
        headers: { cookie: inspector, 'content-type': 'image/png' },
        body: new Uint8Array(PNG),
      })
    const answers = await Promise.all(Array.from({ length: 25 }, upload))
    const statuses = answers.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_PHOTOS_PER_STATION)
    expect(statuses.filter((s) => s === 409)).toHaveLength(25 - MAX_PHOTOS_PER_STATION)
    const { n } = await app.db.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM station_photos WHERE station_id = $1',
      [id],
    )
    expect(n).toBe(MAX_PHOTOS_PER_STATION)
  })

  it('answers an oversize chunked upload with 413 problem+json, not a reset, and stores nothing', async () => {
    const id = await submitted()
    const answer = await chunkedUpload(`/api/stations/${id}/photos`, 9 * 1024 * 1024)
    expect(answer.status).toBe(413)
    expect(answer.type).toMatch(/application\/problem\+json/)
    expect(JSON.parse(answer.body)).toMatchObject({ status: 413 })
    const { n } = await app.db.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM station_photos WHERE station_id = $1',
      [id],
    )
    expect(n).toBe(0)
    const headers = { cookie: inspector, 'content-type': 'image/png' }
    const fine = await fetch(`${app.url}/api/stations/${id}/photos`, {
      method: 'POST',
      headers,
      body: new Uint8Array(PNG),
    })
    expect(fine.status).toBe(201)
  })

  it('answers an oversize streamed upload through fetch with 413 too', async () => {
    const id = await submitted()
    const chunk = new Uint8Array(256 * 1024).fill(0xff)
    let left = 40
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (left-- > 0) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const res = await fetch(`${app.url}/api/stations/${id}/photos`, {
      method: 'POST',
      headers: { cookie: inspector, 'content-type': 'image/jpeg' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
  })
})
