import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ensureCarriers } from '../../gis-data/demo'
import { rng } from '../../gis-data/random'
import { openDb, type Db, type Queryable } from '../../server/db/index'
import { migrate } from '../../server/db/migrate'
import type { Audience } from '../../server/tiles/audience'
import { renderTile } from '../../server/tiles/service'
import type { LayerName } from '../../server/tiles/layers'
import { decodeLayer, tileDifferences } from '../helpers/tiles'

// The two tile encoders on the same rows: ST_AsMVT on PostgreSQL against the portable SQL clip and the server's
// encoder (server/tiles/encode.ts) on the embedded database, feature by feature, geometry included.
// PostgreSQL is TEST_DATABASE_URL when set, else the local server CI starts (127.0.0.1:5432).
const PG_URL = process.env.TEST_DATABASE_URL ?? process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** The z/x/y of the tile holding [lon, lat]. */
function tileAt(z: number, lon: number, lat: number): { z: number; x: number; y: number } {
  const n = 2 ** z
  const r = (lat * Math.PI) / 180
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  }
}

const CENTRE = { lon: 106.7, lat: 10.78 }
// about two z14 tiles either way, so lines cross tile edges and the buffer
const SPREAD = 0.04
const STATES = ['draft', 'submitted', 'approved', 'in_service', 'in_service', 'decommissioned'] as const

/** The same deterministic routes, poles and stations (explicit ids) in any database. */
async function seed(q: Queryable): Promise<void> {
  await ensureCarriers(q)
  const carriers = (
    await q.many<{ id: number }>(
      `SELECT id FROM carriers WHERE short_name IN ('viettel', 'vnpt', 'mobifone') ORDER BY short_name`,
    )
  ).map((c) => c.id)
  const random = rng(20_261_201)
  const near = () => [CENTRE.lon + (random() - 0.5) * 2 * SPREAD, CENTRE.lat + (random() - 0.5) * 2 * SPREAD] as const
  const walk = (n: number, step: number) => {
    let [x, y] = near()
    return Array.from({ length: n }, () => {
      x += (random() - 0.5) * step
      y += (random() - 0.5) * step
      return `${x.toFixed(7)} ${y.toFixed(7)}`
    }).join(',')
  }
  const routes = Array.from({ length: 160 }, (_, i) => {
    const id = i + 1
    // a few lines far below a pixel, which both encoders must drop; some routes in two parts
    const step = id % 10 === 0 ? 0.000002 : 0.004
    const wkt =
      id % 7 === 0
        ? `MULTILINESTRING((${walk(4, step)}),(${walk(3, step)}))`
        : `MULTILINESTRING((${walk(2 + (id % 5), step)}))`
    const shared = id % 4 === 0 ? `,${carriers[(id + 1) % 3]}` : ''
    return {
      id,
      kind: ['underground', 'tidying', 'relocation'][id % 3]!,
      status: ['planned', 'under_construction', 'completed', 'accepted'][id % 4]!,
      carriers: `{${carriers[id % 3]}${shared}}`,
      wkt,
    }
  })
  await q.exec(
    `INSERT INTO cable_routes (id, province_code, name, kind, status, carrier_ids, started_on, completed_on,
                              accepted_on, geom, length_m)
     SELECT r.id, '79', 'Tuyến ' || r.id, r.kind, r.status, r.carriers::int[],
            CASE WHEN r.status <> 'planned' THEN DATE '2018-01-01' END,
            CASE WHEN r.status IN ('completed', 'accepted') THEN DATE '2018-02-01' END,
            CASE WHEN r.status = 'accepted' THEN DATE '2018-03-01' END, ST_GeomFromText(r.wkt, 4326), 1
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[]) AS r(id, kind, status, carriers, wkt)`,
    [
      routes.map((r) => r.id),
      routes.map((r) => r.kind),
      routes.map((r) => r.status),
      routes.map((r) => r.carriers),
      routes.map((r) => r.wkt),
    ],
  )
  const poles = Array.from({ length: 1500 }, (_, i) => ({ id: i + 1, at: near() }))
  await q.exec(
    `INSERT INTO poles (id, province_code, code, owner_carrier_id, carrier_ids, geom)
     SELECT p.id, '79', 'P-' || p.id, ($2::int[])[1 + p.id % 3], ($2::int[])[1:(p.id % 4)],
            ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)
       FROM unnest($1::int[], $3::float8[], $4::float8[]) AS p(id, lon, lat)`,
    [poles.map((p) => p.id), carriers, poles.map((p) => p.at[0]), poles.map((p) => p.at[1])],
  )
  const stations = Array.from({ length: 120 }, (_, i) => ({ id: i + 1, at: near() }))
  await q.exec(
    `INSERT INTO stations (id, province_code, carrier_id, site_code, geom, mast_class, building_height_m, mast_height_m,
                           state, decision_no, decision_date)
     SELECT s.id, '79', ($2::int[])[1 + s.id % 3], 'ST-' || s.id, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326),
            (ARRAY['A1', 'A2a', 'A2b'])[1 + s.id % 3], CASE WHEN s.id % 3 <> 2 THEN 20 END, 3 + s.id % 20,
            ($5::text[])[1 + s.id % cardinality($5::text[])], '1/QĐ-STTTT', DATE '2018-01-01'
       FROM unnest($1::int[], $3::float8[], $4::float8[]) AS s(id, lon, lat)`,
    [stations.map((s) => s.id), carriers, stations.map((s) => s.at[0]), stations.map((s) => s.at[1]), STATES],
  )
}

