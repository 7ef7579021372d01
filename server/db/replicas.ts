import crypto from 'node:crypto'
import pg from 'pg'
import * as SQL from './sql'

/** A WAL position ('16/B374D848') as a number that compares. */
export function parseLsn(text: string): bigint {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text)
  if (!m) throw new Error(`Not a WAL position: "${text}"`)
  return (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`)
}

/** The primary's WAL position at one moment, sampled by the probe. */
export interface WalSample {
  at: number
  lsn: bigint
}

/**
 * How far (ms) a replica that has replayed up to `replay` is behind: the age of the oldest sample of the
 * primary's position that the replica has not reached yet; 0 when it has reached the newest sample.
 * An idle primary does not make an idle replica look late, and a replica whose stream broke grows late
 * as soon as the primary writes. Precise to the probe interval.
 */
export function lagMs(samples: readonly WalSample[], replay: bigint, now: number): number {
  const behind = samples.find((s) => s.lsn > replay)
  return behind ? Math.max(0, now - behind.at) : 0
}

/** What /api/health says of one replica. */
export interface ReplicaStatus {
  /** host:port/database (never the password). */
  name: string
  up: boolean
  /** Replay lag at the last probe (null before the first answer or while down). */
  lagMs: number | null
  /** Up, a standby, and within REPLICA_MAX_LAG_MS: reads may go there. */
  inUse: boolean
  /** Statements served through db.read() since start. */
  reads: number
  error: string | null
  checkedAt: string | null
}

export interface ReplicaOptions {
  urls: readonly string[]
  maxLagMs: number
  probeMs: number
  /** Applied to each new connection (statement timeout, time zone). */
  setup: string
  types: pg.CustomTypesConfig
}

/** One read replica: its pool and what the last probe found. */
export class Replica {
  readonly name: string
  readonly pool: pg.Pool
  up = false
  standby = false
  replay: bigint | null = null
  lagMs: number | null = null
  reads = 0
  error: string | null = 'not probed yet'
  checkedAt: Date | null = null

  constructor(url: string, options: ReplicaOptions) {
    const u = new URL(url)
    this.name = `${u.hostname}:${u.port || '5432'}${u.pathname}`
    this.pool = new pg.Pool({
      connectionString: url,
      max: 10,
      types: options.types,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 3_000,
    })
    this.pool.on('error', () => {
      // an idle connection died (e.g. the standby was stopped); the next probe says whether it is back
    })
    this.pool.on('connect', (client) => {
      client.query(options.setup).catch(() => undefined)
    })
  }

  /** Marks the replica down after a connection failure; the probe brings it back. */
  down(err: unknown): void {
    this.up = false
    this.error = err instanceof Error ? err.message : String(err)
  }

  /** Asks the replica how far it has replayed; answers the position, or undefined when it cannot answer. */
  async position(): Promise<bigint | undefined> {
    try {
      const r = await this.pool.query<{ standby: boolean; lsn: string | null }>(SQL.replayPosition)
      const row = r.rows[0]!
      this.standby = row.standby
      this.replay = row.lsn ? parseLsn(row.lsn) : null
      this.up = true
      this.error = row.standby ? null : 'not a standby (pg_is_in_recovery() is false)'
      return this.replay ?? undefined
    } catch (err) {
      this.down(err)
      return undefined
    }
  }
}

/** How long a session's last write is remembered: any replica in use has replayed it long before. */
const remember = (o: { maxLagMs: number; probeMs: number }) => Math.max(60_000, 4 * (o.maxLagMs + o.probeMs))

/**
 * The read replicas of one primary: a probe that measures each one's lag, the choice of a replica for a
 * read (read-your-writes by the WAL position of the session's last write), and the counters /api/health shows.
 */
export class ReplicaSet {
  readonly replicas: Replica[]
  private samples: WalSample[] = []
  /** sha256(session key) → WAL position of that session's last write on the primary. */
  private readonly writes = new Map<string, WalSample>()
  private timer: NodeJS.Timeout | undefined
  private next = 0
  private probing: Promise<void> | undefined

  constructor(
    private readonly options: ReplicaOptions,
    private readonly primaryLsn: () => Promise<bigint>,
  ) {
    this.replicas = options.urls.map((url) => new Replica(url, options))
  }

  /** Probes once (awaited), then every probeMs in the background. */
  async start(): Promise<void> {
    await this.probe()
    this.timer = setInterval(() => void this.probe(), this.options.probeMs)
    this.timer.unref()
  }

  /** Samples the primary's WAL position, then each replica's replay position, and derives each lag. */
  probe(): Promise<void> {
    this.probing ??= (async () => {
      try {
        const now = Date.now()
        try {
          this.samples.push({ at: now, lsn: await this.primaryLsn() })
        } catch {
          // the primary did not answer; lags are measured against the samples already taken
        }
        const keep = now - (this.options.maxLagMs + 2 * this.options.probeMs + 1_000)
        while (this.samples.length > 1 && this.samples[0]!.at < keep) this.samples.shift()
        await Promise.all(
          this.replicas.map(async (r) => {
            const replay = await r.position()
            r.checkedAt = new Date()
            r.lagMs = replay === undefined ? null : lagMs(this.samples, replay, Date.now())
          }),
        )
      } finally {
        this.probing = undefined
      }
    })()
    return this.probing
  }

  private usable(r: Replica): boolean {
    return r.up && r.standby && r.lagMs !== null && r.lagMs <= this.options.maxLagMs
  }

  /**
   * A replica for a read, or undefined for the primary. With a session that wrote recently, only a replica
   * whose pg_last_wal_replay_lsn() is at or past that write (asked live when the probe's answer is older).
   */
  async choose(session: string | undefined): Promise<Replica | undefined> {
    const candidates = this.replicas.filter((r) => this.usable(r))
    if (candidates.length === 0) return undefined
    const wrote = session === undefined ? undefined : this.lastWrite(session)
    const start = this.next++ % candidates.length
    for (let i = 0; i < candidates.length; i++) {
      const r = candidates[(start + i) % candidates.length]!
      if (wrote === undefined || (r.replay !== null && r.replay >= wrote)) return r
      const replay = await r.position()
      if (replay !== undefined && replay >= wrote) return r
    }
    return undefined
  }

  /** Remembers the WAL position of a session's write (called after its commit, on the primary). */
  noteWrite(session: string, lsn: bigint): void {
    const key = hashKey(session)
    const previous = this.writes.get(key)
    const now = Date.now()
    this.writes.set(key, { at: now, lsn: previous && previous.lsn > lsn ? previous.lsn : lsn })
    if (this.writes.size > 10_000) {
      const before = now - remember(this.options)
      for (const [k, w] of this.writes) if (w.at < before) this.writes.delete(k)
    }
  }

  /** The WAL position of the session's last remembered write. */
  lastWrite(session: string): bigint | undefined {
    const w = this.writes.get(hashKey(session))
    if (!w) return undefined
    if (w.at < Date.now() - remember(this.options)) {
      this.writes.delete(hashKey(session))
      return undefined
    }
    return w.lsn
  }

  status(): ReplicaStatus[] {
    return this.replicas.map((r) => ({
      name: r.name,
      up: r.up,
      lagMs: r.lagMs,
      inUse: this.usable(r),
      reads: r.reads,
      error:
        r.error ??
        (r.lagMs !== null && r.lagMs > this.options.maxLagMs ? `lag over ${this.options.maxLagMs} ms` : null),
      checkedAt: r.checkedAt?.toISOString() ?? null,
    }))
  }

  async close(): Promise<void> {
    clearInterval(this.timer)
    await this.probing?.catch(() => undefined)
    await Promise.all(this.replicas.map((r) => r.pool.end()))
  }
}

// Session keys (opaque to server/db, e.g. the cookie's token) are kept only as hashes.
const hashKey = (key: string) => crypto.createHash('sha256').update(key).digest('base64url')
