// Assets and inspections for the tests of issue 13 (inspections, field mode, campaigns, citizen reports).
import crypto from 'node:crypto'
import { expect } from 'vitest'
import type { Queryable } from '../../server/db/index'
import type { TestApp } from './app'
import type { Json } from './json'

let seq = 0
/** A number no other asset of this test process used (site codes, names, offsets). */
export const nextSeq = () => ++seq

/**
 * Inserts a station of `carrier` (short name) in `state` at lon/lat, an A2b tower of `heightM` unless said
 * otherwise; answers its id and version.
 */
export async function insertStation(
  q: Queryable,
  at: { lon: number; lat: number },
  options: { carrier?: string; state?: string; heightM?: number; mastClass?: 'A2b' | 'A2a' } = {},
): Promise<{ id: number; version: number; siteCode: string }> {
  const siteCode = `INS-${process.pid}-${nextSeq()}`
  const mastClass = options.mastClass ?? 'A2b'
  const row = await q.one<{ id: number; version: number }>(
    `INSERT INTO stations (province_code, carrier_id, site_code, geom, district_code, mast_class, mast_height_m,
                           building_height_m, technologies, state, decision_no, decision_date)
     SELECT '79', c.id, $1, ST_SetSRID(ST_MakePoint($2, $3), 4326), '760', $4, $5,
            CASE WHEN $4 = 'A2b' THEN NULL ELSE 20 END, ARRAY['4G'], $6,
            CASE WHEN $6 NOT IN ('draft', 'submitted') THEN 'QD-' || $1 END,
            CASE WHEN $6 NOT IN ('draft', 'submitted') THEN DATE '2026-01-05' END
       FROM carriers c WHERE c.short_name = $7
     RETURNING id::int AS id, version`,
    [
      siteCode,
      at.lon,
      at.lat,
      mastClass,
      options.heightM ?? 40,
      options.state ?? 'in_service',
      options.carrier ?? 'viettel',
    ],
  )
  return { ...row, siteCode }
}

/** Inserts a completed cable route (a straight line from `at`, ~`metres` east) of the carriers named. */
export async function insertRoute(
  q: Queryable,
  at: { lon: number; lat: number },
  options: { carriers?: string[]; kind?: string; completedOn?: string; metres?: number } = {},
): Promise<{ id: number; version: number; lengthM: number }> {
  const name = `Tuyến kiểm tra ${process.pid}-${nextSeq()}`
  return q.one(
    `WITH g AS (
       SELECT ST_Multi(ST_MakeLine(p, ST_Project(p::geography, $4::float8, radians(90))::geometry)) AS geom
         FROM (SELECT ST_SetSRID(ST_MakePoint($2, $3), 4326) AS p) s
     )
     INSERT INTO cable_routes (province_code, name, kind, status, carrier_ids, started_on, completed_on, geom, length_m)
     SELECT '79', $1, $5, 'completed', (SELECT array_agg(id ORDER BY id) FROM carriers WHERE short_name = ANY ($6)),
            DATE '2026-01-02', $7::date, g.geom, ST_Length(g.geom::geography, true)
       FROM g
     RETURNING id::int AS id, version, length_m AS "lengthM"`,
    [
      name,
      at.lon,
      at.lat,
      options.metres ?? 200,
      options.kind ?? 'underground',
      options.carriers ?? ['viettel'],
      options.completedOn ?? '2026-03-10',
    ],
  )
}

/** The lon/lat `metres` from a station toward `azimuthDeg`, computed by PostGIS on the ellipsoid. */
export function offsetFrom(q: Queryable, stationId: number, metres: number, azimuthDeg = 90) {
  return q.one<{ lon: number; lat: number }>(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat
       FROM (SELECT ST_Project(geom::geography, $2::float8, radians($3::float8))::geometry AS p
               FROM stations WHERE id = $1) t`,
    [stationId, metres, azimuthDeg],
  )
}

/** Assigns an inspection through the API (as `officer`); answers it. */
export async function assign(
  app: TestApp,
  officer: string,
  body: { assetKind: string; assetId: number; inspectorId?: number | null; dueOn?: string; purpose?: string },
): Promise<Json> {
  const res = await app.request('POST', '/api/inspections', { cookie: officer, body })
  const json = await res.json()
  expect(res.status, JSON.stringify(json)).toBe(201)
  return json
}

/** Every required checklist item of a kind answered yes (the default checklists of migration 150). */
export async function allYes(app: TestApp, cookie: string, kind: string): Promise<Record<string, boolean>> {
  const res = await app.request('GET', `/api/inspections/checklists/${kind}`, { cookie })
  expect(res.status).toBe(200)
  const { items } = (await res.json()) as { items: { key: string; kind: string; required?: boolean }[] }
  return Object.fromEntries(items.filter((i) => i.kind === 'boolean' && i.required).map((i) => [i.key, true]))
}

/** Posts a result; answers status and JSON. */
export async function record(app: TestApp, cookie: string, id: number, body: Json) {
  const res = await app.request('POST', `/api/inspections/${id}/result`, {
    cookie,
    body: { clientId: crypto.randomUUID(), recordedAt: new Date().toISOString(), ...body },
  })
  return { status: res.status, json: (await res.json()) as Json }
}
