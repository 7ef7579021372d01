import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.close()
})

// Cookie values a broken browser extension, an old deployment or an attacker might send.
const MALFORMED = [
  'sid=%',
  'sid=%E0%A4%A',
  'sid=%ZZ',
  'sid=',
  'sid="quoted"',
  `sid=${'A'.repeat(43)}`,
  `sid=${'x'.repeat(4000)}`,
  'sid=abc; sid=%',
  'sid=%00%00',
  'sid=ünïcödé',
]
const PUBLIC = ['/api/health', '/api/public/stations', '/api/coordinates/zones']
const PRIVATE = ['/api/auth/me', '/api/users', '/api/audit']

describe('a malformed session cookie', () => {
  it('is treated as no session: 200 on public routes', async () => {
    for (const cookie of MALFORMED) {
      for (const path of PUBLIC) {
        const res = await app.request('GET', path, { headers: { cookie: Buffer.from(cookie).toString('latin1') } })
        expect(res.status, `${path} with ${cookie}`).toBe(200)
      }
      const tile = await app.request('GET', '/tiles/stations/10/815/483.mvt', { headers: { cookie } })
      expect([200, 204], `tile with ${cookie}`).toContain(tile.status)
    }
  })

  it('is treated as no session: 401 on private routes', async () => {
    for (const cookie of MALFORMED) {
      for (const path of PRIVATE) {
        const res = await app.request('GET', path, { headers: { cookie: Buffer.from(cookie).toString('latin1') } })
        expect(res.status, `${path} with ${cookie}`).toBe(401)
      }
    }
  })

  it('does not hide a valid session cookie sent beside other cookies', async () => {
    const { cookie } = await app.user('cookie.neighbour', 'officer')
    const res = await app.request('GET', '/api/auth/me', { headers: { cookie: `theme=dark; ${cookie}; other=%` } })
    expect(res.status).toBe(200)
  })
})

describe('caching', () => {
  it('marks a signed-in answer private, no-store', async () => {
    const { cookie } = await app.user('cache.officer', 'officer')
    for (const path of ['/api/auth/me', '/api/cables/routes', '/api/audit']) {
      const res = await app.request('GET', path, { cookie })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe('private, no-store')
    }
    const tile = await app.request('GET', '/tiles/routes/10/815/483.mvt', { cookie })
    expect(tile.headers.get('cache-control')).toBe('private, no-store')
  })

  it('marks problems and sign-in answers private, no-store', async () => {
    expect((await app.request('GET', '/api/users')).headers.get('cache-control')).toBe('private, no-store')
    const body = { username: 'nobody.here', password: 'wrong-password-1' }
    const login = await app.request('POST', '/api/auth/login', { body })
    expect(login.headers.get('cache-control')).toBe('private, no-store')
  })

  it('lets the public map and public tiles be cached', async () => {
    const stations = await app.request('GET', '/api/public/stations')
    expect(stations.headers.get('cache-control')).toBe('public, max-age=60')
    const tile = await app.request('GET', '/tiles/stations/10/815/483.mvt')
    expect(tile.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=30')
  })
})
