import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.close()
})

type Problem = { status: number; detail: string; errors?: { path: string; message: string }[] }
const userCount = async () => (await app.db.one<{ n: number }>('SELECT count(*) AS n FROM users')).n

describe('passwords set by an administrator', () => {
  it('refuses a weak new password, naming the field, and creates nobody', async () => {
    const { cookie } = await app.user('policy.admin', 'admin')
    const before = await userCount()
    const user = { username: 'new.inspector', displayName: 'Mới', role: 'inspector' }
    const weak = [' '.repeat(10), '1234567890', 'new.inspector', 'x-new.inspector-x', 'qwerty123456', 'b'.repeat(16)]
    for (const password of weak) {
      const res = await app.request('POST', '/api/users', { cookie, body: { ...user, password } })
      expect(res.status, JSON.stringify(password)).toBe(400)
      expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toEqual(['body.password'])
    }
    expect(await userCount()).toBe(before)
    const ok = await app.request('POST', '/api/users', { cookie, body: { ...user, password: 'trạm-gốc-bên-sông' } })
    expect(ok.status).toBe(201)
  })

  it("refuses a changed password that contains the user's name and keeps the old one", async () => {
    const { cookie } = await app.user('policy.admin2', 'admin')
    const target = await app.user('le.thi.hoa', 'officer')
    const res = await app.request('PUT', `/api/users/${target.id}`, {
      cookie,
      body: { displayName: 'Hoa', role: 'officer', carrierId: null, active: true, password: 'Le.Thi.Hoa.2026' },
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as Problem).errors?.[0]?.message).toMatch(/username/)
    await expect(app.login('le.thi.hoa')).resolves.toMatch(/^sid=/)
  })
})

describe('the last active administrator', () => {
  it('cannot deactivate or demote itself; can once another administrator exists', async () => {
    await app.db.exec(`UPDATE users SET active = false WHERE role = 'admin'`)
    const only = await app.user('only.admin', 'admin')
    const base = { displayName: 'Only', carrierId: null }
    for (const change of [
      { role: 'admin', active: false },
      { role: 'officer', active: true },
    ]) {
      const res = await app.request('PUT', `/api/users/${only.id}`, {
        cookie: only.cookie,
        body: { ...base, ...change },
        headers: { 'Accept-Language': 'en' },
      })
      expect(res.status, JSON.stringify(change)).toBe(409)
      const problem = (await res.json()) as Problem & { code: string }
      expect(problem.code).toBe('user.last_admin')
      expect(problem.detail).toMatch(/last active administrator/)
    }
    const row = await app.db.one<{ role: string; active: boolean }>('SELECT role, active FROM users WHERE id = $1', [
      only.id,
    ])
    expect(row).toEqual({ role: 'admin', active: true })
    await app.user('second.admin', 'admin')
    const demote = { ...base, role: 'officer', active: true }
    const res = await app.request('PUT', `/api/users/${only.id}`, { cookie: only.cookie, body: demote })
    expect(res.status).toBe(200)
  })
})
