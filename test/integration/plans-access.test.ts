import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateProvince } from '../../gis-data/province'
import { startTestApp, type TestApp } from '../helpers/app'
import { collection, newPlan, siteAt, upload } from '../helpers/plans'

let app: TestApp
let officer: string
let inspector: string
let viettel: string
let vnpt: string
let plan: number

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  officer = (await app.user('officer1', 'officer')).cookie
  inspector = (await app.user('inspector1', 'inspector')).cookie
  viettel = (await app.user('viettel1', 'carrier', 'viettel')).cookie
  vnpt = (await app.user('vnpt1', 'carrier', 'vnpt')).cookie
  plan = await newPlan(app, viettel, 'Viettel 2026–2030')
  expect((await upload(app, viettel, plan, 'geojson', collection([siteAt(1), siteAt(2)]))).status).toBe(201)
  expect((await upload(app, viettel, plan, 'geojson', collection([siteAt(1), siteAt(3)]))).status).toBe(201)
})
afterAll(() => app.close())

const reads = () => [
  `/api/plans/${plan}`,
  `/api/plans/${plan}/versions`,
  `/api/plans/${plan}/versions/1`,
  `/api/plans/${plan}/versions/1/features`,
  `/api/plans/${plan}/versions/1/report.csv`,
  `/api/plans/${plan}/diff?from=1&to=2`,
  `/api/plans/${plan}/versions/1/comments`,
]
const get = (path: string, cookie?: string) => app.request('GET', path, { cookie })
const act = async (p: number, n: number, body: Record<string, unknown>) => {
  const version = (await (await get(`/api/plans/${p}/versions/${n}`, officer)).json()).version
  const res = await app.request('POST', `/api/plans/${p}/versions/${n}/transition`, {
    cookie: officer,
    body: { version, ...body },
  })
  expect(res.status, await res.clone().text()).toBe(200)
}
const approve = async (p: number, n: number) => {
  await act(p, n, { action: 'pass' })
  await act(p, n, { action: 'approve', decisionNumber: '1234/QĐ-UBND', decisionDate: '2026-11-30' })
}
const comment = async (p: number, n: number, cookie: string, body: Record<string, unknown>) =>
  app.request('POST', `/api/plans/${p}/versions/${n}/comments`, { cookie, body })

describe('who may see a plan', () => {
  it('answers 401 to anyone not signed in, on every route', async () => {
    for (const path of ['/api/plans', ...reads()]) expect((await get(path)).status, path).toBe(401)
    expect((await app.request('POST', '/api/plans', { body: {} })).status).toBe(401)
    for (const path of ['versions', 'versions/1/transition', 'versions/1/comments']) {
      expect((await app.request('POST', `/api/plans/${plan}/${path}`, { body: {} })).status).toBe(401)
    }
  })

  it('lets the owning carrier and staff read every route', async () => {
    for (const cookie of [viettel, officer, inspector]) {
      for (const path of reads()) expect((await get(path, cookie)).status, path).toBe(200)
      const list = await (await get('/api/plans', cookie)).json()
      expect(list.map((p: { id: number }) => p.id)).toContain(plan)
    }
  })

  it("hides another carrier's plan until a version is approved: not listed, 404 on every route", async () => {
    expect((await (await get('/api/plans', vnpt)).json()).map((p: { id: number }) => p.id)).not.toContain(plan)
    for (const path of reads()) expect((await get(path, vnpt)).status, path).toBe(404)
  })

  it('shows other carriers only the approved version of a plan, never the others', async () => {
    const other = await newPlan(app, viettel, 'approved one')
    expect((await upload(app, viettel, other, 'geojson', collection([siteAt(10)]))).status).toBe(201)
    expect((await upload(app, viettel, other, 'geojson', collection([siteAt(11)]))).status).toBe(201)
    await approve(other, 1)
    await comment(other, 1, officer, { body: 'ghi chú nội bộ', internal: true })
    await comment(other, 1, officer, { body: 'gửi doanh nghiệp' })
    const list = await (await get('/api/plans', vnpt)).json()
    expect(list.find((p: { id: number }) => p.id === other)).toMatchObject({ latestNumber: 1, latestState: 'approved' })
    expect((await get(`/api/plans/${other}`, vnpt)).status).toBe(200)
    const versions = await (await get(`/api/plans/${other}/versions`, vnpt)).json()
    expect(versions.map((v: { number: number }) => v.number)).toEqual([1])
    expect((await get(`/api/plans/${other}/versions/1/features`, vnpt)).status).toBe(200)
    expect((await get(`/api/plans/${other}/versions/2`, vnpt)).status).toBe(404)
    expect((await get(`/api/plans/${other}/diff?from=1&to=2`, vnpt)).status).toBe(404)
    // the owner still sees both
    expect((await (await get(`/api/plans/${other}/versions`, viettel)).json()).length).toBe(2)
    // comments: staff all, the owner all but the internal one, the other carrier none
    const bodies = async (cookie: string) =>
      (await (await get(`/api/plans/${other}/versions/1/comments`, cookie)).json()).map((c: { body: string }) => c.body)
    expect(await bodies(officer)).toEqual(['ghi chú nội bộ', 'gửi doanh nghiệp'])
    expect(await bodies(viettel)).toEqual(['gửi doanh nghiệp'])
    expect(await bodies(vnpt)).toEqual([])
  })
})

