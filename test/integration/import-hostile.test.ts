import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { startImportReader } from '../../server/cables/import/import'

// Issue 9 item 1: a hostile 5 MB import is refused quickly and the server keeps answering everyone meanwhile.
const SIZE = 5 * 1024 * 1024
const REFUSED_WITHIN_MS = 2000
const HEALTH_WITHIN_MS = 200
const POLL_MS = 50

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
  // as server/start.ts does once listening
  await startImportReader()
  // a running server has answered health before: the first answer's one-off costs are not the import's
  await (await app.request('GET', '/api/health')).arrayBuffer()
})
afterAll(() => app.close())

const routeCount = async () => (await app.db.one<{ n: number }>('SELECT count(*) AS n FROM cable_routes')).n

// The hostile client sends from its own thread, as a real client sends from its own machine: encoding 5 MB
// for the socket is the client's work and must not be counted against the server's event loop.
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads')
const started = performance.now()
const headers = { 'content-type': 'application/json', cookie: workerData.cookie }
fetch(workerData.url, { method: 'POST', headers, body: workerData.body }).then(async (res) => {
  const text = await res.text()
  const type = res.headers.get('content-type')
  parentPort.postMessage({ status: res.status, type, text, elapsed: performance.now() - started })
})
`

function postFromAnotherThread(body: string, cookie: string) {
  const worker = new Worker(CLIENT, {
    eval: true,
    workerData: { url: `${app.url}/api/cables/routes/import`, cookie, body },
  })
  return new Promise<{ status: number; type: string | null; text: string; elapsed: number }>((resolve, reject) => {
    worker.once('message', (m) => void worker.terminate().then(() => resolve(m)))
    worker.once('error', reject)
  })
}

/** Posts the import while asking /api/health every 50 ms: the import's answer and time, and each health latency. */
async function importWhilePolling(body: string, cookie: string) {
  const latencies: number[] = []
  const polls: Promise<void>[] = []
  const poll = () => {
    const started = performance.now()
    polls.push(
      app.request('GET', '/api/health').then(async (res) => {
        await res.arrayBuffer()
        expect(res.status).toBe(200)
        latencies.push(performance.now() - started)
      }),
    )
  }
  poll()
  const timer = setInterval(poll, POLL_MS)
  const res = await postFromAnotherThread(body, cookie)
  // one more round of polls after the answer, then wait for all of them
  await new Promise((resolve) => setTimeout(resolve, POLL_MS * 2))
  clearInterval(timer)
  await Promise.all(polls)
  return { ...res, problem: JSON.parse(res.text) as { status?: number }, latencies }
}

const envelope = (format: string, content: string) =>
  JSON.stringify({ format, content, kind: 'tidying', carriers: ['viettel'] })

const HOSTILE = {
  'GeoJSON with a 5 MB run of spaces and no end': () =>
    envelope('geojson', `{"type":"FeatureCollection","features":[${' '.repeat(SIZE)}{"type":"Feature","geometry":null`),
  'KML with 5 MB of unclosed tags': () => {
    const open = '<Placemark><name>x<ExtendedData><Data name="a"><value>'
    return envelope(
      'kml',
      `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${open.repeat(SIZE / open.length)}`,
    )
  },
  'JSON nested 5 MB deep': () => envelope('geojson', `{"type":"FeatureCollection","features":${'['.repeat(SIZE)}`),
}

describe('hostile 5 MB route imports (issue 9 item 1)', () => {
  for (const [name, make] of Object.entries(HOSTILE)) {
    it(`refuses ${name} within 2 s while /api/health answers within 200 ms`, async () => {
      const carrier = (await app.user(`c-${name.length}-${Date.now()}`, 'carrier', 'viettel')).cookie
      const body = make()
      expect(body.length).toBeGreaterThan(SIZE)
      const before = await routeCount()
      const r = await importWhilePolling(body, carrier)
      const slowest = Math.max(...r.latencies)
      console.log(
        `${name}: import ${r.status} in ${Math.round(r.elapsed)} ms;`,
        `${r.latencies.length} health answers, slowest ${Math.round(slowest)} ms`,
      )
      expect(r.status).toBeGreaterThanOrEqual(400)
      expect(r.status).toBeLessThan(500)
      expect(r.type).toContain('application/problem+json')
      expect(r.problem.status).toBe(r.status)
      expect(r.elapsed).toBeLessThan(REFUSED_WITHIN_MS)
      // health was asked all through the import (timers run late when the event loop is held)
      expect(r.latencies.length).toBeGreaterThanOrEqual(Math.floor(r.elapsed / (POLL_MS * 2)))
      expect(slowest).toBeLessThan(HEALTH_WITHIN_MS)
      expect(await routeCount()).toBe(before)
    })
  }
})
