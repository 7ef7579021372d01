import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.close()
})

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  return (await res.json()) as {
    status: number
    title: string
    detail: string
    errors?: { path: string; message: string }[]
  }
}

describe('sign-in', () => {
  it('answers 401 problem+json to an unauthenticated call', async () => {
    const res = await app.request('GET', '/api/auth/me')
    expect(res.status).toBe(401)
    expect((await problem(res)).status).toBe(401)
  })

  it('signs in, shows the current user, signs out', async () => {
    const { cookie } = await app.user('anna.officer', 'officer')
    const me = await app.request('GET', '/api/auth/me', { cookie })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { user: { role: string } }).user.role).toBe('officer')
    const out = await app.request('POST', '/api/auth/logout', { cookie })
    expect(out.status).toBe(204)
    expect((await app.request('GET', '/api/auth/me', { cookie })).status).toBe(401)
  })

  it('sets an httpOnly SameSite session cookie', async () => {
    await app.user('cookie.check', 'inspector')
    const res = await app.request('POST', '/api/auth/login', {
      body: { username: 'cookie.check', password: 'password-cookie.check' },
    })
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/Secure/i)
  })

  it('stores only a hash of the session token', async () => {
    const { cookie } = await app.user('hash.check', 'inspector')
    const token = decodeURIComponent(cookie.split('=')[1]!)
    const found = await app.db.maybeOne('SELECT 1 FROM sessions WHERE token_hash = $1', [token])
    expect(found).toBeUndefined()
  })

  it('rejects a malformed body with the field named', async () => {
    const res = await app.request('POST', '/api/auth/login', { body: { username: 'x' } })
    expect(res.status).toBe(400)
    expect((await problem(res)).errors?.map((e) => e.path)).toEqual(['body.password'])
  })

  it('rejects a body that is not JSON', async () => {
    const res = await app.request('POST', '/api/auth/login', {
      body: '{"username": ',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(400)
    await problem(res)
  })

  it('refuses a body over the size limit with 413', async () => {
    const res = await app.request('POST', '/api/auth/login', {
      body: { username: 'a', password: 'x'.repeat(2_000_000) },
    })
    expect(res.status).toBe(413)
    await problem(res)
  })

  it('answers 429 after 10 wrong passwords, even with the right one, saying when to retry', async () => {
    await app.user('target.user', 'inspector')
    for (let i = 0; i < 10; i++) {
      const res = await app.request('POST', '/api/auth/login', {
        body: { username: 'target.user', password: `wrong-${i}` },
      })
      expect(res.status).toBe(401)
    }
    const blocked = await app.request('POST', '/api/auth/login', {
      body: { username: 'target.user', password: 'password-target.user' },
    })
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(25)
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(30)
    expect((await problem(blocked)).status).toBe(429)
  })

  it('refuses a cross-site POST', async () => {
    const res = await app.request('POST', '/api/auth/login', {
      body: { username: 'a', password: 'b' },
      headers: { origin: 'https://evil.example' },
    })
    expect(res.status).toBe(403)
  })
})

describe('roles', () => {
  it('answers 403 problem+json when the role is wrong', async () => {
    const { cookie } = await app.user('carrier.user', 'carrier', 'viettel')
    const res = await app.request('GET', '/api/users', { cookie })
    expect(res.status).toBe(403)
    expect((await problem(res)).status).toBe(403)
  })

  it('lets the administrator list users', async () => {
    const { cookie } = await app.user('root.admin', 'admin')
    const res = await app.request('GET', '/api/users?limit=5', { cookie })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { items: unknown[]; total: number }
    expect(body.items.length).toBeLessThanOrEqual(5)
    expect(body.total).toBeGreaterThan(0)
  })
})
