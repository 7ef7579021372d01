import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.close()
})

type Problem = { status: number; errors?: { path: string; message: string }[] }

describe('an impossible date', () => {
  it('is refused with the field named, and nothing is written', async () => {
    const { cookie } = await app.user('dates.officer', 'officer')
    const before = (await app.db.one<{ n: number }>('SELECT count(*) AS n FROM conversion_programmes')).n
    const res = await app.request('POST', '/api/conversions/programmes', {
      cookie,
      headers: { 'accept-language': 'en' },
      body: {
        name: 'Chương trình thử',
        decisionNo: '12/QĐ-STTTT',
        decisionDate: '2026-02-30',
        startsOn: '2026-03-01',
        phases: [{ name: 'Giai đoạn 1', deadline: '2026-04-31', cumulativeTarget: 10 }],
      },
    })
    expect(res.status).toBe(400)
    const problem = (await res.json()) as Problem
    expect(problem.errors?.map((e) => e.path)).toEqual(['body.decisionDate', 'body.phases.0.deadline'])
    expect(problem.errors?.[0]?.message).toMatch(/a date that exists/)
    expect((await app.db.one<{ n: number }>('SELECT count(*) AS n FROM conversion_programmes')).n).toBe(before)
  })

  it('in a query is refused with the parameter named, not answered as a database error', async () => {
    const res = await app.request('GET', '/api/admin-units?level=district&province=79&at=2026-02-30')
    expect(res.status).toBe(400)
    expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toEqual(['query.at'])
  })
})
