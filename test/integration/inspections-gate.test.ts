import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import type { Json } from '../helpers/json'
import { startProvinceApp } from '../helpers/stations'
import { allYes, assign, insertRoute, insertStation, nextSeq, record } from '../helpers/inspections'
import { VERSION_MEMO_MS } from '../../server/tiles/service'

// Issue 13's gates: a carrier's "built" station is not on the public map (list, tiles) until its post-construction
// inspection passes or an officer waives it (audited); the cable summary's verified figures move only when a route's
// inspection passes (checked against independent SQL over the inspections themselves).
let app: TestApp
let center: { lon: number; lat: number }
let officer: string, viettel: string
let inspector: { id: number; cookie: string }

beforeAll(async () => {
  ;({ app, center } = await startProvinceApp())
  officer = (await app.user('officer1', 'officer')).cookie
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
  inspector = await app.user('inspector1', 'inspector')
}, 300_000)
afterAll(() => app?.close())

const place = () => {
  const n = nextSeq()
  return { lon: center.lon - 0.01 + (n % 10) * 0.0015, lat: center.lat + 0.006 + Math.floor(n / 10) * 0.0015 }
}

async function act(id: number, cookie: string, body: Json) {
  const station = await (await app.request('GET', `/api/stations/${id}`, { cookie: officer })).json()
  const res = await app.request('POST', `/api/stations/${id}/transitions`, {
    cookie,
    body: { version: station.version, ...body },
  })
  return { status: res.status, json: (await res.json()) as Json }
}

function tileAt(z: number, lon: number, lat: number): string {
  const n = 2 ** z
  const r = (lat * Math.PI) / 180
  const x = Math.floor(((lon + 180) / 360) * n)
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)
  return `/tiles/stations/${z}/${x}/${y}.mvt`
}

/** Where the public sees a station: in the public GeoJSON around it, and in the public tile over it. */
async function publicSees(id: number, at: { lon: number; lat: number }) {
  const bbox = [at.lon - 0.0005, at.lat - 0.0005, at.lon + 0.0005, at.lat + 0.0005].join(',')
  const list = await (await app.request('GET', `/api/public/stations?bbox=${bbox}`)).json()
  const inList = list.features.some((f: Json) => f.id === id)
  // the public's tiles may use a data version read up to VERSION_MEMO_MS ago: wait that long after a change
  await new Promise((resolve) => setTimeout(resolve, VERSION_MEMO_MS + 50))
  const tile = await app.request('GET', tileAt(15, at.lon, at.lat))
  let inTile = false
  if (tile.status === 200) {
    const layer = new VectorTile(new PbfReader(new Uint8Array(await tile.arrayBuffer()))).layers.stations
    inTile = layer ? Array.from({ length: layer.length }, (_, i) => Number(layer.feature(i).id)).includes(id) : false
  } else expect(tile.status).toBe(204)
  return { inList, inTile }
}

/** An approved Viettel station the carrier then reports built through the API. */
async function built() {
  const at = place()
  const s = await insertStation(app.db, at, { state: 'approved', heightM: 40 })
  const res = await act(s.id, viettel, { action: 'report_built' })
  expect(res.status).toBe(200)
  expect(res.json.state).toBe('built')
  return { ...s, at }
}

const postConstruction = (stationId: number) =>
  app.db.maybeOne<{ id: number; inspector_id: number | null; state: string }>(
    `SELECT id::int AS id, inspector_id, state FROM inspections
      WHERE asset_kind = 'station' AND asset_id = $1 AND purpose = 'post_construction' ORDER BY id DESC LIMIT 1`,
    [stationId],
  )

