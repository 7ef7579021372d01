import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { insertUser } from '../../server/users/service'
import { LOGIN_LIMIT } from '../../server/auth/service'

let app: TestApp
let proxied: TestApp
beforeAll(async () => {
  ;[app, proxied] = await Promise.all([startTestApp(), startTestApp({ TRUST_PROXY: '1' })])
})
afterAll(async () => {
  await Promise.all([app?.close(), proxied?.close()])
})
beforeEach(async () => {
  await Promise.all([app.db.exec('DELETE FROM login_throttle'), proxied.db.exec('DELETE FROM login_throttle')])
})

const attempt = (on: TestApp, username: string, password: string, headers: Record<string, string> = {}) =>
  on.request('POST', '/api/auth/login', { body: { username, password }, headers })
const failures = async (on: TestApp, scope: 'user' | 'ip', key: string) =>
  (
    await on.db.maybeOne<{ failures: number }>('SELECT failures FROM login_throttle WHERE scope = $1 AND key = $2', [
      scope,
      key,
    ])
  )?.failures ?? 0
/** An officer whose password is `password-<username>`. */
const officer = (username: string) =>
  insertUser(app.db, {
    username,
    displayName: username,
    password: `password-${username}`,
    role: 'officer',
    carrierId: null,
  })
/** Sends `n` sign-ins at once with wrong passwords. */
const wrongAtOnce = (username: string, n: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => attempt(app, username, `wrong-guess-${i}`)))
/** Sprays one password over `n` names, one after the other, answering the statuses. */
type Headers = (i: number) => Record<string, string>
async function spray(on: TestApp, prefix: string, n: number, headers: Headers = () => ({})) {
  const statuses: number[] = []
  for (let i = 0; i < n; i++) statuses.push((await attempt(on, `${prefix}.${i}`, 'Summer2026!', headers(i))).status)
  return statuses
}

describe('sign-in throttle', () => {
  it('checks at most the limit of 100 parallel wrong passwords for one account', async () => {
    await officer('parallel.target')
    const answers = await wrongAtOnce('parallel.target', 100)
    const statuses = answers.map((r) => r.status)
    // 401 means the password was checked; 429 that it was refused before scrypt ran
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LOGIN_LIMIT.perUser)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(100 - LOGIN_LIMIT.perUser)
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true)
    expect(await failures(app, 'user', 'parallel.target')).toBeLessThanOrEqual(LOGIN_LIMIT.perUser)
    const refused = answers.find((r) => r.status === 429)!
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await attempt(app, 'parallel.target', 'password-parallel.target')).status).toBe(429)
  })

  it('lets a second account behind the same address sign in meanwhile', async () => {
    await officer('nat.victim')
    await officer('nat.colleague')
    await wrongAtOnce('nat.victim', 100)
    expect(await failures(app, 'ip', '127.0.0.1')).toBeLessThanOrEqual(LOGIN_LIMIT.perUser)
    expect((await attempt(app, 'nat.colleague', 'password-nat.colleague')).status).toBe(200)
  })

  it('backs off per address against a spray over many names, and the back-off doubles', async () => {
    const answers = await spray(app, 'sprayed', LOGIN_LIMIT.perIp + 3)
    expect(answers.slice(0, LOGIN_LIMIT.perIp)).toEqual(Array(LOGIN_LIMIT.perIp).fill(401))
    expect(answers.slice(LOGIN_LIMIT.perIp)).toEqual([429, 429, 429])
    // a refused attempt is not held against the account it named
    expect(await failures(app, 'user', `sprayed.${LOGIN_LIMIT.perIp + 1}`)).toBe(0)
    // the first wait has passed: one more failure is allowed, and the next wait is twice as long
    await app.db.exec(`UPDATE login_throttle SET blocked_until = now() - interval '1 second' WHERE scope = 'ip'`)
    expect((await attempt(app, 'sprayed.again', 'Summer2026!')).status).toBe(401)
    const next = await attempt(app, 'sprayed.once.more', 'Summer2026!')
    expect(next.status).toBe(429)
    const wait = Number(next.headers.get('retry-after'))
    expect(wait).toBeGreaterThan(LOGIN_LIMIT.firstBackoffSeconds * 2 - 5)
    expect(wait).toBeLessThanOrEqual(LOGIN_LIMIT.firstBackoffSeconds * 2)
  })

  it('ignores a forged X-Forwarded-For without a trusted proxy', async () => {
    const answers = await spray(app, 'forged', LOGIN_LIMIT.perIp + 2, (i) => ({ 'x-forwarded-for': `198.51.100.${i}` }))
    expect(answers.slice(LOGIN_LIMIT.perIp)).toEqual([429, 429])
    const keys = await app.db.many<{ key: string }>(`SELECT key FROM login_throttle WHERE scope = 'ip'`)
    expect(keys.map((k) => k.key)).toEqual(['127.0.0.1'])
  })

  it('with TRUST_PROXY=1 takes only the address the proxy appended', async () => {
    // the client wrote the first address itself; the proxy appended the last one
    const answers = await spray(proxied, 'proxied', LOGIN_LIMIT.perIp + 2, (i) => ({
      'x-forwarded-for': `198.51.100.${i}, 203.0.113.7`,
    }))
    expect(answers.slice(LOGIN_LIMIT.perIp)).toEqual([429, 429])
    const keys = await proxied.db.many<{ key: string }>(`SELECT key FROM login_throttle WHERE scope = 'ip'`)
    expect(keys.map((k) => k.key)).toEqual(['203.0.113.7'])
    const other = await attempt(proxied, 'proxied.x', 'Summer2026!', { 'x-forwarded-for': '203.0.113.8' })
    expect(other.status).toBe(401)
  })
})
