import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { BenchResult } from './report'
import { freePort, spawnServer } from './server'
import { signIn, startup } from './cases/foundation'
import { stationsBench } from './cases/stations'
import { cablesBench } from './cases/cables'
import { conversionsBench } from './cases/conversions'
import { mapBench } from './cases/map'
import { execFileSync } from 'node:child_process'
import { ROOT } from './server'

/** What each benchmark case gets: the running server and a connection string for its raw-SQL baseline. */
export interface BenchContext {
  mode: 'postgres' | 'embedded'
  serverUrl: string
  databaseUrl: string
}

const embedded = process.argv.includes('--embedded')
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length)

/** Recreates the bench database, so every run measures the same freshly loaded data. */
async function freshDatabase(url: string): Promise<void> {
  const target = new URL(url)
  const name = target.pathname.slice(1)
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const c = new pg.Client({ connectionString: admin.toString() })
  await c.connect()
  const quoted = `"${name.replace(/"/g, '')}"`
  await c.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`)
  await c.query(`CREATE DATABASE ${quoted}`)
  await c.end()
}

const results: BenchResult[] = []
const emit = (rs: BenchResult[]) => {
  for (const r of rs) {
    results.push(r)
    process.stdout.write(JSON.stringify(r) + '\n')
  }
}
const wanted = (name: string) => !only || name.startsWith(only)

if (wanted('startup')) emit(await startup())

let databaseUrl: string
let dataDir: string | undefined
const env: Record<string, string> = { ADMIN_PASSWORD: 'bench-root-secret-2026', DEMO: 'on' }
if (embedded) {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-bench-'))
  const dbPort = await freePort()
  const dbPassword = crypto.randomBytes(12).toString('hex')
  Object.assign(env, { DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(dbPort), EMBEDDED_DB_PASSWORD: dbPassword })
  databaseUrl = `postgres://postgres:${dbPassword}@127.0.0.1:${dbPort}/postgres`
} else {
  databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/telgis_bench'
  await freshDatabase(databaseUrl)
  env.DATABASE_URL = databaseUrl
}
// The map case drives the real client in Chromium: it must be built before the server starts serving it.
if (wanted('map'))
  execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/build-client.ts'], { cwd: ROOT, stdio: 'inherit' })
const server = await spawnServer(env)
const ctx: BenchContext = { mode: embedded ? 'embedded' : 'postgres', serverUrl: server.url, databaseUrl }
try {
  if (wanted('auth')) emit(await signIn(ctx))
  if (wanted('stations')) emit(await stationsBench(ctx))
  if (wanted('cables') || wanted('tiles')) emit(await cablesBench(ctx))
  if (wanted('conversions')) emit(await conversionsBench(ctx))
  if (wanted('map')) emit(await mapBench(ctx))
} finally {
  await server.stop()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
}

const failed = results.filter((r) => !r.pass)
if (failed.length > 0) {
  process.stderr.write(
    `bench: ${failed.length} of ${results.length} over their limit: ${failed.map((r) => r.name).join(', ')}\n`,
  )
  process.exitCode = 1
}
