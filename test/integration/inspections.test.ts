import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import type { Json } from '../helpers/json'
import { startProvinceApp } from '../helpers/stations'
import { allYes, assign, insertRoute, insertStation, nextSeq, offsetFrom, record } from '../helpers/inspections'
import { createInspections } from '../../server/inspections/create'

// Inspections (issue 13): assignment, results recorded exactly once, the conflict over a changed asset, the
// automatic comparison with the approved record, violations and their follow-up.
let app: TestApp
let center: { lon: number; lat: number }
let officer: string, viettel: string, mobifone: string
let inspector: { id: number; cookie: string }
let other: { id: number; cookie: string }

beforeAll(async () => {
  ;({ app, center } = await startProvinceApp())
  officer = (await app.user('officer1', 'officer')).cookie
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
  mobifone = (await app.user('mobifone1', 'carrier', 'mobifone')).cookie
  inspector = await app.user('inspector1', 'inspector')
  other = await app.user('inspector2', 'inspector')
}, 300_000)
afterAll(() => app?.close())

/** A fresh place near the district's centre, ~150 m from the last one. */
const place = () => {
  const n = nextSeq()
  return { lon: center.lon + (n % 10) * 0.0015, lat: center.lat + Math.floor(n / 10) * 0.0015 }
}

/** A Viettel A2b tower of 40 m in service, with an inspection assigned to inspector1. */
async function towerInspection(options: { carrier?: string } = {}) {
  const station = await insertStation(app.db, place(), { heightM: 40, carrier: options.carrier })
  const inspection = await assign(app, officer, {
    assetKind: 'station',
    assetId: station.id,
    inspectorId: inspector.id,
    dueOn: '2026-12-31',
  })
  return { station, inspection }
}

const count = async (sql: string, params: unknown[]) => Number((await app.db.one<{ n: number }>(sql, params)).n)

