import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { openDb, type Db } from '../../server/db/index'
import { migrate } from '../../server/db/migrate'

// Each test opens its own embedded database; on a busy machine that alone can take a minute.
const SLOW = { timeout: 180_000 }
const opened: { db: Db; dir: string }[] = []
afterEach(async () => {
  for (const { db, dir } of opened.splice(0)) {
    await db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

// The run on PostgreSQL (TEST_DATABASE_URL) has no embedded template: this file builds its own there.
let template = ''
let ownTemplate = false
beforeAll(async () => {
  template = inject('templateDir')
  if (template) return
  template = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-socket-template-'))
  ownTemplate = true
  const db = await openDb({ dataDir: template, statementTimeoutMs: 60_000 })
  await migrate(db)
  await db.close()
}, 300_000)
afterAll(() => {
  if (ownTemplate) fs.rmSync(template, { recursive: true, force: true })
})

/** Opens a copy of the migrated embedded template. */
async function embedded(options: { embeddedPort?: number; embeddedPassword?: string } = {}): Promise<Db> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-socket-'))
  fs.cpSync(template, dir, { recursive: true })
  const db = await openDb({ dataDir: dir, statementTimeoutMs: 60_000, ...options })
  opened.push({ db, dir })
  return db
}

/** Inodes of the TCP sockets this process is listening on (Linux /proc). */
function listeningTcpSockets(): Set<string> {
  const mine = new Set(
    fs.readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        return [/^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/self/fd/${fd}`))?.[1] ?? []].flat()
      } catch {
        return []
      }
    }),
  )
  const listening = ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f[3] === '0A')
      .map((f) => f[9]!),
  )
  return new Set(listening.filter((inode) => mine.has(inode)))
}

const connect = async (port: number, password?: string) => {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    database: 'postgres',
    password,
    connectionTimeoutMillis: 5_000,
  })
  try {
    await client.connect()
    return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0]!.n
  } finally {
    await client.end().catch(() => undefined)
  }
}

describe('the embedded database', () => {
  it('opens no TCP port unless EMBEDDED_DB_PORT asks; the app uses a socket only this user reaches', SLOW, async () => {
    const before = listeningTcpSockets()
    const db = await embedded()
    expect(listeningTcpSockets()).toEqual(before)
    expect(db.embeddedPort).toBeUndefined()
    expect((await db.one<{ ok: number }>('SELECT 1 AS ok')).ok).toBe(1)
    const dirs = fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith('telgis-db-'))
    const sockets = dirs.map((d) => path.join(os.tmpdir(), d))
    const mine = (d: string) => fs.statSync(d).uid === process.getuid!()
    const ours = sockets.filter((d) => fs.existsSync(path.join(d, '.s.PGSQL.5432')) && mine(d))
    expect(ours.length).toBeGreaterThan(0)
    for (const dir of ours) {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700)
      expect(fs.statSync(path.join(dir, '.s.PGSQL.5432')).mode & 0o777).toBe(0o600)
    }
  })

  it('with EMBEDDED_DB_PORT, refuses a missing or wrong password and accepts the generated one', SLOW, async () => {
    const db = await embedded({ embeddedPort: 0 })
    const access = db.embeddedPort!
    expect(access.generated).toBe(true)
    expect(access.password.length).toBeGreaterThanOrEqual(20)
    await expect(connect(access.port, 'postgres')).rejects.toMatchObject({ code: '28P01' })
    await expect(connect(access.port, `${access.password}x`)).rejects.toMatchObject({ code: '28P01' })
    await expect(connect(access.port)).rejects.toThrow()
    const users = (await db.one<{ n: number }>('SELECT count(*)::int AS n FROM users')).n
    expect(await connect(access.port, access.password)).toBe(users)
    // the app's own connection is unaffected by the refused ones
    expect((await db.one<{ ok: number }>('SELECT 1 AS ok')).ok).toBe(1)
  })

  it('with EMBEDDED_DB_PASSWORD, demands that password and does not call it generated', SLOW, async () => {
    const db = await embedded({ embeddedPort: 0, embeddedPassword: 'chosen-by-the-operator' })
    expect(db.embeddedPort).toMatchObject({ generated: false, password: 'chosen-by-the-operator' })
    await expect(connect(db.embeddedPort!.port, 'something-else')).rejects.toMatchObject({ code: '28P01' })
    expect(await connect(db.embeddedPort!.port, 'chosen-by-the-operator')).toBeGreaterThanOrEqual(0)
  })
})
