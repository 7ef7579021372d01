import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { loadConfig } from '../../../server/config'
import { startServer, type Running } from '../../../server/start'
import { setLogLevel } from '../../../server/log'

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

/**
 * The real server (`startServer`, as `npm start` runs it) with demo data, on a random port over a
 * fresh database: an embedded one in a temporary folder, or a new PostgreSQL database when
 * TEST_DATABASE_URL is set. `env` adds settings (e.g. BASEMAP_PMTILES).
 */
export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
  ensureClientBuilt()
  setLogLevel('warn')
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-e2e-'))
  const adminUrl = process.env.TEST_DATABASE_URL
  const dbName = `telgis_e2e_${crypto.randomBytes(6).toString('hex')}`
  let databaseUrl = ''
  if (adminUrl) {
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${dbName}`))
    const target = new URL(adminUrl)
    target.pathname = `/${dbName}`
    databaseUrl = target.toString()
  }
  let running: Running
  try {
    running = await startServer(
      loadConfig({
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        DEMO: 'on',
        ADMIN_PASSWORD,
        LOG_LEVEL: 'warn',
        ...env,
      }),
    )
  } catch (err) {
    await cleanUp()
    throw err
  }
  async function cleanUp() {
    fs.rmSync(dataDir, { recursive: true, force: true })
    if (adminUrl) await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`))
  }
  return {
    url: running.url.replace('localhost', '127.0.0.1'),
    async stop() {
      await running.stop()
      await cleanUp()
    },
  }
}

async function withClient(url: string, fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    await fn(c)
  } finally {
    await c.end()
  }
}
