import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { loadConfig } from '../../server/config'
import { startServer, type Running } from '../../server/start'
import { setLogLevel } from '../../server/log'
import type { Json } from '../helpers/json'

// Any province on an empty database: PROVINCE_CODE=NN, DEMO=off, the real districts imported by the CLI, and a
// carrier's application in VN-2000 coordinates of the province's zone gets its rule check with no other step.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const ADMIN = path.resolve(ROOT, '../shared/data/admin')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const ADMIN_PASSWORD = 'Province-Setup-Key-4821'

let cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups = []
})

/** An empty, unmigrated database: a new embedded data folder or a new PostgreSQL database. */
async function emptyDatabase(): Promise<Record<string, string>> {
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const name = `telgis_prov_${crypto.randomBytes(6).toString('hex')}`
    const run = async (statement: string) => {
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      await c.query(statement)
      await c.end()
    }
    await run(`CREATE DATABASE ${name}`)
    cleanups.push(() => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    const target = new URL(url)
    target.pathname = `/${name}`
    return { DATABASE_URL: target.toString(), DATA_DIR: '' }
  }
  // The template is migrated but holds no data: the same as a first start's database after its migrations.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-province-'))
  fs.cpSync(inject('templateDir'), dir, { recursive: true })
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }))
  return { DATA_DIR: dir, DATABASE_URL: '' }
}

function importCli(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      ['server/cli/import-boundaries.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'warn' } },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
      },
    )
  })
}

async function call(
  running: Running,
  method: string,
  p: string,
  cookie?: string,
  body?: unknown,
): Promise<{ status: number; json: Json; cookie: string }> {
  const res = await fetch(running.url.replace('localhost', '127.0.0.1') + p, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  return {
    status: res.status,
    json: (await res.json()) as Json,
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!,
  }
}

const PROVINCES = [
  { code: '48', file: '48_danang_districts.geojson', meridian: 107.75, epsg: 5899 },
  { code: '84', file: '84_travinh_districts.geojson', meridian: 105.5, epsg: 9209 },
  { code: '42', file: '42_hatinh_districts.geojson', meridian: 105.5, epsg: 9209 },
]

describe('a new installation for any province', () => {
  for (const p of PROVINCES) {
    it(`PROVINCE_CODE=${p.code}, DEMO=off: districts by the CLI, then a VN-2000 application is checked`, async () => {
      setLogLevel('warn')
      const env = await emptyDatabase()
      const cli = await importCli(
        env,
        path.join(ADMIN, p.file),
        '--level',
        'district',
        '--province',
        p.code,
        '--valid-from',
        '2020-01-01',
        '--json',
      )
      expect(cli.stderr).toBe('')
      expect(cli.code).toBe(0)
      const report = JSON.parse(cli.stdout) as Json
      expect(report.status).toBe('imported')
      expect(report.outlineDerived).toBe(true)

      const config = loadConfig({
        ...env,
        PORT: '0',
        HOST: '127.0.0.1',
        DEMO: 'off',
        PROVINCE_CODE: p.code,
        ADMIN_PASSWORD,
        LOG_LEVEL: 'warn',
      })
      const running = await startServer(config)
      cleanups.push(() => running.stop())
      const admin = (
        await call(running, 'POST', '/api/auth/login', undefined, { username: 'admin', password: ADMIN_PASSWORD })
      ).cookie

      const setup = await call(running, 'GET', '/api/admin/setup', admin)
      expect(setup.status).toBe(200)
      expect(setup.json.province).toMatchObject({ provinceCode: p.code, epsg: p.epsg })
      expect(Number(setup.json.province.centralMeridian)).toBe(p.meridian)
      const item = (key: string) => setup.json.items.find((i: Json) => i.key === key)
      expect(item('boundaries')).toMatchObject({ done: true, detail: { districts: report.inserted, demo: 0 } })
      expect(item('rules')).toMatchObject({ done: false, detail: { present: true } })
      expect(item('carriers').done).toBe(true)
      expect(item('users').done).toBe(false)

      const carriers = (await call(running, 'GET', '/api/carriers', admin)).json.items as Json[]
      expect(
        carriers
          .filter((c) => c.kind === 'mobile')
          .map((c) => c.shortName)
          .sort(),
      ).toEqual(['gmobile', 'mobifone', 'viettel', 'vietnamobile', 'vnpt'].sort())
      const viettel = carriers.find((c) => c.shortName === 'viettel')!
      const created = await call(running, 'POST', '/api/users', admin, {
        username: 'viettel-nn',
        displayName: 'Viettel',
        password: 'Carrier-Signs-In-7391',
        role: 'carrier',
        carrierId: viettel.id,
      })
      expect(created.status).toBe(201)
      const carrier = (
        await call(running, 'POST', '/api/auth/login', undefined, {
          username: 'viettel-nn',
          password: 'Carrier-Signs-In-7391',
        })
      ).cookie

      // A point inside one district, written in the province's VN-2000 zone by PostGIS with the zone's pinned SRID.
      const site = await running.db.one<{ code: string; northing: number; easting: number }>(
        `SELECT d.code, ST_Y(ST_Transform(ST_PointOnSurface(d.geom), z.srid)) AS northing,
                ST_X(ST_Transform(ST_PointOnSurface(d.geom), z.srid)) AS easting
           FROM admin_units d JOIN vn2000_zones z ON z.province_code = d.province_code
          WHERE d.level = 'district' AND d.province_code = $1 ORDER BY d.code LIMIT 1`,
        [p.code],
      )
      const apply = await call(running, 'POST', '/api/stations', carrier, {
        siteCode: `NEW-${p.code}-1`,
        position: { crs: 'vn2000', northing: Number(site.northing), easting: Number(site.easting) },
        mastClass: 'A2b',
        mastHeightM: 40,
      })
      expect(apply.status).toBe(201)
      expect(apply.json.districtCode).toBe(site.code)
      const inProvince = (apply.json.ruleResults as Json[]).find((r) => r.rule === 'in_province')
      expect(inProvince?.outcome).toBe('pass')
      expect((apply.json.ruleResults as Json[]).length).toBeGreaterThan(3)
    }, 900_000)
  }
})
