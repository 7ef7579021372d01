import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { audit } from '../../server/audit/audit'

let app: TestApp
let admin: string
beforeAll(async () => {
  app = await startTestApp()
  admin = (await app.user('audit.admin', 'admin')).cookie
})
afterAll(async () => {
  await app?.close()
})

const auditCount = async () => (await app.db.one<{ n: number }>('SELECT count(*) AS n FROM audit_log')).n

/** Runs a request and answers its status and how many audit rows it added. */
async function auditedBy(method: string, path: string, body?: unknown, cookie = admin) {
  const before = await auditCount()
  const res = await app.request(method, path, { body, cookie })
  return {
    status: res.status,
    rows: (await auditCount()) - before,
    json: res.status < 300 && res.status !== 204 ? await res.json() : await res.text(),
  }
}

describe('audit log', () => {
  it('writes exactly one row for every successful write through the API', async () => {
    const created = await auditedBy('POST', '/api/carriers', {
      name: 'Công ty Cáp Demo',
      shortName: 'capdemo',
      kind: 'fixed',
    })
    expect(created).toMatchObject({ status: 201, rows: 1 })
    const id = (created.json as { id: number }).id
    expect(
      await auditedBy('PUT', `/api/carriers/${id}`, {
        name: 'Công ty Cáp Demo 2',
        shortName: 'capdemo',
        kind: 'fixed',
      }),
    ).toMatchObject({ status: 200, rows: 1 })
    const user = await auditedBy('POST', '/api/users', {
      username: 'new.inspector',
      displayName: 'Thanh tra mới',
      password: 'a-long-password',
      role: 'inspector',
    })
    expect(user).toMatchObject({ status: 201, rows: 1 })
    const userId = (user.json as { id: number }).id
    expect(
      await auditedBy('PUT', `/api/users/${userId}`, {
        displayName: 'Thanh tra',
        role: 'inspector',
        carrierId: null,
        active: true,
      }),
    ).toMatchObject({ status: 200, rows: 1 })
    expect(
      await auditedBy('POST', '/api/auth/login', { username: 'new.inspector', password: 'a-long-password' }, ''),
    ).toMatchObject({ status: 200, rows: 1 })
  })

  it('records who, what, before and after', async () => {
    const res = await app.request('POST', '/api/carriers', {
      body: { name: 'Trước Sau', shortName: 'truocsau', kind: 'cable_tv' },
      cookie: admin,
    })
    const { id } = (await res.json()) as { id: number }
    await app.request('PUT', `/api/carriers/${id}`, {
      body: { name: 'Trước Sau 2', shortName: 'truocsau', kind: 'cable_tv' },
      cookie: admin,
    })
    const row = await app.db.one<{
      actor_name: string
      action: string
      before: { name: string }
      after: { name: string }
    }>(
      `SELECT actor_name, action, before, after FROM audit_log
        WHERE entity = 'carrier' AND entity_id = $1 AND action = 'carrier.update'`,
      [String(id)],
    )
    expect(row).toMatchObject({
      actor_name: 'audit.admin',
      action: 'carrier.update',
      before: { name: 'Trước Sau' },
      after: { name: 'Trước Sau 2' },
    })
  })

  it('writes no row when the write fails', async () => {
    expect(
      await auditedBy('POST', '/api/carriers', { name: 'Viettel', shortName: 'viettel2', kind: 'fixed' }),
    ).toMatchObject({ status: 409, rows: 0 })
    expect(
      await auditedBy('POST', '/api/users', { username: 'x', displayName: '', password: 'short', role: 'carrier' }),
    ).toMatchObject({ status: 400, rows: 0 })
    expect(
      await auditedBy('PUT', '/api/users/999999', {
        displayName: 'Nobody',
        role: 'officer',
        carrierId: null,
        active: true,
      }),
    ).toMatchObject({ status: 404, rows: 0 })
    expect(
      await auditedBy('PUT', '/api/carriers/1', { name: 'MobiFone', shortName: 'mobifone', kind: 'mobile', mnc: null }),
    ).toMatchObject({ status: 422, rows: 0 })
  })

  it('rolls the audit row back with the transaction it belongs to', async () => {
    const before = await auditCount()
    await expect(
      app.db.transaction(async (tx) => {
        await audit(tx, { id: null, username: 'system' }, { action: 'test.fail', entity: 'test' })
        throw new Error('the change failed after auditing')
      }),
    ).rejects.toThrow('the change failed')
    expect(await auditCount()).toBe(before)
  })

  it('cannot be edited or deleted', async () => {
    await expect(app.db.exec(`UPDATE audit_log SET action = 'forged'`)).rejects.toMatchObject({ code: '42501' })
    await expect(app.db.exec('DELETE FROM audit_log')).rejects.toMatchObject({ code: '42501' })
  })

  it('lets an officer read the trail but not a carrier', async () => {
    const officer = (await app.user('audit.officer', 'officer')).cookie
    const carrier = (await app.user('audit.carrier', 'carrier', 'mobifone')).cookie
    // two full pages of its own, whatever ran before it
    for (let i = 0; i < 6; i++)
      await audit(app.db, { id: null, username: 'system' }, { action: 'test.page', entity: 'test' })
    const ok = await app.request('GET', '/api/audit?limit=3', { cookie: officer })
    expect(ok.status).toBe(200)
    const page = (await ok.json()) as { items: { id: number }[]; next: number | null }
    expect(page.items).toHaveLength(3)
    const next = await app.request('GET', `/api/audit?limit=3&before=${page.next}`, { cookie: officer })
    const second = (await next.json()) as { items: { id: number }[] }
    expect(second.items[0]!.id).toBeLessThan(page.items[2]!.id)
    expect((await app.request('GET', '/api/audit', { cookie: carrier })).status).toBe(403)
  })
})
