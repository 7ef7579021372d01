// A followed upload (Prefer: respond-async): 202 with the job's Location, then GET …/imports/{job} answers its
// phase and counts while it runs and, at the end, the same version or problem+json as a direct upload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateProvince } from '../../gis-data/province'
import { startTestApp, type TestApp } from '../helpers/app'
import { collection, DEFAULTS, newPlan, siteAt } from '../helpers/plans'

type Job = {
  id: string
  phase: string
  done: number
  total: number
  errors: number
  warnings: number
  result: Record<string, unknown> | null
  problem: Record<string, unknown> | null
}

let app: TestApp
let viettel: string, vnpt: string, officer: string, inspector: string

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  viettel = (await app.user('viettel.jobs', 'carrier', 'viettel')).cookie
  vnpt = (await app.user('vnpt.jobs', 'carrier', 'vnpt')).cookie
  officer = (await app.user('officer.jobs', 'officer')).cookie
  inspector = (await app.user('inspector.jobs', 'inspector')).cookie
})
afterAll(() => app.close())

/** `n` sites on a grid inside the demo province; those at the `outside` indexes far out at sea. */
function bigPlan(n: number, outside: (i: number) => boolean = () => false): string {
  const features = Array.from({ length: n }, (_, i) => {
    const lon = Number((106.58 + (i % 200) * 0.0008).toFixed(6))
    const lat = Number((10.72 + Math.floor(i / 200) * 0.0012).toFixed(6))
    const f = siteAt(i, { code: `J${i}` })
    return { ...f, geometry: { type: 'Point', coordinates: outside(i) ? [109.9, 8.1] : [lon, lat] } }
  })
  return collection(features)
}

const follow = (planId: number, content: string, body: Record<string, unknown> = {}) =>
  app.request('POST', `/api/plans/${planId}/versions`, {
    cookie: viettel,
    headers: { prefer: 'respond-async', 'accept-language': 'en' },
    body: { format: 'geojson', fileName: 'plan.geojson', content, defaults: DEFAULTS, ...body },
  })

/** Polls the job as fast as it answers until it ends; answers every state seen. */
async function poll(location: string): Promise<Job[]> {
  const seen: Job[] = []
  for (;;) {
    const res = await app.request('GET', location, { cookie: viettel, headers: { 'accept-language': 'en' } })
    expect(res.status).toBe(200)
    const job = (await res.json()) as Job
    seen.push(job)
    if (job.phase === 'done' || job.phase === 'failed') return seen
  }
}

const nondecreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x >= xs[i - 1]!)

