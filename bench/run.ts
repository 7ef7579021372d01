import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { BenchResult } from './report'
import { DEMO_LOAD_TIMEOUT_MS, freePort, spawnServer } from './server'
import { signIn, startup } from './cases/foundation'
import { stationsBench } from './cases/stations'
import { cablesBench } from './cases/cables'
import { conversionsBench } from './cases/conversions'
import { mapBench } from './cases/map'
import { loadArgs, loadBench } from './load/cases'
import { ogcBench } from './cases/ogc'
import { uiBench } from './cases/ui'
import { plansBench } from './cases/plans'
import { reportsBench } from './cases/reports'
import { execFileSync } from 'node:child_process'
import { ROOT } from './server'
import { acceptanceReport, growDemo, growthLines } from './scale'

/** What each benchmark case gets: the running server and a connection string for its raw-SQL baseline. */
export interface BenchContext {
  mode: 'postgres' | 'embedded'
  serverUrl: string
  databaseUrl: string
  /** The server process, for its memory (/proc). */
  serverPid: number
}

const embedded = process.argv.includes('--embedded')
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length)
// --scale 10 (or --scale=10): every case on the demo, then on the demo grown ten times, with the growth of each.
const scaleAt = process.argv.findIndex((a) => a === '--scale' || a.startsWith('--scale='))
const scale = scaleAt < 0 ? 1 : Number(process.argv[scaleAt]!.split('=')[1] ?? process.argv[scaleAt + 1])
if (!(scale >= 1 && scale <= 100)) throw new Error('--scale takes a number from 1 to 100')

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
/** The scale the cases run at now: 1, then the --scale asked. Lines carry it when a run has two. */
let atScale = 1
const emit = (rs: BenchResult[]) => {
  for (const line of rs) {
    const r = scale === 1 ? line : { ...line, scale: atScale }
    results.push(r)
    process.stdout.write(`${JSON.stringify(r)}\n`)
  }
}
const wanted = (name: string) => !only || name.startsWith(only)

if (wanted('startup')) emit(await startup())

// The ui case starts its own server on the embedded database (the acceptance figure is the embedded one).
if (wanted('ui') || only?.startsWith('ui.')) emit(await uiBench())
// Only the ui case asked for: the shared server is not needed.
const onlyUi = only?.startsWith('ui') ?? false

if (!onlyUi) {
  let databaseUrl: string
  let dataDir: string | undefined
  // No tile cache here: tiles.z14_p50_ratio asks for the same tile again and again and must time its rendering, not a
  // cache hit (the cache is measured by the load.* cases, whose server keeps it).
  const env: Record<string, string> = { ADMIN_PASSWORD: 'bench-root-secret-2026', DEMO: 'on', TILE_CACHE_BYTES: '0' }
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
  // the embedded database loads the demo layers before it listens: its first health answer waits for them
  const server = await spawnServer(env, embedded ? DEMO_LOAD_TIMEOUT_MS : undefined)
  const ctx: BenchContext = {
    mode: embedded ? 'embedded' : 'postgres',
    serverUrl: server.url,
    databaseUrl,
    serverPid: server.child.pid!,
  }
  try {
    for (const step of scale === 1 ? [1] : [1, scale]) {
      if (step !== 1) {
        process.stderr.write(`bench: growing the demo to ×${step}…\n`)
        const grown = await growDemo(databaseUrl, step, (s) => process.stderr.write(`bench: ×${step}: ${s}…\n`))
        process.stderr.write(`bench: ${JSON.stringify(grown.report)}\n`)
        atScale = step
        emit([grown.line])
      }
      if (wanted('auth')) emit(await signIn(ctx))
      if (wanted('stations')) emit(await stationsBench(ctx))
      if (wanted('ogc')) emit(await ogcBench(ctx))
      if (wanted('cables') || wanted('tiles')) emit(await cablesBench(ctx))
      if (wanted('conversions')) emit(await conversionsBench(ctx))
      if (wanted('map')) emit(await mapBench(ctx))
      if (wanted('plans')) emit(await plansBench(ctx))
      if (wanted('reports')) emit(await reportsBench(ctx))
    }
    if (scale !== 1) emit(growthLines(results, scale))
    for (const line of acceptanceReport(results, atScale)) process.stderr.write(`bench: acceptance: ${line}\n`)
  } finally {
    await server.stop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  }

  // the load cases start their own server (with the baseline route) on the same database, the bench's stopped
  if (wanted('load') || only?.startsWith('load.'))
    emit(await loadBench({ ...loadArgs(process.argv), databaseUrl: embedded ? undefined : databaseUrl }))
}

const failed = results.filter((r) => !r.pass)
if (failed.length > 0) {
  process.stderr.write(
    `bench: ${failed.length} of ${results.length} over their limit: ${failed.map((r) => r.name).join(', ')}\n`,
  )
  process.exitCode = 1
}
