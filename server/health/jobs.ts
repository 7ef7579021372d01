/** A long piece of work this server is doing in the background (e.g. loading the demo layers). */
export interface Job {
  name: string
  stage: string
  done: number
  total: number
  error: string | null
  startedAt: string
}

/** The background jobs of one server process, shown by /api/health so the UI can show progress. */
export class JobBoard {
  private readonly jobs = new Map<string, Job>()

  /** Records progress of a job (creating it on first report). */
  report(name: string, progress: { stage: string; done: number; total: number }): void {
    const job = this.jobs.get(name)
    this.jobs.set(name, { name, error: null, startedAt: job?.startedAt ?? new Date().toISOString(), ...progress })
  }

  /** Removes a finished job. */
  finish(name: string): void {
    this.jobs.delete(name)
  }

  /** Keeps a failed job on the board with its error. */
  fail(name: string, error: string): void {
    const job = this.jobs.get(name)
    if (job) job.error = error
  }

  list(): Job[] {
    return [...this.jobs.values()]
  }
}