describe('assigning inspections', () => {
  it('keeps the asset, its version and carrier, and lists it for its inspector only', async () => {
    const { station, inspection } = await towerInspection()
    expect(inspection).toMatchObject({
      assetKind: 'station',
      assetId: station.id,
      assetVersion: station.version,
      state: 'assigned',
      verdict: null,
      purpose: 'routine',
      dueOn: '2026-12-31',
      inspectorId: inspector.id,
      asset: { label: station.siteCode, carrierName: expect.any(String), approved: { mastClass: 'A2b', heightM: 40 } },
    })
    const mine = await (
      await app.request('GET', '/api/inspections?mine=1&state=assigned', { cookie: inspector.cookie })
    ).json()
    expect(mine.items.map((i: Json) => i.id)).toContain(inspection.id)
    expect(mine.items.find((i: Json) => i.id === inspection.id).campaignName).toBeNull()
    const others = await (await app.request('GET', '/api/inspections?mine=1', { cookie: other.cookie })).json()
    expect(others.items.map((i: Json) => i.id)).not.toContain(inspection.id)
    const audit = await count(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'inspection.create' AND entity_id = $1`,
      [String(inspection.id)],
    )
    expect(audit).toBe(1)
  })

  it('tells the assigned inspector alone, and the new one on a reassignment', async () => {
    const { inspection } = await towerInspection()
    const notes = async (cookie: string) =>
      ((await (await app.request('GET', '/api/notifications', { cookie })).json()).items as Json[]).filter(
        (n) => n.entity === 'inspection' && n.entityId === String(inspection.id),
      )
    const mine = await notes(inspector.cookie)
    expect(mine.map((n) => n.messageVi)).toEqual([`Bạn được giao cuộc kiểm tra số ${inspection.id}, hạn 31/12/2026.`])
    expect(await notes(other.cookie)).toEqual([])
    expect(await notes(officer)).toEqual([])
    const res = await app.request('PATCH', `/api/inspections/${inspection.id}`, {
      cookie: officer,
      body: { version: inspection.version, inspectorId: other.id, dueOn: '2026-12-20' },
    })
    expect(res.status, await res.clone().text()).toBe(200)
    expect((await notes(other.cookie)).map((n) => n.messageEn)).toEqual([
      `You have been assigned inspection no. ${inspection.id}, due 20/12/2026.`,
    ])
    expect(await notes(inspector.cookie)).toHaveLength(1)
    // one notification an inspector however many inspections a request assigns
    const before = await count(`SELECT count(*) AS n FROM notifications WHERE recipient_user_id = $1`, [other.id])
    const stations = [await insertStation(app.db, place(), {}), await insertStation(app.db, place(), {})]
    const officerId = (await app.db.one<{ id: number }>(`SELECT id FROM users WHERE username = 'officer1'`)).id
    await app.db.transaction((tx) =>
      createInspections(
        tx,
        { id: officerId, username: 'officer1' },
        '79',
        stations.map((s) => ({ assetKind: 'station', assetId: s.id, purpose: 'campaign', inspectorId: other.id })),
      ),
    )
    expect(await count(`SELECT count(*) AS n FROM notifications WHERE recipient_user_id = $1`, [other.id])).toBe(
      before + 1,
    )
  })

  it('refuses an asset of no province record and a user who is not an inspector (422, nothing stored)', async () => {
    const before = await count('SELECT count(*) AS n FROM inspections', [])
    const none = await app.request('POST', '/api/inspections', {
      cookie: officer,
      body: { assetKind: 'pole', assetId: 999_999_999, inspectorId: inspector.id },
    })
    expect(none.status).toBe(422)
    expect((await none.json()).errors[0]).toMatchObject({ path: 'rows.0.assetId', code: 'inspection.no_asset' })
    const station = await insertStation(app.db, place())
    const officerId = (await app.db.one<{ id: number }>(`SELECT id FROM users WHERE username = 'officer1'`)).id
    const notInspector = await app.request('POST', '/api/inspections', {
      cookie: officer,
      body: { assetKind: 'station', assetId: station.id, inspectorId: officerId },
    })
    expect(notInspector.status).toBe(422)
    expect(await count('SELECT count(*) AS n FROM inspections', [])).toBe(before)
  })
})

describe("a campaign's inspections", () => {
  it("carry the campaign's name and are listed by campaign", async () => {
    const station = await insertStation(app.db, place())
    const { id: campaignId } = await app.db.one<{ id: number }>(
      `INSERT INTO campaigns (province_code, name, asset_kind, starts_on, ends_on)
       VALUES ('79', 'An toàn trạm BTS mùa mưa bão 2026', 'station', DATE '2026-06-01', DATE '2026-09-30')
       RETURNING id::int AS id`,
    )
    const [id] = await app.db.transaction((tx) =>
      createInspections(tx, { id: null, username: 'system' }, '79', [
        { assetKind: 'station', assetId: station.id, purpose: 'campaign', inspectorId: inspector.id, campaignId },
      ]),
    )
    const page = await (
      await app.request('GET', `/api/inspections?campaignId=${campaignId}`, { cookie: officer })
    ).json()
    expect(page.items.map((i: Json) => [i.id, i.campaignId, i.campaignName])).toEqual([
      [id, campaignId, 'An toàn trạm BTS mùa mưa bão 2026'],
    ])
  })
})

describe('recording a result', () => {
  it('stores a record exactly once: a replay answers 200 with the same record and changes nothing', async () => {
    const { inspection } = await towerInspection()
    const answers = await allYes(app, inspector.cookie, 'station')
    const body = {
      clientId: crypto.randomUUID(),
      assetVersion: inspection.assetVersion,
      answers,
      measured: { heightM: 45, mastClass: 'A2b' },
      recordedAt: '2026-12-01T08:30:00+07:00',
      note: 'Cột cao hơn hồ sơ',
    }
    const first = await record(app, inspector.cookie, inspection.id, body)
    expect(first.status).toBe(201)
    expect(first.json).toMatchObject({ state: 'recorded', verdict: 'violation', clientId: body.clientId })
    const snapshot = async () =>
      app.db.one<Json>(
        `SELECT (SELECT to_jsonb(i) FROM inspections i WHERE id = $1) AS inspection,
                (SELECT count(*) FROM inspection_follow_ups WHERE inspection_id = $1) AS follow_ups,
                (SELECT count(*) FROM audit_log WHERE entity = 'inspection' AND entity_id = $1::text) AS audits,
                (SELECT count(*) FROM notifications
                  WHERE entity = 'inspection' AND entity_id = $1::text AND kind <> 'inspection.assigned') AS notes`,
        [inspection.id],
      )
    const stored = await snapshot()
    // the same delivery three more times, two of them at once (a sync retried while the first was in flight)
    const again = await Promise.all([
      record(app, inspector.cookie, inspection.id, body),
      record(app, inspector.cookie, inspection.id, body),
    ])
    const third = await record(app, inspector.cookie, inspection.id, body)
    for (const r of [...again, third]) {
      expect(r.status).toBe(200)
      expect(r.json).toEqual(first.json)
    }
    expect(await snapshot()).toEqual(stored)
    expect(Number(stored.follow_ups)).toBe(1)
    expect(Number(stored.notes)).toBe(1)

    // another record over the recorded inspection is a conflict, and so is the same device id on another one
    const second = await record(app, inspector.cookie, inspection.id, { ...body, clientId: crypto.randomUUID() })
    expect(second.status).toBe(409)
    const { inspection: next } = await towerInspection()
    const reused = await record(app, inspector.cookie, next.id, { ...body, assetVersion: next.assetVersion })
    expect(reused.status).toBe(409)
    expect(reused.json.code).toBe('inspection.client_id_used')
  })

  it('answers 409 inspection.asset_changed with the asset as it is now, and writes nothing', async () => {
    const { station, inspection } = await towerInspection()
    await app.db.exec('UPDATE stations SET mast_height_m = 42, version = version + 1 WHERE id = $1', [station.id])
    const before = await app.db.one<Json>(
      `SELECT to_jsonb(i) AS row,
              (SELECT count(*) FROM audit_log WHERE entity = 'inspection' AND entity_id = $1::bigint::text) AS n
         FROM inspections i WHERE id = $1::bigint`,
      [inspection.id],
    )
    const answers = await allYes(app, inspector.cookie, 'station')
    const body = { assetVersion: station.version, answers, measured: { heightM: 40 } }
    const res = await record(app, inspector.cookie, inspection.id, body)
    expect(res.status).toBe(409)
    expect(res.json).toMatchObject({
      code: 'inspection.asset_changed',
      params: { have: station.version + 1, sent: station.version },
      current: { version: station.version + 1, approved: { heightM: 42 } },
    })
    const after = await app.db.one<Json>(
      `SELECT to_jsonb(i) AS row,
              (SELECT count(*) FROM audit_log WHERE entity = 'inspection' AND entity_id = $1::bigint::text) AS n
         FROM inspections i WHERE id = $1::bigint`,
      [inspection.id],
    )
    expect(after).toEqual(before)
    // the inspector saw the conflict and records again over the changed asset
    const accepted = await record(app, inspector.cookie, inspection.id, { ...body, acceptChanged: true })
    expect(accepted.status).toBe(201)
    expect(accepted.json).toMatchObject({ verdict: 'compliant', assetVersion: station.version + 1 })
    const audit = await app.db.one<Json>(
      `SELECT after FROM audit_log WHERE action = 'inspection.record' AND entity_id = $1::text`,
      [inspection.id],
    )
    expect(audit.after).toMatchObject({ acceptedChange: true, assetVersion: station.version + 1 })
  })

  it('compares the height with the approved height plus the province tolerance (exactly, as decimals)', async () => {
    const answers = await allYes(app, inspector.cookie, 'station')
    const tolerance = Number(
      (
        await app.db.one<{ t: number }>(
          `SELECT height_tolerance_m AS t FROM inspection_rules WHERE province_code IN ('79', '00')
            ORDER BY province_code = '79' DESC LIMIT 1`,
        )
      ).t,
    )
    expect(tolerance).toBe(1)
    const verdictFor = async (heightM: number) => {
      const { inspection } = await towerInspection()
      const r = await record(app, inspector.cookie, inspection.id, {
        assetVersion: inspection.assetVersion,
        answers,
        measured: { heightM },
      })
      expect(r.status).toBe(201)
      return r.json
    }
    expect((await verdictFor(41)).verdict).toBe('compliant') // 40 + 1: within
    const over = await verdictFor(41.01)
    expect(over.verdict).toBe('violation')
    expect(over.violations).toEqual([
      { rule: 'height_over', params: { measuredM: 41.01, approvedM: 40, toleranceM: 1 } },
    ])
    expect(over.followUp).toMatchObject({ state: 'open', overdue: false })

    // the tolerance is data: the officer widens it and the same height is within
    const widened = await app.request('PUT', '/api/inspections/rules', {
      cookie: officer,
      body: { heightToleranceM: 1.5, positionToleranceM: 10, maxSagCm: null, followUpDays: 30, recheckDays: 7 },
    })
    expect(widened.status).toBe(200)
    try {
      expect((await verdictFor(41.01)).verdict).toBe('compliant')
    } finally {
      await app.request('PUT', '/api/inspections/rules', {
        cookie: officer,
        body: { heightToleranceM: 1, positionToleranceM: 10, maxSagCm: null, followUpDays: 30, recheckDays: 7 },
      })
    }
  })

  it('finds a mast class other than the approved one, and a required checklist item answered no', async () => {
    const { inspection } = await towerInspection()
    const answers = { ...(await allYes(app, inspector.cookie, 'station')), grounding: false }
    const r = await record(app, inspector.cookie, inspection.id, {
      assetVersion: inspection.assetVersion,
      answers,
      measured: { mastClass: 'A2a', heightM: 38 },
    })
    expect(r.status).toBe(201)
    expect(r.json.verdict).toBe('violation')
    expect(r.json.violations.map((v: Json) => v.rule).sort()).toEqual(['checklist_item', 'class_mismatch'])
    expect(r.json.violations.find((v: Json) => v.rule === 'checklist_item').params.key).toBe('grounding')
  })

  it('refuses a record that leaves a required item unanswered (422) unless the site could not be reached', async () => {
    const { inspection } = await towerInspection()
    const missing = await record(app, inspector.cookie, inspection.id, {
      assetVersion: inspection.assetVersion,
      answers: {},
      measured: {},
    })
    expect(missing.status).toBe(422)
    expect(missing.json.errors.map((e: Json) => e.path)).toContain('body.answers.grounding')
    const noAccess = await record(app, inspector.cookie, inspection.id, {
      assetVersion: inspection.assetVersion,
      verdict: 'no_access',
      note: 'Cổng khoá, không có người',
    })
    expect(noAccess.status).toBe(201)
    expect(noAccess.json).toMatchObject({ verdict: 'no_access', violations: [], followUp: null })
  })

  it('measures the position on the ellipsoid: 10 m from the record is within, 12 m is a violation', async () => {
    const answers = await allYes(app, inspector.cookie, 'station')
    const offAt = async (metres: number) => {
      const { station, inspection } = await towerInspection()
      const at = await offsetFrom(app.db, station.id, metres, 37)
      const r = await record(app, inspector.cookie, inspection.id, {
        assetVersion: inspection.assetVersion,
        answers,
        measured: {},
        position: at,
      })
      expect(r.status).toBe(201)
      // independent oracle: the geodesic distance PostGIS gives for the two points
      const { d } = await app.db.one<{ d: number }>(
        `SELECT ST_Distance(ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography, geom::geography) AS d
           FROM stations WHERE id = $1`,
        [station.id, at.lon, at.lat],
      )
      expect(r.json.positionOffsetM).toBeCloseTo(d, 2)
      expect(r.json.position.lon).toBeCloseTo(at.lon, 7)
      return r.json
    }
    const ten = await offAt(10)
    expect(ten.positionOffsetM).toBe(10)
    expect(ten.verdict).toBe('compliant')
    const twelve = await offAt(12)
    expect(twelve.positionOffsetM).toBe(12)
    expect(twelve.verdict).toBe('violation')
    expect(twelve.violations).toEqual([{ rule: 'position_off', params: { offsetM: 12, toleranceM: 10 } }])
  })

  it('measures a route position against the line, and a missing label on a route', async () => {
    const route = await insertRoute(app.db, place(), { metres: 300 })
    const inspection = await assign(app, officer, {
      assetKind: 'cable_route',
      assetId: route.id,
      inspectorId: inspector.id,
    })
    // a point 6 m north of the line's middle: within the 10 m tolerance
    const at = await app.db.one<{ lon: number; lat: number }>(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
         SELECT ST_Project(ST_LineInterpolatePoint(ST_GeometryN(geom, 1), 0.5)::geography, 6::float8, 0::float8)
                  ::geometry AS p
           FROM cable_routes WHERE id = $1) t`,
      [route.id],
    )
    const answers = await allYes(app, inspector.cookie, 'cable_route')
    const r = await record(app, inspector.cookie, inspection.id, {
      assetVersion: inspection.assetVersion,
      answers,
      measured: { labelPresent: false, sagCm: 40 },
      position: at,
    })
    expect(r.status).toBe(201)
    expect(r.json.positionOffsetM).toBeCloseTo(6, 1)
    expect(r.json.violations).toEqual([{ rule: 'label_missing', params: {} }])
  })
})