describe('who may change a plan', () => {
  it('lets only a carrier file a plan', async () => {
    const body = { title: 'x', periodFrom: 2026, periodTo: 2030 }
    for (const cookie of [officer, inspector]) {
      expect((await app.request('POST', '/api/plans', { cookie, body })).status).toBe(403)
    }
  })

  it("refuses an upload to another carrier's plan (404) and by staff (403), storing nothing", async () => {
    const before = (await app.db.one<{ n: number }>('SELECT count(*)::int AS n FROM plan_versions')).n
    expect((await upload(app, vnpt, plan, 'geojson', collection([siteAt(5)]))).status).toBe(404)
    expect((await upload(app, officer, plan, 'geojson', collection([siteAt(5)]))).status).toBe(403)
    expect((await app.db.one<{ n: number }>('SELECT count(*)::int AS n FROM plan_versions')).n).toBe(before)
  })

  it('refuses a new version once the latest has been passed for the decision', async () => {
    const p = await newPlan(app, viettel)
    expect((await upload(app, viettel, p, 'geojson', collection([siteAt(1)]))).status).toBe(201)
    await act(p, 1, { action: 'pass' })
    expect((await upload(app, viettel, p, 'geojson', collection([siteAt(1)]))).status).toBe(409)
  })

  it('refuses a request without a file name or with an unknown default, as a 400', async () => {
    const p = await newPlan(app, viettel)
    const res = await app.request('POST', `/api/plans/${p}/versions`, {
      cookie: viettel,
      body: { format: 'geojson', content: collection([siteAt(1)]), defaults: { colour: 'red' } },
    })
    expect(res.status).toBe(400)
    const paths = (await res.json()).errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['body.fileName', 'body.defaults']))
  })
})

describe('who may appraise', () => {
  it('lets neither a carrier nor an inspector change a version’s state', async () => {
    for (const cookie of [viettel, vnpt, inspector]) {
      const res = await app.request('POST', `/api/plans/${plan}/versions/1/transition`, {
        cookie,
        body: { action: 'pass', version: 1 },
      })
      expect(res.status).toBe(403)
    }
  })

  it("lets only staff and the plan's carrier comment, and never a carrier internally", async () => {
    expect((await comment(plan, 1, vnpt, { body: 'x' })).status).toBe(404)
    expect((await comment(plan, 1, viettel, { body: 'x', internal: true })).status).toBe(403)
    expect((await comment(plan, 1, inspector, { body: 'x' })).status).toBe(403)
    expect((await comment(plan, 1, viettel, { body: 'Đã điều chỉnh vị trí', featureIndex: 0 })).status).toBe(201)
  })
})
