import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import type { Json } from '../helpers/json'
import { startProvinceApp } from '../helpers/stations'
import { allYes, assign, insertStation, record } from '../helpers/inspections'
import { demoPhoto } from '../../gis-data/conversions'
import { buildApi } from '../../server/app'

// Authorization on every route of the inspections API: an inspector reaches only their own assignments, a carrier
// only recorded inspections (and follow-ups) of its own assets, officer and admin everything of the province;
// anonymous callers nothing. Each row of the matrix is one route; the last test fails when a route has no row.
let app: TestApp
const who: Record<string, string | undefined> = {}
let fx: {
  station: number
  pending: number
  recorded: number
  followUp: number
  followUpVersion: number
  photo: number
  mobifoneRecorded: number
}

beforeAll(async () => {
  const started = await startProvinceApp()
  app = started.app
  const { center } = started
  who.officer = (await app.user('officer1', 'officer')).cookie
  who.admin = (await app.user('admin1', 'admin')).cookie
  const inspector = await app.user('inspector1', 'inspector')
  who.inspector = inspector.cookie
  who.otherInspector = (await app.user('inspector2', 'inspector')).cookie
  who.viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
  who.mobifone = (await app.user('mobifone1', 'carrier', 'mobifone')).cookie
  who.anonymous = undefined

  const station = await insertStation(app.db, { lon: center.lon + 0.02, lat: center.lat }, { heightM: 40 })
  const base = { assetKind: 'station', assetId: station.id, inspectorId: inspector.id }
  const pending = await assign(app, who.officer, base)
  const recorded = await assign(app, who.officer, base)
  const answers = await allYes(app, who.inspector, 'station')
  const r = await record(app, who.inspector, recorded.id, {
    assetVersion: recorded.assetVersion,
    answers,
    measured: { heightM: 47 },
  })
  expect(r.json.verdict).toBe('violation')
  const photo = await fetch(`${app.url}/api/inspections/${recorded.id}/photos`, {
    method: 'POST',
    headers: { cookie: who.inspector, 'content-type': 'image/png', 'x-client-id': crypto.randomUUID() },
    body: new Uint8Array(demoPhoto()),
  })
  expect(photo.status).toBe(201)
  const mStation = await insertStation(app.db, { lon: center.lon + 0.021, lat: center.lat }, { carrier: 'mobifone' })
  const m = await assign(app, who.officer, { ...base, assetId: mStation.id })
  expect((await record(app, who.inspector, m.id, { assetVersion: m.assetVersion, answers })).status).toBe(201)
  fx = {
    station: station.id,
    pending: pending.id,
    recorded: recorded.id,
    followUp: r.json.followUp.id,
    followUpVersion: r.json.followUp.version,
    photo: (await photo.json()).id,
    mobifoneRecorded: m.id,
  }
}, 300_000)
afterAll(() => app?.close())

type Role = 'anonymous' | 'officer' | 'admin' | 'inspector' | 'otherInspector' | 'viettel' | 'mobifone'
interface Case {
  method: string
  path: string
  body?: () => unknown
  raw?: boolean
  /** Expected status per role; a role not named is refused with `others`. */
  allowed: Partial<Record<Role, number>>
  others: number
}
const ROLES: Role[] = ['anonymous', 'officer', 'admin', 'inspector', 'otherInspector', 'viettel', 'mobifone']