/** A new database on the PostgreSQL server, dropped by `drop`. */
async function postgresDb(): Promise<{ db: Db; drop(): Promise<void> }> {
  const name = `telgis_tiles_${crypto.randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const target = new URL(PG_URL)
  target.pathname = `/${name}`
  const db = await openDb({ databaseUrl: target.toString(), dataDir: '', statementTimeoutMs: 60_000 })
  return {
    db,
    async drop() {
      await db.close()
      const c = new pg.Client({ connectionString: PG_URL })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

let postgres: { db: Db; drop(): Promise<void> }
let embedded: Db
let carrierId: number
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiles-encoders-'))

beforeAll(async () => {
  postgres = await postgresDb()
  // the migrated embedded template when this run has one (it saves the PostGIS install), else a new folder
  const template = process.env.TEST_DATABASE_URL ? '' : inject('templateDir')
  if (template) fs.cpSync(template, dir, { recursive: true })
  embedded = await openDb({ dataDir: dir, statementTimeoutMs: 120_000 })
  for (const db of [postgres.db, embedded]) {
    await migrate(db)
    await db.transaction((tx) => seed(tx))
  }
  carrierId = (await embedded.one<{ id: number }>(`SELECT id FROM carriers WHERE short_name = 'vnpt'`)).id
  const same = await postgres.db.one<{ id: number }>(`SELECT id FROM carriers WHERE short_name = 'vnpt'`)
  expect(same.id).toBe(carrierId)
}, 300_000)

afterAll(async () => {
  await embedded?.close()
  await postgres?.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the two tile encoders', () => {
  it('are ST_AsMVT on PostgreSQL and the server encoder on the embedded database', () => {
    expect(postgres.db.capabilities.asMvt).toBe(true)
    expect(embedded.capabilities.asMvt).toBe(false)
  })

  const cases: [layer: LayerName, zoom: number, audience: 'staff' | 'carrier' | 'public'][] = [
    ['routes', 14, 'staff'],
    ['routes', 14, 'carrier'],
    ['routes', 13, 'staff'],
    ['routes', 11, 'staff'],
    ['poles', 14, 'staff'],
    ['poles', 14, 'carrier'],
    ['poles', 12, 'staff'],
    ['stations', 14, 'staff'],
    ['stations', 14, 'carrier'],
    ['stations', 14, 'public'],
    ['stations', 9, 'staff'],
  ]
  it.each(cases)('draw the same %s features at z%d for %s, coordinate by coordinate', async (layer, z, who) => {
    const audience: Audience = who === 'carrier' ? { kind: 'carrier', carrierId } : { kind: who }
    const tile = { layer, ...tileAt(z, CENTRE.lon, CENTRE.lat) }
    const native = await renderTile(postgres.db, '79', tile, audience)
    const portable = await renderTile(embedded, '79', tile, audience)
    expect(decodeLayer(native, layer).length).toBeGreaterThan(0)
    expect(tileDifferences(native, portable, layer)).toEqual([])
  })
})
