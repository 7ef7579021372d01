import fs from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadConfig } from '../../server/config'
import { startServer, type Running } from '../../server/start'
import { openDb } from '../../server/db/index'
import { migrate } from '../../server/db/migrate'
import { insertUser } from '../../server/users/service'
import { setLogLevel } from '../../server/log'
import { emptyPostgres } from '../helpers/postgres'
import { DEMO_PASSWORD } from '../../gis-data/demo'

const ADMIN_PASSWORD = 'safe-defaults-root-2026'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
  vi.restoreAllMocks()
})

async function freshPostgres(): Promise<string> {
  const db = await emptyPostgres('telgis_safe')
  cleanups.push(db.drop)
  return db.url
}

/** A fresh migrated PostgreSQL database holding one demo account, as an earlier demo start would leave it. */
async function databaseWithDemoAccount(): Promise<Record<string, string>> {
  const url = await freshPostgres()
  const db = await openDb({ databaseUrl: url, dataDir: '', statementTimeoutMs: 60_000 })
  await migrate(db)
  const demoOfficer = { username: 'officer', displayName: 'demo', password: DEMO_PASSWORD, role: 'officer' as const }
  await insertUser(db, { ...demoOfficer, carrierId: null, isDemo: true })
  await db.close()
  return { DATABASE_URL: url }
}

async function start(env: Record<string, string>): Promise<Running> {
  setLogLevel('warn')
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', ADMIN_PASSWORD, LOG_LEVEL: 'warn', ...env })
  const running = await startServer(config)
  cleanups.push(() => running.stop())
  return running
}

const health = async (r: Running) =>
  (await (await fetch(`${r.url}/api/health`)).json()) as { demoAccounts: boolean; demo: string[] }
const signIn = (r: Running, password: string) =>
  fetch(`${r.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer', password }),
  })
const NOWHERE = '/nonexistent/never-created'

describe('safe defaults', () => {
  it('creates no demo account when started on DATABASE_URL without DEMO', async () => {
    const running = await start({ DATABASE_URL: await freshPostgres() })
    const demo = await running.db.one<{ users: number; datasets: number }>(
      'SELECT (SELECT count(*) FROM users WHERE is_demo) AS users, (SELECT count(*) FROM demo_datasets) AS datasets',
    )
    expect(demo).toEqual({ users: 0, datasets: 0 })
    expect(await health(running)).toMatchObject({ demoAccounts: false, demo: [] })
    expect((await running.db.one<{ n: number }>(`SELECT count(*) AS n FROM users WHERE role = 'admin'`)).n).toBe(1)
  })

  it('refuses to start with DEMO=on in production, saying why', async () => {
    for (const production of [{ NODE_ENV: 'production' }, { TRUST_PROXY: '1' }] as Record<string, string>[]) {
      const refused = start({ DATA_DIR: NOWHERE, DEMO: 'on', ...production })
      await expect(refused).rejects.toThrow(/DEMO=on is refused in production/)
    }
    expect(fs.existsSync(NOWHERE)).toBe(false)
  })

  it('refuses to start with a weak ADMIN_PASSWORD, before touching any database', async () => {
    for (const weak of ['x', 'admin-admin-admin', '123456789012', 'qwerty123456']) {
      const refused = start({ DATA_DIR: NOWHERE, ADMIN_PASSWORD: weak })
      await expect(refused).rejects.toThrow(/^ADMIN_PASSWORD is not accepted/)
    }
    expect(fs.existsSync(NOWHERE)).toBe(false)
  })

  it('switches demo accounts off at a production start, audited; the sign-in page hears of none', async () => {
    const env = await databaseWithDemoAccount()
    const running = await start({ ...env, NODE_ENV: 'production' })
    expect((await signIn(running, DEMO_PASSWORD)).status).toBe(401)
    expect((await health(running)).demoAccounts).toBe(false)
    const audited = await running.db.many<{ after: { active: boolean } }>(
      `SELECT a.after FROM audit_log a JOIN users u ON a.entity_id = u.id::text
        WHERE u.username = 'officer' AND a.action = 'user.update'`,
    )
    expect(audited.map((a) => a.after.active)).toEqual([false])
  })

  it('outside production, warns in the log and tells the sign-in page that demo accounts are active', async () => {
    const env = await databaseWithDemoAccount()
    const lines: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk))
      return true
    })
    const running = await start({ ...env, DEMO: 'off' })
    const warned = lines.filter((l) => l.includes('"level":"warn"') && l.includes('demo accounts'))
    expect(warned.some((l) => l.includes('officer'))).toBe(true)
    expect((await health(running)).demoAccounts).toBe(true)
    expect((await signIn(running, DEMO_PASSWORD)).status).toBe(200)
  })
})