describe('violations and their follow-up', () => {
  it('tells the carrier, takes its answer and photo, asks for the re-check, closes on a compliant one', async () => {
    const { inspection } = await towerInspection()
    const answers = await allYes(app, inspector.cookie, 'station')
    const found = await record(app, inspector.cookie, inspection.id, {
      assetVersion: inspection.assetVersion,
      answers,
      measured: { heightM: 44 },
    })
    expect(found.json.verdict).toBe('violation')
    const followUp = found.json.followUp
    const { due } = await app.db.one<{ due: string }>(
      `SELECT ((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 30)::text AS due`,
    )
    expect(followUp).toMatchObject({ state: 'open', dueOn: due })
    const notes = await (await app.request('GET', '/api/notifications', { cookie: viettel })).json()
    expect(notes.items.some((n: Json) => n.kind === 'violation' && n.entityId === String(inspection.id))).toBe(true)
    const mobifoneNotes = await (await app.request('GET', '/api/notifications', { cookie: mobifone })).json()
    expect(mobifoneNotes.items.some((n: Json) => n.entityId === String(inspection.id))).toBe(false)

    // the carrier sees its violation, uploads the photo of the fix and answers
    const list = await (await app.request('GET', '/api/inspections/follow-ups', { cookie: viettel })).json()
    expect(list.items.map((f: Json) => f.id)).toContain(followUp.id)
    const { demoPhoto } = await import('../../gis-data/conversions')
    const photo = await fetch(`${app.url}/api/inspections/follow-ups/${followUp.id}/photos`, {
      method: 'POST',
      headers: { cookie: viettel, 'content-type': 'image/png', 'x-client-id': crypto.randomUUID() },
      body: new Uint8Array(demoPhoto()),
    })
    expect(photo.status).toBe(201)
    const photoId = (await photo.json()).id
    const answered = await app.request('POST', `/api/inspections/follow-ups/${followUp.id}/answer`, {
      cookie: viettel,
      body: { version: followUp.version, text: 'Đã hạ cột xuống 40 m theo giấy phép.', photoId },
    })
    expect(answered.status).toBe(200)
    const a = await answered.json()
    expect(a).toMatchObject({ state: 'answered', answerPhotoId: photoId, recheckInspectionId: expect.any(Number) })

    // the re-check is the same inspector's; compliant, it closes the follow-up
    const recheck = await (
      await app.request('GET', `/api/inspections/${a.recheckInspectionId}`, { cookie: inspector.cookie })
    ).json()
    expect(recheck).toMatchObject({ purpose: 'follow_up', state: 'assigned', inspectorId: inspector.id })
    const ok = await record(app, inspector.cookie, recheck.id, {
      assetVersion: recheck.assetVersion,
      answers,
      measured: { heightM: 40 },
    })
    expect(ok.json.verdict).toBe('compliant')
    const closed = await (await app.request('GET', `/api/inspections/${inspection.id}`, { cookie: officer })).json()
    expect(closed.followUp).toMatchObject({ state: 'closed', recheckInspectionId: recheck.id })
    const history = await (
      await app.request('GET', `/api/assets/station/${inspection.assetId}/inspections`, { cookie: viettel })
    ).json()
    expect(history.items.map((i: Json) => [i.id, i.verdict])).toEqual([
      [recheck.id, 'compliant'],
      [inspection.id, 'violation'],
    ])
    expect(history.items[1].photos.map((p: Json) => p.id)).toEqual([photoId])
  })

  it('lists the overdue follow-ups for the officer, as independent SQL counts them', async () => {
    const { inspection } = await towerInspection()
    const answers = await allYes(app, inspector.cookie, 'station')
    const found = await record(app, inspector.cookie, inspection.id, {
      assetVersion: inspection.assetVersion,
      answers,
      measured: { heightM: 50 },
    })
    await app.db.exec(`UPDATE inspection_follow_ups SET due_on = DATE '2026-01-01' WHERE id = $1`, [
      found.json.followUp.id,
    ])
    const res = await app.request('GET', '/api/inspections/follow-ups?overdue=1&limit=500', { cookie: officer })
    expect(res.status).toBe(200)
    const page = await res.json()
    expect(page.items.map((f: Json) => f.id)).toContain(found.json.followUp.id)
    expect(page.items.every((f: Json) => f.overdue)).toBe(true)
    const oracle = await count(
      `SELECT count(*) AS n FROM inspection_follow_ups
        WHERE province_code = '79' AND state = 'open' AND due_on < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`,
      [],
    )
    expect(page.total).toBe(oracle)
  })
})

describe('checklists as data', () => {
  it("lets the officer edit a kind's checklist for the province (versioned, audited), not an inspector", async () => {
    const current = await (await app.request('GET', '/api/inspections/checklists/duct', { cookie: officer })).json()
    const items = [
      ...current.items,
      { key: 'fire_risk', labelVi: 'Không có nguy cơ cháy', labelEn: 'No fire risk', kind: 'boolean', required: true },
    ]
    expect(
      (
        await app.request('PUT', '/api/inspections/checklists/duct', {
          cookie: inspector.cookie,
          body: { version: current.version, items },
        })
      ).status,
    ).toBe(403)
    const saved = await app.request('PUT', '/api/inspections/checklists/duct', {
      cookie: officer,
      body: { version: current.version, items },
    })
    expect(saved.status).toBe(200)
    const after = await saved.json()
    expect(after).toMatchObject({ provinceCode: '79', version: current.version + 1 })
    expect(after.items.at(-1).key).toBe('fire_risk')
    const stale = await app.request('PUT', '/api/inspections/checklists/duct', {
      cookie: officer,
      body: { version: current.version, items },
    })
    expect(stale.status).toBe(409)
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'inspection_checklist.update'`, [])).toBe(1)
  })
})
