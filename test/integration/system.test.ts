import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.close()
})

describe('system endpoints', () => {
  it('reports the database mode, PostGIS version, migration level and capabilities', async () => {
    const res = await app.request('GET', '/api/health')
    expect(res.status).toBe(200)
    const health = (await res.json()) as {
      database: { mode: string; postgis: string }
      migrations: { level: number }
      capabilities: { asMvt: boolean }
    }
    expect(health.database.mode).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded')
    expect(health.database.postgis).toMatch(/^3\.\d+/)
    expect(health.migrations.level).toBeGreaterThanOrEqual(1)
    // The embedded PostGIS is built without protobuf; Debian's has it.
    expect(health.capabilities.asMvt).toBe(!!process.env.TEST_DATABASE_URL)
  })

  it('publishes an OpenAPI document generated from the request schemas', async () => {
    const doc = (await (await app.request('GET', '/api/openapi.json')).json()) as {
      openapi: string
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content: Record<string, { schema: { required?: string[] } }> }; 'x-access': unknown }
        >
      >
    }
    expect(doc.openapi).toBe('3.1.0')
    const login = doc.paths['/api/auth/login']!.post!
    expect(login.requestBody!.content['application/json']!.schema.required).toEqual(['username', 'password'])
    expect(doc.paths['/api/users']!.post!['x-access']).toEqual(['admin'])
  })

  it('answers an unknown API path with a 404 problem', async () => {
    const res = await app.request('GET', '/api/no-such-thing')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
  })

  it('sends security headers', async () => {
    const res = await app.request('GET', '/api/health')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('x-powered-by')).toBeNull()
  })

  it('sets the configured statement timeout on every connection', async () => {
    // test databases are opened with statementTimeoutMs 60 000
    expect(await app.db.one('SHOW statement_timeout')).toEqual({ statement_timeout: '1min' })
  })

  it("counts days in SQL by Vietnam's calendar", async () => {
    expect(await app.db.one('SHOW timezone')).toEqual({ TimeZone: 'Asia/Ho_Chi_Minh' })
    const { day } = await app.db.one<{ day: string }>(
      `SELECT (timestamptz '2026-11-27 17:30:00+00')::date::text AS day`,
    )
    expect(day).toBe('2026-11-28')
  })

  // PGlite runs in WebAssembly without timer interrupts: it accepts the setting but cannot cancel a statement.
  it.runIf(process.env.TEST_DATABASE_URL)('cancels a statement that runs over the timeout (PostgreSQL)', async () => {
    await expect(
      app.db.transaction(async (tx) => {
        await tx.exec(`SET LOCAL statement_timeout = 50`)
        await tx.exec('SELECT pg_sleep(2)')
      }),
    ).rejects.toMatchObject({ code: '57014' })
  })
})
