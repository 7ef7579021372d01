import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnServer, type Spawned } from '../../../bench/server'
import {
  cloneDatabase,
  dropDatabase,
  runDatabase,
  runFolder,
  sharedDatabase,
  sharedFolder,
} from '../../helpers/templates'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const DIST = path.join(ROOT, 'dist/client/index.html')
export const ADMIN_PASSWORD = 'e2e-root-secret-2026'

function newestMtime(target: string): number {
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))))
}

/** Runs `vite build` when dist/client is missing or older than the client sources. */
export function ensureClientBuilt(): void {
  const built = fs.existsSync(DIST) ? fs.statSync(DIST).mtimeMs : 0
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'client')),
    newestMtime(path.join(ROOT, 'vite.config.ts')),
    newestMtime(path.join(ROOT, 'package-lock.json')),
  )
  if (built > sources) return
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  })
}

export interface E2eServer {
  url: string
  stop(): Promise<void>
}

/** The demo-loaded database e2e servers start from: a data folder to copy, or a PostgreSQL database to clone. */
export interface E2eTemplate {
  dir: string
  database: string
}

/** How long the template's server may take to migrate an empty database, and to close it cleanly at the end. */
const TEMPLATE_STOP_MS = 300_000

/** How long a server may take to answer its health check (a copied template: migrations are done). */
const START_TIMEOUT_MS = 180_000

/** What every e2e server starts with; its template was started with the same. */
const BASE_SETTINGS = { DEMO: 'on', ADMIN_PASSWORD }
/** Settings that change what a start writes to the database, which a spec may therefore not vary. */
const TEMPLATE_SETTINGS = ['DATA_DIR', 'DATABASE_URL', 'DEMO', 'ADMIN_PASSWORD', 'PROVINCE_CODE']

/**
 * Starts the server once on an empty database, as every e2e server did before templates (migrations, admin,
 * province rules, the whole demo), and stops it: the database is then the run's template (global-setup.ts).
 */
export async function buildE2eTemplate(runPid: number): Promise<E2eTemplate> {
  // in a child process as every e2e server runs, stopped cleanly (SIGTERM) so that the folder copied is whole
  const startAndStop = async (settings: { DATA_DIR: string; DATABASE_URL: string }) => {
    // an empty database: the migrations run before the server listens
    const running = await spawnServer({ ...BASE_SETTINGS, ...settings }, TEMPLATE_STOP_MS)
    await running.stop(TEMPLATE_STOP_MS)
  }
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-e2e-'))
    try {
      const database = await sharedDatabase(url, runDatabase(runPid, 'e2e'), (databaseUrl) =>
        startAndStop({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl }),
      )
      return { dir: '', database }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }
  const dir = await sharedFolder(runFolder(runPid, 'e2e'), (building) =>
    startAndStop({ DATA_DIR: building, DATABASE_URL: '' }),
  )
  return { dir, database: '' }
}

/** The run's template when running under vitest (its e2e global setup builds one); none for a script. */
async function runTemplate(): Promise<E2eTemplate | undefined> {
  if (!process.env.VITEST) return undefined
  const { inject } = await import('vitest')
  return inject('e2eTemplate')
}

/**
 * The real server (`startServer`, as `npm start` runs it) with demo data, on a random port over a
 * fresh database: an embedded one in a temporary folder, or a new PostgreSQL database when
 * TEST_DATABASE_URL is set. Under vitest that database is a copy of the run's template, which a start
 * with demo data left behind (buildE2eTemplate), so this start finds the demo loaded; a script (tools/) loads
 * the demo itself. `env` adds settings (e.g. BASEMAP_PMTILES) that do not change what the start writes.
 */
export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
  ensureClientBuilt()
  const fixed = TEMPLATE_SETTINGS.filter((name) => name in env)
  if (fixed.length > 0) throw new Error(`e2e servers all start from one template: ${fixed.join(', ')} cannot vary`)
  const template = await runTemplate()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-e2e-'))
  const adminUrl = process.env.TEST_DATABASE_URL
  const dbName = `telgis_e2e_${crypto.randomBytes(6).toString('hex')}`
  let databaseUrl = ''
  if (adminUrl) databaseUrl = await cloneDatabase(adminUrl, dbName, template?.database ?? '')
  else if (template) fs.cpSync(template.dir, dataDir, { recursive: true })
  // A child process, as `npm start` runs it: the embedded database runs in its server's thread, and a statement
  // that never ends must fail this run's tests by their timeouts (and be killed at stop), not hang the run.
  let running: Spawned
  try {
    running = await spawnServer(
      { ...BASE_SETTINGS, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ...env },
      START_TIMEOUT_MS,
    )
  } catch (err) {
    await cleanUp()
    throw err
  }
  async function cleanUp() {
    fs.rmSync(dataDir, { recursive: true, force: true })
    if (adminUrl) await dropDatabase(adminUrl, dbName)
  }
  return {
    url: running.url,
    async stop() {
      await running.stop()
      await cleanUp()
    },
  }
}
