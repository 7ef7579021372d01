import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateProvince } from '../../gis-data/province'
import { startTestApp, type TestApp } from '../helpers/app'
import { collection, newPlan, siteAt, upload } from '../helpers/plans'

let app: TestApp
let officer: string
let viettel: string

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  officer = (await app.user('officer1', 'officer')).cookie
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
})
afterAll(() => app.close())

const version = async (plan: number, n: number, cookie = officer) =>
  (await app.request('GET', `/api/plans/${plan}/versions/${n}`, { cookie })).json()
const act = (plan: number, n: number, body: Record<string, unknown>) =>
  app.request('POST', `/api/plans/${plan}/versions/${n}/transition`, { cookie: officer, body })

describe('the appraisal of a version', () => {
  it('returns with a comment, takes the next version, passes it and approves it with the decision', async () => {
    const plan = await newPlan(app, viettel)
    expect((await upload(app, viettel, plan, 'geojson', collection([siteAt(1), siteAt(2)]))).status).toBe(201)
    const v1 = await version(plan, 1)
    expect(v1).toMatchObject({ state: 'submitted', allowedActions: ['return', 'pass'] })
    expect((await version(plan, 1, viettel)).allowedActions).toEqual([])

    const noComment = await act(plan, 1, { action: 'return', version: v1.version })
    expect(noComment.status).toBe(400)
    const returned = await act(plan, 1, { action: 'return', version: v1.version, comment: 'S2 quá gần trường học' })
    expect(returned.status).toBe(200)
    expect(await returned.json()).toMatchObject({ state: 'returned', allowedActions: [] })
    const comments = await (
      await app.request('GET', `/api/plans/${plan}/versions/1/comments`, { cookie: viettel })
    ).json()
    expect(comments).toEqual([expect.objectContaining({ body: 'S2 quá gần trường học', internal: false })])

    expect((await upload(app, viettel, plan, 'geojson', collection([siteAt(1), siteAt(3)]))).status).toBe(201)
    const v2 = await version(plan, 2)
    expect((await act(plan, 2, { action: 'pass', version: v2.version })).status).toBe(200)
    const stale = await act(plan, 2, {
      action: 'approve',
      version: v2.version,
      decisionNumber: '1',
      decisionDate: '2026-12-01',
    })
    expect(stale.status).toBe(409)
    const noDecision = await act(plan, 2, { action: 'approve', version: v2.version + 1 })
    expect(noDecision.status).toBe(400)
    const approved = await act(plan, 2, {
      action: 'approve',
      version: v2.version + 1,
      decisionNumber: '5678/QĐ-UBND',
      decisionDate: '2026-12-01',
    })
    expect(approved.status).toBe(200)
    expect(await approved.json()).toMatchObject({
      state: 'approved',
      decisionNumber: '5678/QĐ-UBND',
      decisionDate: '2026-12-01',
    })
    const audit = await app.db.many<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'plan_version' AND action <> 'plan_version.upload' ORDER BY id`,
    )
    expect(audit.map((a) => a.action)).toEqual(['plan_version.return', 'plan_version.pass', 'plan_version.approve'])
  })

  it('refuses steps the table does not have', async () => {
    const plan = await newPlan(app, viettel)
    expect((await upload(app, viettel, plan, 'geojson', collection([siteAt(1)]))).status).toBe(201)
    const v = await version(plan, 1)
    const early = await act(plan, 1, {
      action: 'approve',
      version: v.version,
      decisionNumber: '1',
      decisionDate: '2026-12-01',
    })
    expect(early.status).toBe(409)
    expect((await version(plan, 1)).state).toBe('submitted')
  })
})
