// The uploads a carrier asked to follow (`Prefer: respond-async`): each one's phase and counts while it runs, then
// its result or its problem. They live in the memory of the server that took the upload, scoped to the uploading
// carrier (and the department), and are forgotten a while after they finish, so memory stays bounded.
import { randomUUID } from 'node:crypto'
import type { SessionUser } from '../http/context'
import { problemBody } from '../http/errors'
import type { Lang } from '../http/messages'

/** Where an upload is: reading the file, validating its features, storing the version; then done or failed. */
export type ImportPhase = 'reading' | 'validating' | 'storing' | 'done' | 'failed'

/** An upload's progress: features validated of all, and the features with errors and with warnings so far. */
export interface ImportProgress {
  phase: ImportPhase
  done: number
  total: number
  errors: number
  warnings: number
}

/** One followed upload. `outcome` is the answer a direct upload would have given: the version, or the error. */
export interface ImportJob extends ImportProgress {
  id: string
  planId: number
  carrierId: number
  startedAt: Date
  finishedAt: Date | null
  /** The URL the upload was posted to (a problem's `instance`). */
  url: string
  result: unknown
  error: unknown
}

/** How long a finished upload can still be read. */
export const FINISHED_TTL_MS = 10 * 60_000
/** The most uploads one carrier may have running at once (each holds its file in memory). */
export const RUNNING_PER_CARRIER = 2

/** The followed uploads of one server. */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>()

  constructor(
    private readonly ttlMs = FINISHED_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts following an upload of `planId` by the carrier; undefined when the carrier already runs too many. */
  start(planId: number, carrierId: number, url: string): ImportJob | undefined {
    this.sweep()
    const running = [...this.jobs.values()].filter((j) => j.carrierId === carrierId && j.finishedAt === null)
    if (running.length >= RUNNING_PER_CARRIER) return undefined
    const job: ImportJob = {
      id: randomUUID(),
      planId,
      carrierId,
      url,
      phase: 'reading',
      done: 0,
      total: 0,
      errors: 0,
      warnings: 0,
      startedAt: new Date(this.now()),
      finishedAt: null,
      result: null,
      error: null,
    }
    this.jobs.set(job.id, job)
    return job
  }

  /** Records progress of a running upload. */
  progress(job: ImportJob, p: Partial<ImportProgress>): void {
    if (job.finishedAt === null) Object.assign(job, p)
  }

  /** Records the version an upload stored. */
  finish(job: ImportJob, result: unknown): void {
    Object.assign(job, { phase: 'done', result, finishedAt: new Date(this.now()) })
    if (job.total > 0) job.done = job.total
  }

  /** Records why an upload stored nothing. */
  fail(job: ImportJob, error: unknown): void {
    Object.assign(job, { phase: 'failed', error, finishedAt: new Date(this.now()) })
  }

  /**
   * The upload `id` of plan `planId` as `user` may see it: the uploading carrier's users and the department
   * (officers, administrators); undefined for anyone else, as for an upload that never was or has expired.
   */
  find(user: SessionUser, planId: number, id: string): ImportJob | undefined {
    this.sweep()
    const job = this.jobs.get(id)
    if (!job || job.planId !== planId) return undefined
    const office = user.role === 'officer' || user.role === 'admin'
    return office || (user.role === 'carrier' && user.carrierId === job.carrierId) ? job : undefined
  }

  /** How many uploads are kept (running and finished, not yet expired). */
  get size(): number {
    this.sweep()
    return this.jobs.size
  }

  private sweep(): void {
    const before = this.now() - this.ttlMs
    for (const [id, job] of this.jobs) if (job.finishedAt && job.finishedAt.getTime() < before) this.jobs.delete(id)
  }
}

/** An upload as GET …/imports/{job} answers it, its problem (if any) rendered in `lang`. */
export function jobAnswer(job: ImportJob, lang: Lang) {
  return {
    id: job.id,
    planId: job.planId,
    phase: job.phase,
    done: job.done,
    total: job.total,
    errors: job.errors,
    warnings: job.warnings,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    result: job.phase === 'done' ? job.result : null,
    problem: job.phase === 'failed' ? problemBody(job.error, lang, job.url) : null,
  }
}
