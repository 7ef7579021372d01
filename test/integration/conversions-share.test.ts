import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'
import { demoPhoto } from '../../gis-data/conversions'

type Json = Record<string, unknown>
let app: TestApp
let viettel: string, inspector: string, officer: string

async function call(
  method: string,
  path: string,
  cookie: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  const res = await app.request(method, path, { cookie, body })
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : {} }
}

const station = (code: string) =>
  app.db.one<{ id: number; version: number; shared: string[]; mastClass: string; mastHeightM: number }>(
    `SELECT s.id, s.version, s.mast_class AS "mastClass", s.mast_height_m AS "mastHeightM",
            ARRAY(SELECT c.short_name FROM carriers c WHERE c.id = ANY (s.shared_carrier_ids) ORDER BY 1) AS shared
       FROM stations s WHERE s.site_code = $1`,
    [code],
  )

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  // A Viettel mast that moves onto a MobiFone tower at the same place in district 760.
  const sites = [
    ['viettel', 'SH-GUEST', 'A2a', 18, 30],
    ['mobifone', 'SH-HOST', 'A2b', 40, null],
  ] as const
  for (const [carrier, code, cls, h, building] of sites) {
    await app.db.exec(
      `INSERT INTO stations (province_code, carrier_id, site_code, geom, district_code, mast_class, mast_height_m,
                             building_height_m, state, decision_no, decision_date)
       SELECT '79', c.id, $2, ST_PointOnSurface(u.geom), '760', $3, $4, $5, 'in_service', '1/QĐ', '2015-01-01'
         FROM carriers c, admin_units u
        WHERE c.short_name = $1 AND u.code = '760' AND u.valid_to IS NULL`,
      [carrier, code, cls, h, building],
    )
  }
  ;({ cookie: viettel } = await app.user('viettel.share', 'carrier', 'viettel'))
  ;({ cookie: inspector } = await app.user('insp.share', 'inspector'))
  ;({ cookie: officer } = await app.user('officer.share', 'officer'))
})
afterAll(async () => {
  await app?.close()
})

describe('a verified move onto a shared mast', () => {
  it('adds the carrier to the host mast through the stations domain, with its history and one audit row', async () => {
    const programme = await call('POST', '/api/conversions/programmes', officer, {
      name: 'Dùng chung cột',
      decisionNo: '12/QĐ-UBND',
      decisionDate: '2017-05-12',
      startsOn: '2017-01-01',
      heightToleranceM: 0.5,
      phases: [{ name: 'GĐ 1', deadline: '2030-12-31', cumulativeTarget: 1 }],
    })
    expect(programme.status).toBe(201)
    const csv = 'station_code,carrier,kind,to_height_m,phase,host_station_code\nSH-GUEST,viettel,share,,1,SH-HOST\n'
    const imported = await call('POST', `/api/conversions/programmes/${programme.json.id}/import`, officer, {
      format: 'csv',
      content: csv,
    })
    expect(imported.status).toBe(201)
    expect(imported.json.imported).toBe(1)
    const guestBefore = await station('SH-GUEST')
    const hostBefore = await station('SH-HOST')
    expect(hostBefore.shared).toEqual([])
    const { id, version } = await app.db.one<{ id: number; version: number }>(
      'SELECT id, version FROM conversion_items WHERE programme_id = $1',
      [programme.json.id],
    )
    const photo = await fetch(`${app.url}/api/conversions/items/${id}/photos`, {
      method: 'POST',
      headers: { cookie: viettel, 'content-type': 'image/png' },
      body: new Uint8Array(demoPhoto()),
    })
    expect(photo.status).toBe(201)
    const reported = await call('POST', `/api/conversions/items/${id}/transitions`, viettel, {
      action: 'report',
      version,
      measuredHeightM: 18,
      completedOn: '2026-01-06',
    })
    expect(reported.json.status).toBe('reported')
    expect(await station('SH-HOST')).toEqual(hostBefore)
    const verified = await call('POST', `/api/conversions/items/${id}/transitions`, inspector, {
      action: 'verify',
      version: reported.json.version,
    })
    expect(verified.status).toBe(200)
    expect(verified.json.status).toBe('verified')
    expect(await station('SH-HOST')).toEqual({ ...hostBefore, shared: ['viettel'], version: hostBefore.version + 1 })
    expect(await station('SH-GUEST')).toEqual(guestBefore)
    const history = await app.db.one<Json>(
      `SELECT action, actor_name AS actor, note, version FROM station_history
        WHERE station_id = $1 ORDER BY version DESC LIMIT 1`,
      [hostBefore.id],
    )
    expect(history).toEqual({
      action: 'conversion_share',
      actor: 'insp.share',
      note: `conversion item ${id}: share`,
      version: hostBefore.version + 1,
    })
    const audits = await app.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'station' AND entity_id = $1
          AND action = 'station.conversion_share'`,
      [String(hostBefore.id)],
    )
    expect(audits.n).toBe(1)
  })
})