describe('a followed upload', () => {
  it('shows the features validated so far while it runs, then the version stored', async () => {
    const plan = await newPlan(app, viettel)
    const res = await follow(plan, bigPlan(8000))
    expect(res.status).toBe(202)
    expect(res.headers.get('preference-applied')).toBe('respond-async')
    const accepted = (await res.json()) as Job
    const location = res.headers.get('location')!
    expect(location).toBe(`/api/plans/${plan}/imports/${accepted.id}`)
    const seen = await poll(location)
    const validating = seen.filter((j) => j.phase === 'validating' && j.total === 8000)
    const between = validating.filter((j) => j.done > 0 && j.done < j.total)
    expect(between.length, JSON.stringify(seen.map((j) => [j.phase, j.done]))).toBeGreaterThan(0)
    expect(nondecreasing(seen.map((j) => j.done))).toBe(true)
    const phases = [...new Set(seen.map((j) => j.phase))]
    expect(phases.indexOf('validating')).toBeLessThan(phases.indexOf('done'))
    const last = seen.at(-1)!
    expect(last).toMatchObject({ phase: 'done', done: 8000, total: 8000, errors: 0, problem: null })
    expect(last.result).toMatchObject({ planId: plan, number: 1, state: 'submitted', sites: 8000, routes: 0 })
    const stored = await app.db.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM planned_sites s JOIN plan_versions v ON v.id = s.version_id WHERE v.plan_id = $1',
      [plan],
    )
    expect(stored.n).toBe(8000)
  })

  it('counts the refused features as it goes and ends with the same 422 problem, storing nothing', async () => {
    const plan = await newPlan(app, viettel)
    const res = await follow(
      plan,
      bigPlan(8000, (i) => i % 500 === 250),
    )
    expect(res.status).toBe(202)
    const seen = await poll(res.headers.get('location')!)
    expect(nondecreasing(seen.map((j) => j.errors))).toBe(true)
    const last = seen.at(-1)!
    expect(last).toMatchObject({ phase: 'failed', errors: 16, result: null })
    expect(last.problem).toMatchObject({
      status: 422,
      code: 'plan.features_refused',
      detail: '16 of 8,000 feature(s) cannot be accepted; nothing was stored.',
    })
    const report = last.problem!.report as { index: number; errors: string[] }[]
    expect(report.filter((r) => r.errors.length > 0).map((r) => r.index)).toEqual(
      Array.from({ length: 16 }, (_, k) => 250 + 500 * k),
    )
    expect(report.find((r) => r.index === 250)!.errors.join(' ')).toMatch(/outside the province/)
    expect(String(last.problem!.reportCsv)).toMatch(/feature,label,level,message\r?\n250,/)
    const direct = await app.request('POST', `/api/plans/${plan}/versions`, {
      cookie: viettel,
      headers: { 'accept-language': 'en' },
      body: {
        format: 'geojson',
        fileName: 'plan.geojson',
        content: bigPlan(8000, (i) => i % 500 === 250),
        defaults: DEFAULTS,
      },
    })
    expect(direct.status).toBe(422)
    const problem = await direct.json()
    expect({ ...last.problem, instance: null }).toEqual({ ...problem, instance: null })
    const versions = await app.db.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM plan_versions WHERE plan_id = $1',
      [plan],
    )
    expect(versions.n).toBe(0)
  })

  it('answers a bad request body as the job problem (400) naming the fields', async () => {
    const plan = await newPlan(app, viettel)
    const res = await follow(plan, collection([siteAt(1)]), { fileName: undefined, defaults: { colour: 'red' } })
    expect(res.status).toBe(202)
    const last = (await poll(res.headers.get('location')!)).at(-1)!
    expect(last.phase).toBe('failed')
    expect(last.problem!.status).toBe(400)
    const paths = (last.problem!.errors as { path: string }[]).map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['body.fileName', 'body.defaults']))
  })

  it("refuses at once to follow an upload to another carrier's plan (404) or a locked one (409)", async () => {
    const plan = await newPlan(app, vnpt)
    const res = await follow(plan, collection([siteAt(1)]))
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    const mine = await newPlan(app, viettel)
    const first = await poll((await follow(mine, collection([siteAt(1)]))).headers.get('location')!)
    expect(first.at(-1)!.phase).toBe('done')
    const v = (await (await app.request('GET', `/api/plans/${mine}/versions/1`, { cookie: officer })).json()).version
    const pass = await app.request('POST', `/api/plans/${mine}/versions/1/transition`, {
      cookie: officer,
      body: { action: 'pass', version: v },
    })
    expect(pass.status).toBe(200)
    expect((await follow(mine, collection([siteAt(2)]))).status).toBe(409)
  })
})

describe('who may read a followed upload', () => {
  it('is the uploading carrier and the department: another carrier 404, inspector 403, signed out 401', async () => {
    const plan = await newPlan(app, viettel)
    const res = await follow(plan, collection([siteAt(1), siteAt(2)]))
    const location = res.headers.get('location')!
    const job = (await res.json()) as Job
    await poll(location)
    const get = (path: string, cookie?: string) => app.request('GET', path, { cookie })
    expect((await get(location, viettel)).status).toBe(200)
    expect((await get(location, officer)).status).toBe(200)
    expect((await get(location, vnpt)).status).toBe(404)
    expect((await get(location, inspector)).status).toBe(403)
    expect((await get(location)).status).toBe(401)
    const other = await newPlan(app, viettel)
    expect((await get(`/api/plans/${other}/imports/${job.id}`, viettel)).status).toBe(404)
    expect((await get(`/api/plans/${plan}/imports/${crypto.randomUUID()}`, viettel)).status).toBe(404)
    expect((await get(`/api/plans/${plan}/imports/not-a-job`, viettel)).status).toBe(400)
    const answer = await (await get(location, vnpt)).json()
    expect(answer.code).toBe('plan.import_not_found')
  })
})
