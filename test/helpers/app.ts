import type { Server } from 'node:http'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { insertUser } from '../../server/users/service'
import { ensureCarriers } from '../../gis-data/demo'
import { setLogLevel } from '../../server/log'
import { JobBoard } from '../../server/health/jobs'
import type { Role } from '../../server/http/context'
import { createTestDb, type DemoTemplate, type TestDb, type TestReplicas } from './db'

export interface TestApp {
  db: TestDb
  url: string
  /** fetch against the app; `cookie` signs the request in. */
  request(
    method: string,
    path: string,
    options?: { body?: unknown; cookie?: string; headers?: Record<string, string> },
  ): Promise<Response>
  /** Signs in and answers the session cookie. */
  login(username: string, password?: string): Promise<string>
  /** Creates a user of a role (a carrier user of the named carrier); its password is `password-<username>`. */
  user(username: string, role: Role, carrierShortName?: string): Promise<{ id: number; cookie: string }>
  close(): Promise<void>
}

/**
 * Starts the real app on a random port over a fresh test database with the real carriers loaded
 * (on PostgreSQL, `replicas` adds a streaming standby for db.read()); with `data`, the database is a copy of
 * that demo template (db.ts, DEMO_TEMPLATES), built once per run.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  replicas?: TestReplicas,
  data?: DemoTemplate,
): Promise<TestApp> {
  setLogLevel('warn')
  const db = await createTestDb(replicas, data)
  await ensureCarriers(db)
  const config = loadConfig({ DATA_DIR: '', ...env })
  const app = buildApp({ db, config, jobs: new JobBoard() })
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const address = server.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`

  const request: TestApp['request'] = (method, path, options = {}) =>
    fetch(url + path, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
      body:
        options.body === undefined
          ? undefined
          : typeof options.body === 'string'
            ? options.body
            : JSON.stringify(options.body),
    })

  const login: TestApp['login'] = async (username, password = `password-${username}`) => {
    const res = await request('POST', '/api/auth/login', { body: { username, password } })
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`)
    const setCookie = res.headers.get('set-cookie') ?? ''
    return setCookie.split(';')[0]!
  }

  return {
    db,
    url,
    request,
    login,
    async user(username, role, carrierShortName) {
      const carrier = carrierShortName
        ? await db.one<{ id: number }>('SELECT id FROM carriers WHERE short_name = $1', [carrierShortName])
        : null
      const u = await insertUser(db, {
        username,
        displayName: username,
        password: `password-${username}`,
        role,
        carrierId: carrier?.id ?? null,
      })
      return { id: u.id as number, cookie: await login(username) }
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await db.destroy()
    },
  }
}