describe('the station gate', () => {
  it('keeps a built station off the public map until its post-construction inspection passes', async () => {
    const s = await built()
    const pc = await postConstruction(s.id)
    expect(pc).toMatchObject({ state: 'assigned', inspector_id: null })
    expect(await publicSees(s.id, s.at)).toEqual({ inList: false, inTile: false })

    // the carrier's word no longer puts it in service: it stays built and the same inspection is asked for
    const said = await act(s.id, viettel, { action: 'report_in_service' })
    expect(said.status).toBe(200)
    expect(said.json.state).toBe('built')
    expect((await postConstruction(s.id))!.id).toBe(pc!.id)
    expect(await publicSees(s.id, s.at)).toEqual({ inList: false, inTile: false })

    // the officer assigns the inspector; a violation keeps it off the map
    const open = await (await app.request('GET', `/api/inspections/${pc!.id}`, { cookie: officer })).json()
    const assigned = await app.request('PATCH', `/api/inspections/${pc!.id}`, {
      cookie: officer,
      body: { version: open.version, inspectorId: inspector.id, dueOn: '2026-12-20' },
    })
    expect(assigned.status).toBe(200)
    const assignedJson = await assigned.json()
    const answers = await allYes(app, inspector.cookie, 'station')
    const failed = await record(app, inspector.cookie, pc!.id, {
      assetVersion: assignedJson.assetVersion,
      answers,
      measured: { heightM: 45 },
    })
    expect(failed.json.verdict).toBe('violation')
    expect((await app.db.one<{ state: string }>('SELECT state FROM stations WHERE id = $1', [s.id])).state).toBe(
      'built',
    )
    expect(await publicSees(s.id, s.at)).toEqual({ inList: false, inTile: false })

    // the carrier fixes it; the compliant re-check passes the gate
    const f = failed.json.followUp
    const answered = await app.request('POST', `/api/inspections/follow-ups/${f.id}/answer`, {
      cookie: viettel,
      body: { version: f.version, text: 'Đã hạ cột về 40 m.' },
    })
    expect(answered.status).toBe(200)
    const recheckId = (await answered.json()).recheckInspectionId
    const recheck = await (await app.request('GET', `/api/inspections/${recheckId}`, { cookie: officer })).json()
    const passed = await record(app, inspector.cookie, recheckId, {
      assetVersion: recheck.assetVersion,
      answers,
      measured: { heightM: 40 },
    })
    expect(passed.json.verdict).toBe('compliant')
    const station = await (await app.request('GET', `/api/stations/${s.id}`, { cookie: officer })).json()
    expect(station.state).toBe('in_service')
    expect(station.history.at(-1)).toMatchObject({ action: 'pass_inspection', note: `#${recheckId}` })
    expect(await publicSees(s.id, s.at)).toEqual({ inList: true, inTile: true })
  })

  it('puts a built station in service when its post-construction inspection passes at once', async () => {
    const s = await built()
    const pc = (await postConstruction(s.id))!
    const open = await (await app.request('GET', `/api/inspections/${pc.id}`, { cookie: officer })).json()
    await app.request('PATCH', `/api/inspections/${pc.id}`, {
      cookie: officer,
      body: { version: open.version, inspectorId: inspector.id },
    })
    const answers = await allYes(app, inspector.cookie, 'station')
    const r = await record(app, inspector.cookie, pc.id, { assetVersion: open.assetVersion, answers, measured: {} })
    expect(r.status).toBe(201)
    expect(r.json.verdict).toBe('compliant')
    expect((await app.db.one<{ state: string }>('SELECT state FROM stations WHERE id = $1', [s.id])).state).toBe(
      'in_service',
    )
    const notes = await (await app.request('GET', '/api/notifications', { cookie: viettel })).json()
    expect(notes.items.some((n: Json) => n.kind === 'pass_inspection' && n.entityId === String(s.id))).toBe(true)
  })

  it('lets an officer waive the inspection with a reason of ≥ 10 characters, audited; not the carrier', async () => {
    const s = await built()
    expect((await act(s.id, viettel, { action: 'waive_inspection', reason: 'Trạm tạm thời lễ hội' })).status).toBe(403)
    const short = await act(s.id, officer, { action: 'waive_inspection', reason: 'Quá ngắn' })
    expect(short.status).toBe(400)
    expect((await app.db.one<{ state: string }>('SELECT state FROM stations WHERE id = $1', [s.id])).state).toBe(
      'built',
    )
    const reason = 'Trạm phục vụ thông tin phòng chống bão khẩn cấp'
    const waived = await act(s.id, officer, { action: 'waive_inspection', reason })
    expect(waived.status).toBe(200)
    expect(waived.json.state).toBe('in_service')
    const audit = await app.db.one<Json>(
      `SELECT actor_name, before->>'state' AS before, after->>'state' AS after FROM audit_log
        WHERE action = 'station.waive_inspection' AND entity_id = $1`,
      [String(s.id)],
    )
    expect(audit).toEqual({ actor_name: 'officer1', before: 'built', after: 'in_service' })
    const history = await app.db.one<{ note: string }>(
      `SELECT note FROM station_history WHERE station_id = $1 AND action = 'waive_inspection'`,
      [s.id],
    )
    expect(history.note).toBe(reason)
    expect((await postConstruction(s.id))!.state).toBe('cancelled')
    expect(await publicSees(s.id, s.at)).toEqual({ inList: true, inTile: true })
  })

  it('never offers pass_inspection as an action and never takes it through the transitions route', async () => {
    const s = await built()
    const inspectorView = await (await app.request('GET', `/api/stations/${s.id}`, { cookie: inspector.cookie })).json()
    expect(inspectorView.allowedActions).not.toContain('pass_inspection')
    const officerView = await (await app.request('GET', `/api/stations/${s.id}`, { cookie: officer })).json()
    expect(officerView.allowedActions).toContain('waive_inspection')
    expect((await act(s.id, inspector.cookie, { action: 'pass_inspection' })).status).toBe(400)
  })
})