// Writes that would change the fixtures use a body that fails validation after the role check (400/422 prove the
// caller got past authorization, as 403/404 prove it did not).
const CASES: () => Case[] = () => [
  {
    method: 'GET',
    path: '/api/inspections',
    allowed: { officer: 200, admin: 200, inspector: 200, otherInspector: 200, viettel: 200, mobifone: 200 },
    others: 401,
  },
  {
    method: 'POST',
    path: '/api/inspections',
    body: () => ({ assetKind: 'station', assetId: -1 }),
    allowed: { officer: 400, admin: 400 },
    others: 403,
  },
  {
    method: 'GET',
    path: `/api/inspections/${fx.pending}`,
    allowed: { officer: 200, admin: 200, inspector: 200 },
    others: 404,
  },
  {
    method: 'GET',
    path: `/api/inspections/${fx.recorded}`,
    allowed: { officer: 200, admin: 200, inspector: 200, viettel: 200 },
    others: 404,
  },
  {
    method: 'PATCH',
    path: `/api/inspections/${fx.pending}`,
    body: () => ({ version: 1 }),
    allowed: { officer: 400, admin: 400 },
    others: 403,
  },
  {
    method: 'POST',
    path: `/api/inspections/${fx.pending}/cancel`,
    body: () => ({ version: 1, reason: '' }),
    allowed: { officer: 400, admin: 400 },
    others: 403,
  },
  {
    method: 'POST',
    path: `/api/inspections/${fx.pending}/result`,
    body: () => ({
      clientId: crypto.randomUUID(),
      assetVersion: 1,
      answers: { nonsense: true },
      recordedAt: new Date().toISOString(),
    }),
    allowed: { inspector: 422, otherInspector: 404 },
    others: 403,
  },
  {
    method: 'POST',
    path: `/api/inspections/${fx.pending}/photos`,
    raw: true,
    allowed: { inspector: 415, otherInspector: 404 },
    others: 403,
  },
  {
    method: 'GET',
    path: `/api/inspections/photos/${fx.photo}`,
    allowed: { officer: 200, admin: 200, inspector: 200, otherInspector: 200, viettel: 200 },
    others: 404,
  },
  {
    method: 'GET',
    path: `/api/assets/station/${fx.station}/inspections`,
    allowed: { officer: 200, admin: 200, inspector: 200, otherInspector: 200, viettel: 200 },
    others: 404,
  },
  {
    method: 'GET',
    path: '/api/inspections/follow-ups',
    allowed: { officer: 200, admin: 200, inspector: 200, otherInspector: 200, viettel: 200, mobifone: 200 },
    others: 401,
  },
  {
    method: 'POST',
    path: `/api/inspections/follow-ups/${fx.followUp}/answer`,
    body: () => ({ version: fx.followUpVersion, text: 'Đã khắc phục', photoId: 999_999_999 }),
    allowed: { viettel: 422, mobifone: 404 },
    others: 403,
  },
  {
    method: 'POST',
    path: `/api/inspections/follow-ups/${fx.followUp}/photos`,
    raw: true,
    allowed: { viettel: 415, mobifone: 404 },
    others: 403,
  },
  {
    method: 'GET',
    path: '/api/inspections/inspectors',
    allowed: { officer: 200, admin: 200 },
    others: 403,
  },
  {
    method: 'GET',
    path: '/api/inspections/checklists',
    allowed: { officer: 200, admin: 200, inspector: 200, otherInspector: 200, viettel: 200, mobifone: 200 },
    others: 401,
  },
  {
    method: 'GET',
    path: '/api/inspections/checklists/station',
    allowed: { officer: 200, admin: 200, inspector: 200, otherInspector: 200, viettel: 200, mobifone: 200 },
    others: 401,
  },
  {
    method: 'PUT',
    path: '/api/inspections/checklists/station',
    body: () => ({ version: 1, items: [] }),
    allowed: { officer: 400, admin: 400 },
    others: 403,
  },
  {
    method: 'GET',
    path: '/api/inspections/rules',
    allowed: { officer: 200, admin: 200, inspector: 200, otherInspector: 200, viettel: 200, mobifone: 200 },
    others: 401,
  },
  {
    method: 'PUT',
    path: '/api/inspections/rules',
    body: () => ({ heightToleranceM: -1 }),
    allowed: { officer: 400, admin: 400 },
    others: 403,
  },
]

/** A role's status on a case; anonymous callers are refused with 401 whatever the route. */
const expected = (c: Case, role: Role) => c.allowed[role] ?? (role === 'anonymous' ? 401 : c.others)

describe('authorization on every inspections route', () => {
  it('answers each role as the matrix says', async () => {
    const failures: string[] = []
    for (const c of CASES()) {
      for (const role of ROLES) {
        const cookie = who[role]
        const headers: Record<string, string> = {
          ...(cookie ? { cookie } : {}),
          ...(c.raw ? { 'content-type': 'text/html', 'x-client-id': crypto.randomUUID() } : {}),
          ...(c.body ? { 'content-type': 'application/json' } : {}),
        }
        const res = await fetch(app.url + c.path, {
          method: c.method,
          headers,
          body: c.raw
            ? '<!DOCTYPE html><html><body>not a photo</body></html>'
            : c.body
              ? JSON.stringify(c.body())
              : undefined,
        })
        await res.arrayBuffer()
        const want = expected(c, role)
        if (res.status !== want) failures.push(`${c.method} ${c.path} as ${role}: ${res.status}, expected ${want}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('shows a carrier only the recorded inspections and follow-ups of its own assets', async () => {
    const viettel = await (await app.request('GET', '/api/inspections?limit=500', { cookie: who.viettel })).json()
    const ids = viettel.items.map((i: Json) => i.id)
    expect(ids).toContain(fx.recorded)
    expect(ids).not.toContain(fx.pending)
    expect(ids).not.toContain(fx.mobifoneRecorded)
    expect(viettel.items.every((i: Json) => i.state === 'recorded' && i.asset.carrierName.includes('Viettel'))).toBe(
      true,
    )
    const mobifone = await (await app.request('GET', '/api/inspections?limit=500', { cookie: who.mobifone })).json()
    expect(mobifone.items.map((i: Json) => i.id)).toEqual([fx.mobifoneRecorded])
    const followUps = await (await app.request('GET', '/api/inspections/follow-ups', { cookie: who.mobifone })).json()
    expect(followUps.items).toEqual([])
    const history = await app.request('GET', `/api/assets/station/${fx.station}/inspections`, { cookie: who.mobifone })
    expect(history.status).toBe(404)
  })

  it('shows an inspector only their own assignments', async () => {
    const mine = await (await app.request('GET', '/api/inspections?limit=500', { cookie: who.otherInspector })).json()
    expect(mine.items).toEqual([])
  })

  it('has a row for every route of the inspections API', () => {
    const doc = buildApi().openapi({ title: 't', version: '0' }) as { paths: Record<string, Record<string, Json>> }
    const template = (path: string) =>
      path
        .replace('/api/assets/station/', '/api/assets/{kind}/')
        .replace(/\/checklists\/[a-z_]+$/, '/checklists/{kind}')
        .replace(/\/\d+/g, '/{id}')
    const covered = new Set(CASES().map((c) => `${c.method} ${template(c.path)}`))
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.includes('inspections'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    )
    expect(routes.length).toBeGreaterThan(10)
    expect(routes.filter((r) => !covered.has(r))).toEqual([])
  })
})
