import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadConfig } from '../../server/config'
import { startServer } from '../../server/start'
import { ADMIN_PASSWORD_FILE } from '../../server/banner'
import { setLogLevel } from '../../server/log'
import { emptyPostgres } from '../helpers/postgres'
import { openDb } from '../../server/db/index'
import { migrate } from '../../server/db/migrate'
import { insertUser } from '../../server/users/service'
import { DEMO_PASSWORD } from '../../gis-data/demo'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
  vi.restoreAllMocks()
})

async function freshPostgres(): Promise<string> {
  const db = await emptyPostgres('telgis_banner')
  cleanups.push(db.drop)
  return db.url
}

async function startCapturing(env: Record<string, string>) {
  setLogLevel('warn')
  const printed: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk))
    return true
  })
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env })
  const running = await startServer(config)
  vi.restoreAllMocks()
  cleanups.push(() => running.stop())
  return { running, printed: printed.join('') }
}

const signIn = (url: string, username: string, password: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })

describe('start-up banner', () => {
  it('ends with the URL and keeps a generated admin password in DATA_DIR, readable by its owner only', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-banner-'))
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }))
    const { running, printed } = await startCapturing({ DATABASE_URL: await freshPostgres(), DATA_DIR: dataDir })

    const file = path.join(dataDir, ADMIN_PASSWORD_FILE)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    const password = /^password: (.+)$/m.exec(fs.readFileSync(file, 'utf8'))?.[1]
    expect(password).toBeTruthy()
    expect((await signIn(running.url, 'admin', password!)).status).toBe(200)

    // the banner is the last thing printed and names the URL, the admin, the password and where it is kept
    expect(printed.trimEnd().endsWith('─'.repeat(72))).toBe(true)
    const banner = printed.slice(printed.lastIndexOf('─'.repeat(72), printed.length - 80))
    expect(banner).toContain(running.url)
    expect(banner).toContain(password!)
    expect(banner).toContain(file)
  })

  it('writes no password file when ADMIN_PASSWORD chose it; lists demo sign-ins when demo accounts exist', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-banner-'))
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }))
    const url = await freshPostgres()
    // a demo account left by an earlier demo start
    const db = await openDb({ databaseUrl: url, dataDir: '', statementTimeoutMs: 60_000 })
    await migrate(db)
    const demoOfficer = { username: 'officer', displayName: 'demo', password: DEMO_PASSWORD, role: 'officer' as const }
    await insertUser(db, { ...demoOfficer, carrierId: null, isDemo: true })
    await db.close()

    const env = { DATABASE_URL: url, DATA_DIR: dataDir, ADMIN_PASSWORD: 'banner-root-2026-chosen' }
    const { printed } = await startCapturing(env)
    expect(fs.existsSync(path.join(dataDir, ADMIN_PASSWORD_FILE))).toBe(false)
    expect(printed).not.toContain('banner-root-2026-chosen')
    const banner = printed.slice(printed.lastIndexOf('─'.repeat(72), printed.length - 80))
    expect(banner).toMatch(/demo sign-ins[^\n]*demo-public-password\n\s+officer\n/)
  })
})
