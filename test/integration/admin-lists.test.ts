import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import type { Json } from '../helpers/json'

// What the administration lists do from a row (issue 11): disable and enable a user, reset a password, add and
// edit a carrier, issue, list and revoke an API token — and nobody but the administrator can.

let app: TestApp
let admin: string
let others: Record<string, string>

const call = async (method: string, path: string, cookie: string | undefined, body?: unknown) => {
  const res = await app.request(method, path, { cookie, body })
  const text = await res.text()
  return { status: res.status, json: (text ? JSON.parse(text) : null) as Json }
}

beforeAll(async () => {
  app = await startTestApp()
  admin = (await app.user('al-admin', 'admin')).cookie
  others = {
    officer: (await app.user('al-officer', 'officer')).cookie,
    inspector: (await app.user('al-inspector', 'inspector')).cookie,
    carrier: (await app.user('al-viettel', 'carrier', 'viettel')).cookie,
  }
})
afterAll(() => app.close())

describe('users from the list', () => {
  it('disables a user (ending their sessions), enables them again and resets their password', async () => {
    const target = await app.user('al-target', 'officer')
    const row = (await call('GET', '/api/users?q=al-target', admin)).json.items[0]
    const change = { displayName: row.displayName, role: row.role, carrierId: row.carrierId }
    expect((await call('PUT', `/api/users/${target.id}`, admin, { ...change, active: false })).json.active).toBe(false)
    expect((await call('GET', '/api/auth/me', target.cookie)).status).toBe(401)
    await expect(app.login('al-target')).rejects.toThrow(/401/)
    expect((await call('PUT', `/api/users/${target.id}`, admin, { ...change, active: true })).json.active).toBe(true)
    const reset = await call('PUT', `/api/users/${target.id}`, admin, {
      ...change,
      active: true,
      password: 'a new long passphrase 2026',
    })
    expect(reset.status).toBe(200)
    await expect(app.login('al-target')).rejects.toThrow(/401/)
    expect(await app.login('al-target', 'a new long passphrase 2026')).toMatch(/=/)
  })

  it('keeps the last active administrator from disabling itself', async () => {
    const admins = await app.db.many<{ id: number }>(`SELECT id FROM users WHERE role = 'admin' AND active`)
    expect(admins).toHaveLength(1)
    const self = (await call('GET', '/api/users?q=al-admin', admin)).json.items[0]
    const change = { displayName: self.displayName, role: 'admin', carrierId: null }
    expect((await call('PUT', `/api/users/${self.id}`, admin, { ...change, active: false })).status).toBe(409)
    expect(
      (await call('PUT', `/api/users/${self.id}`, admin, { ...change, role: 'officer', active: true })).status,
    ).toBe(409)
  })
})

describe('carriers and API tokens', () => {
  it('adds and edits a carrier', async () => {
    const added = await call('POST', '/api/carriers', admin, {
      name: 'Công ty Cáp Thử',
      shortName: 'al-cap',
      kind: 'fixed',
    })
    expect(added.status).toBe(201)
    const edited = await call('PUT', `/api/carriers/${added.json.id}`, admin, {
      name: 'Công ty Cáp Thử Mới',
      shortName: 'al-cap',
      kind: 'cable_tv',
      mnc: null,
    })
    expect(edited.json).toMatchObject({ name: 'Công ty Cáp Thử Mới', kind: 'cable_tv' })
  })

  it('shows a token once, lists it without the secret and revokes it', async () => {
    const officer = (await call('GET', '/api/users?q=al-officer', admin)).json.items[0]
    const issued = await call('POST', '/api/admin/api-tokens', admin, {
      userId: officer.id,
      name: 'QGIS',
      expiresInDays: 30,
    })
    expect(issued.status).toBe(201)
    expect(issued.json.token).toMatch(/^tgis_/)
    const list = (await call('GET', '/api/admin/api-tokens', admin)).json.items
    const row = list.find((k: Json) => k.id === issued.json.id)
    expect(row).toMatchObject({ name: 'QGIS', username: 'al-officer', revokedAt: null })
    expect(JSON.stringify(list)).not.toContain(issued.json.token)
    expect((await call('DELETE', `/api/admin/api-tokens/${issued.json.id}`, admin)).status).toBe(204)
    const after = (await call('GET', '/api/admin/api-tokens', admin)).json.items.find((k: Json) => k.id === row.id)
    expect(after.revokedAt).not.toBeNull()
  })

  it('refuses every one of these writes and lists to anyone but the administrator', async () => {
    for (const cookie of Object.values(others)) {
      expect(
        (await call('POST', '/api/carriers', cookie, { name: 'X Co', shortName: 'xco', kind: 'fixed' })).status,
      ).toBe(403)
      expect(
        (await call('PUT', '/api/carriers/1', cookie, { name: 'X Co', shortName: 'xco', kind: 'fixed' })).status,
      ).toBe(403)
      expect((await call('GET', '/api/users', cookie)).status).toBe(403)
      expect(
        (await call('PUT', '/api/users/1', cookie, { displayName: 'x', role: 'admin', carrierId: null, active: true }))
          .status,
      ).toBe(403)
      expect((await call('GET', '/api/admin/api-tokens', cookie)).status).toBe(403)
      expect((await call('POST', '/api/admin/api-tokens', cookie, { userId: 1, name: 'x' })).status).toBe(403)
      expect((await call('DELETE', '/api/admin/api-tokens/1', cookie)).status).toBe(403)
    }
  })
})
