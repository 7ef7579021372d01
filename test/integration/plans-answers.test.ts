// The carrier answers the department's comments per comment with the next version (issue 12): an answer names
// the comment it answers, on an earlier version of the same plan, never an internal one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateProvince } from '../../gis-data/province'
import { startTestApp, type TestApp } from '../helpers/app'
import { collection, newPlan, siteAt, upload } from '../helpers/plans'

let app: TestApp
let officer: string
let viettel: string
let mobifone: string

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  officer = (await app.user('ans.officer', 'officer')).cookie
  viettel = (await app.user('ans.viettel', 'carrier', 'viettel')).cookie
  mobifone = (await app.user('ans.mobifone', 'carrier', 'mobifone')).cookie
})
afterAll(() => app.close())

const comment = (cookie: string, plan: number, n: number, body: Record<string, unknown>) =>
  app.request('POST', `/api/plans/${plan}/versions/${n}/comments`, { cookie, body })
const comments = async (cookie: string, plan: number, n: number) =>
  (await app.request('GET', `/api/plans/${plan}/versions/${n}/comments`, { cookie })).json()

/** A plan with v1 commented on (one comment for the carrier, one internal) and returned, and v2 uploaded. */
async function returnedPlan() {
  const plan = await newPlan(app, viettel)
  expect((await upload(app, viettel, plan, 'geojson', collection([siteAt(1), siteAt(2)]))).status).toBe(201)
  const asked = await (await comment(officer, plan, 1, { body: 'S2 quá gần trường học', featureIndex: 1 })).json()
  const internal = await (await comment(officer, plan, 1, { body: 'Ghi chú nội bộ', internal: true })).json()
  const v = await (await app.request('GET', `/api/plans/${plan}/versions/1`, { cookie: officer })).json()
  const back = { action: 'return', version: v.version, comment: 'Đề nghị điều chỉnh vị trí S2' }
  expect(
    (await app.request('POST', `/api/plans/${plan}/versions/1/transition`, { cookie: officer, body: back })).status,
  ).toBe(200)
  expect((await upload(app, viettel, plan, 'geojson', collection([siteAt(1), siteAt(3)]))).status).toBe(201)
  return { plan, asked: asked.id as number, internal: internal.id as number }
}

describe("the carrier's answers", () => {
  it('answers a comment of the earlier version with the next one; both sides read the thread', async () => {
    const { plan, asked } = await returnedPlan()
    const res = await comment(viettel, plan, 2, { body: 'Đã dời S2 sang vị trí S3', answersId: asked })
    expect(res.status).toBe(201)
    for (const cookie of [viettel, officer]) {
      const list = await comments(cookie, plan, 2)
      expect(list).toEqual([expect.objectContaining({ body: 'Đã dời S2 sang vị trí S3', answersId: asked })])
    }
    const before = await comments(viettel, plan, 1)
    expect(before.map((c: { body: string }) => c.body)).toEqual([
      'S2 quá gần trường học',
      'Đề nghị điều chỉnh vị trí S2',
    ])
    expect(before[0]).toMatchObject({ featureIndex: 1, featureKey: 'S2', answersId: null })
  })

  it('refuses an answer to an internal comment, to the same version, by staff, or to another plan', async () => {
    const { plan, asked, internal } = await returnedPlan()
    const other = await returnedPlan()
    const refused = async (cookie: string, n: number, answersId: number) => {
      const res = await comment(cookie, plan, n, { body: 'Trả lời', answersId })
      expect(res.status, `${n} ${answersId}`).toBe(400)
      expect((await res.json()).code).toBe('plan.answer_unknown')
    }
    await refused(viettel, 2, internal)
    await refused(viettel, 1, asked)
    await refused(officer, 2, asked)
    await refused(viettel, 2, other.asked)
    // another carrier does not see the plan at all
    const stranger = await comment(mobifone, plan, 2, { body: 'Trả lời', answersId: asked })
    expect(stranger.status).toBe(404)
  })
})
