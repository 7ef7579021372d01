import { describe, expect, it } from 'vitest'
import { ImportJobs, jobAnswer, RUNNING_PER_CARRIER } from '../../server/plans/import-jobs'
import { Problem, msg } from '../../server/http/problems'
import type { Role, SessionUser } from '../../server/http/context'

const user = (role: Role, carrierId: number | null = null): SessionUser => ({
  id: 1,
  username: 'u',
  displayName: 'u',
  role,
  carrierId,
  carrierName: null,
  isDemo: false,
})
const viettel = user('carrier', 7)

function clock() {
  let t = Date.parse('2026-12-02T03:00:00Z')
  return { now: () => t, pass: (ms: number) => (t += ms) }
}

describe('the followed uploads', () => {
  it('are seen by the uploading carrier and the department only, and only under their plan', () => {
    const jobs = new ImportJobs()
    const job = jobs.start(3, 7, '/api/plans/3/versions')!
    expect(jobs.find(viettel, 3, job.id)).toBe(job)
    expect(jobs.find(user('officer'), 3, job.id)).toBe(job)
    expect(jobs.find(user('admin'), 3, job.id)).toBe(job)
    expect(jobs.find(user('carrier', 8), 3, job.id)).toBeUndefined()
    expect(jobs.find(user('inspector'), 3, job.id)).toBeUndefined()
    expect(jobs.find(viettel, 4, job.id)).toBeUndefined()
  })

  it('forget a finished upload after the time to live, never a running one', () => {
    const c = clock()
    const jobs = new ImportJobs(60_000, c.now)
    const finished = jobs.start(3, 7, '/u')!
    const running = jobs.start(3, 7, '/u')!
    jobs.finish(finished, { id: 1 })
    c.pass(59_000)
    expect(jobs.find(viettel, 3, finished.id)).toBe(finished)
    c.pass(2_000)
    expect(jobs.find(viettel, 3, finished.id)).toBeUndefined()
    c.pass(3_600_000)
    expect(jobs.find(viettel, 3, running.id)).toBe(running)
    expect(jobs.size).toBe(1)
  })

  it('limit how many uploads one carrier runs at once', () => {
    const jobs = new ImportJobs()
    const started = Array.from({ length: RUNNING_PER_CARRIER }, () => jobs.start(3, 7, '/u')!)
    expect(jobs.start(3, 7, '/u')).toBeUndefined()
    expect(jobs.start(5, 8, '/u')).toBeDefined()
    jobs.fail(started[0]!, new Error('x'))
    expect(jobs.start(3, 7, '/u')).toBeDefined()
  })

  it('answer the progress, then the result or the problem in the asked language', () => {
    const jobs = new ImportJobs()
    const job = jobs.start(3, 7, '/api/plans/3/versions')!
    jobs.progress(job, { phase: 'validating', done: 1000, total: 3000, errors: 2, warnings: 5 })
    expect(jobAnswer(job, 'en')).toMatchObject({
      phase: 'validating',
      done: 1000,
      total: 3000,
      errors: 2,
      result: null,
    })
    jobs.fail(job, new Problem(422, msg('plan.features_refused', { n: 2, total: 3000 }), { report: [] }))
    jobs.progress(job, { phase: 'storing' })
    const answer = jobAnswer(job, 'vi')
    expect(answer.phase).toBe('failed')
    expect(answer.problem).toMatchObject({
      status: 422,
      code: 'plan.features_refused',
      detail: '2 trên 3.000 đối tượng không được chấp nhận; chưa lưu gì.',
      instance: '/api/plans/3/versions',
      report: [],
    })
    expect(jobAnswer(job, 'en').problem?.detail).toBe('2 of 3,000 feature(s) cannot be accepted; nothing was stored.')
  })
})