/** The verified figures as independent SQL counts them from the inspections (not from the aggregate's tables). */
const VERIFIED_ORACLE = `
  WITH latest AS (
    SELECT DISTINCT ON (asset_id) asset_id, verdict FROM inspections
     WHERE asset_kind = 'cable_route' AND state = 'recorded' AND verdict IN ('compliant', 'violation')
     ORDER BY asset_id, recorded_at DESC, id DESC
  )
  SELECT count(*) AS routes, coalesce(sum(r.length_m), 0) AS metres
    FROM cable_routes r JOIN latest l ON l.asset_id = r.id AND l.verdict = 'compliant'
   WHERE r.province_code = '79' AND r.kind = $1 AND r.completed_on IS NOT NULL AND r.completed_on <= $2::date`

describe('the cable summary: completed and verified in the field', () => {
  async function figures(kind: 'underground' | 'tidying', until = '2026-12-31') {
    const page = await (
      await app.request('GET', `/api/cables/summary?period=cumulative&until=${until}`, { cookie: officer })
    ).json()
    const row = page.rows.find((r: Json) => r.kind === kind) ?? { verifiedRoutes: 0, verifiedM: 0, completedRoutes: 0 }
    const oracle = await app.db.one<{ routes: number; metres: number }>(VERIFIED_ORACLE, [kind, until])
    expect(row.verifiedRoutes).toBe(Number(oracle.routes))
    expect(row.verifiedM).toBeCloseTo(Number(oracle.metres), 3)
    const t = page.totals
    const [routes, metres] =
      kind === 'underground' ? [t.undergroundVerified, t.undergroundVerifiedM] : [t.tidyingVerified, t.tidyingVerifiedM]
    expect(routes).toBe(row.verifiedRoutes)
    expect(metres).toBeCloseTo(row.verifiedM, 3)
    return {
      verified: row.verifiedRoutes as number,
      verifiedM: row.verifiedM as number,
      completed: row.completedRoutes,
    }
  }

  async function inspectRoute(routeId: number, outcome: 'compliant' | 'violation' | 'no_access') {
    const i = await assign(app, officer, { assetKind: 'cable_route', assetId: routeId, inspectorId: inspector.id })
    const answers = await allYes(app, inspector.cookie, 'cable_route')
    const r = await record(app, inspector.cookie, i.id, {
      assetVersion: i.assetVersion,
      ...(outcome === 'no_access'
        ? { verdict: 'no_access' }
        : { answers, measured: { labelPresent: outcome === 'compliant' } }),
    })
    expect(r.json.verdict).toBe(outcome)
  }

  it('moves the verified figures only when a route’s latest inspection passes', async () => {
    const start = await figures('underground')
    const route = await insertRoute(app.db, place(), { metres: 250, completedOn: '2026-04-15' })
    const declared = await figures('underground')
    expect(declared.completed).toBe(start.completed + 1)
    expect(declared.verified).toBe(start.verified)

    await inspectRoute(route.id, 'violation')
    expect((await figures('underground')).verified).toBe(start.verified)
    await inspectRoute(route.id, 'no_access')
    expect((await figures('underground')).verified).toBe(start.verified)

    await inspectRoute(route.id, 'compliant')
    const passed = await figures('underground')
    expect(passed.verified).toBe(start.verified + 1)
    expect(passed.verifiedM - start.verifiedM).toBeCloseTo(route.lengthM, 3)
    // a period that ends before the route was completed does not count it
    const before = await figures('underground', '2026-04-14')
    expect(before.verified).toBeLessThan(passed.verified)

    // a later inspection finds a violation: no longer verified
    await inspectRoute(route.id, 'violation')
    expect((await figures('underground')).verified).toBe(start.verified)
    await inspectRoute(route.id, 'compliant')
    expect((await figures('underground')).verified).toBe(start.verified + 1)

    // the route changes: its figures follow its new length and completion day, and leave when it is deleted
    await app.db.exec(`UPDATE cable_routes SET completed_on = DATE '2026-05-01' WHERE id = $1`, [route.id])
    expect((await figures('underground', '2026-04-20')).verified).toBe(before.verified)
    expect((await figures('underground')).verified).toBe(start.verified + 1)
    await app.db.exec(`UPDATE cable_routes SET kind = 'tidying' WHERE id = $1`, [route.id])
    expect((await figures('underground')).verified).toBe(start.verified)
    await figures('tidying')
    await app.db.exec('DELETE FROM route_district_lengths WHERE route_id = $1', [route.id])
    await app.db.exec('DELETE FROM cable_routes WHERE id = $1', [route.id])
    await figures('tidying')
    expect((await figures('underground')).verified).toBe(start.verified)
  })
})
