import { AsyncLocalStorage } from 'node:async_hooks'
import pg from 'pg'
import { SOCKET_PORT, startEmbedded, type EmbeddedPort, type EmbeddedServer } from './embedded'
import { detectCapabilities, type Capabilities } from './capabilities'
import { MIGRATION_LOCK_KEY } from './migrate'
import { parseLsn, ReplicaSet, type Replica, type ReplicaStatus } from './replicas'
import * as SQL from './sql'
import { VIETNAM_TZ } from '../time'

export type { Capabilities } from './capabilities'
export type { ReplicaStatus } from './replicas'
export type Row = Record<string, unknown>

/** Query helpers shared by the pool and by a transaction. */
export interface Queryable {
  /** Exactly one row; throws NoRowError when there is none. */
  one<T extends object = Row>(sql: string, params?: unknown[]): Promise<T>
  /** One row or undefined. */
  maybeOne<T extends object = Row>(sql: string, params?: unknown[]): Promise<T | undefined>
  /** All rows. */
  many<T extends object = Row>(sql: string, params?: unknown[]): Promise<T[]>
  /** Runs a statement and answers the number of rows it touched. */
  exec(sql: string, params?: unknown[]): Promise<number>
}

/** Read-only access that a replica may serve (see Db.read). */
export interface Reader extends Queryable {
  mode: 'embedded' | 'postgres'
  capabilities: Capabilities
}

/** The database handle the rest of the server uses; its own statements always run on the primary. */
export interface Db extends Reader {
  /** The embedded database's password-checked loopback port, when EMBEDDED_DB_PORT asked for one. */
  embeddedPort?: EmbeddedPort
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /**
   * For reads that a replica may serve: public pages, tiles, exports, heavy read-only pages. The first
   * statement picks a replica that is up, within REPLICA_MAX_LAG_MS and, when the request's session wrote
   * recently, has replayed past that write (read-your-writes); otherwise the primary. Later statements of
   * the same Reader go to the same server. A replica that fails mid-way is left for the primary, silently.
   * Without replicas (and always on the embedded database) this is the primary.
   */
  read(): Reader
  /**
   * Runs `fn` (the rest of a request) on behalf of a signed-in session, identified by any opaque key:
   * the WAL position of each write it commits is remembered for `read()`. Called by loadSession.
   */
  forSession<T>(key: string, fn: () => T): T
  /** Each replica's state (empty without replicas), for /api/health. */
  replicas(): ReplicaStatus[]
  /** Statements run through read() on the primary since start. */
  primaryReads(): number
  /**
   * Grows with every write committed through this handle (a transaction, or a statement that may write): what
   * a process keeps from the database (the tile layers' versions) is reread once it has changed.
   */
  writes(): number
  close(): Promise<void>
}

/** Raised by `one` when a query that must find a row finds none. */
export class NoRowError extends Error {
  constructor() {
    super('No row')
  }
}

export interface DbOptions {
  databaseUrl?: string
  dataDir: string
  /** Serve the embedded database on this loopback port too (0: any free port); unset: a private Unix socket only. */
  embeddedPort?: number
  /** The password the loopback port demands; unset: one is generated for this start. */
  embeddedPassword?: string
  statementTimeoutMs: number
  /** DATABASE_REPLICA_URLS: streaming standbys of the primary (PostgreSQL only). */
  replicaUrls?: readonly string[]
  /** A replica further behind than this is skipped (default 5000). */
  replicaMaxLagMs?: number
  /** How often each replica's lag is measured (default 1000). */
  replicaProbeMs?: number
}

/** Statements whose command tag says they changed data (outside transaction(), where the xid tells). */
const WRITE_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COPY'])
/**
 * Whether a statement run outside a transaction may have changed data: any command but SELECT, or a SELECT whose
 * text holds a writing clause (a writable CTE answers with the SELECT tag). Errs towards yes.
 */
function mayHaveWritten(results: pg.QueryResult[], sql: string): boolean {
  return results.some((r) => r.command !== 'SELECT') || /\b(insert|update|delete|merge)\b/i.test(sql)
}
/** SQLSTATE classes after which a read on a replica is run again on the primary: connection lost, shut down,
 * cannot connect now, conflict with recovery (a hot standby cancels queries that block WAL replay). */
const RETRY_ON_PRIMARY = /^(08|57P|40001)/

/** The session a request runs for (set by forSession), so that writes anywhere in it are remembered. */
const requestSession = new AsyncLocalStorage<string>()

// Counts and ids come back as JS numbers, numerics as numbers, dates as 'YYYY-MM-DD' strings.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v)
    if (oid === 1700) return (v: string) => Number(v)
    if (oid === 1082) return (v: string) => v
    return pg.types.getTypeParser(oid, format)
  },
}

/** True for errors that mean the connection itself is gone, not that a statement failed. */
function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return !(typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
}

function helpers(run: (sql: string, params?: unknown[]) => Promise<pg.QueryResult>): Queryable {
  return {
    async one<T extends object>(sql: string, params?: unknown[]) {
      const r = await run(sql, params)
      if (r.rows.length === 0) throw new NoRowError()
      return r.rows[0] as T
    },
    async maybeOne<T extends object>(sql: string, params?: unknown[]) {
      return (await run(sql, params)).rows[0] as T | undefined
    },
    async many<T extends object>(sql: string, params?: unknown[]) {
      return (await run(sql, params)).rows as T[]
    },
    async exec(sql: string, params?: unknown[]) {
      return (await run(sql, params)).rowCount ?? 0
    },
  }
}

/**
 * Connects to PostgreSQL when `databaseUrl` is set, otherwise starts the embedded PGlite+PostGIS
 * database in `dataDir`. Checks PostGIS and detects capabilities before answering. With `replicaUrls`
 * (PostgreSQL only) reads through `read()` may go to those streaming standbys.
 */
export async function openDb(options: DbOptions): Promise<Db> {
  const replicaUrls = options.replicaUrls ?? []
  if (!options.databaseUrl && replicaUrls.length > 0) {
    throw new Error(
      'DATABASE_REPLICA_URLS needs DATABASE_URL: the embedded database is one process with one connection and ' +
        'has no replicas. Move to PostgreSQL first (README, "Growing: PostgreSQL and read replicas").',
    )
  }
  let embedded: EmbeddedServer | undefined
  let poolConfig: pg.PoolConfig
  if (options.databaseUrl) {
    poolConfig = { connectionString: options.databaseUrl, max: 10 }
  } else {
    const tcp =
      options.embeddedPort === undefined
        ? undefined
        : { port: options.embeddedPort, password: options.embeddedPassword }
    embedded = await startEmbedded(options.dataDir, tcp)
    poolConfig = { host: embedded.socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres', max: 1 }
  }
  const setup = SQL.sessionSetup(options.statementTimeoutMs, VIETNAM_TZ)
  const pool = new pg.Pool({ ...poolConfig, types, idleTimeoutMillis: 30_000 })
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  })
  pool.on('connect', (client) => {
    // current_date and date arithmetic in SQL mean Vietnam's calendar day, whatever the server's zone.
    client.query(setup).catch(() => undefined)
  })

  // pg-pool's own query() destroys the client on any error; a failed statement leaves the connection
  // healthy, so release it normally and keep the embedded database's single connection alive.
  async function withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect()
    try {
      const result = await fn(client)
      client.release()
      return result
    } catch (err) {
      client.release(isConnectionError(err) ? (err as Error) : undefined)
      throw err
    }
  }

  let replicaSet: ReplicaSet | undefined
  /** After a write on `client` by a session's request: remember where the primary's WAL then stood. */
  async function noteWrite(client: pg.PoolClient): Promise<void> {
    const session = requestSession.getStore()
    if (!replicaSet || session === undefined) return
    try {
      const { rows } = await client.query<{ lsn: string }>(SQL.currentWalLsn)
      replicaSet.noteWrite(session, parseLsn(rows[0]!.lsn))
    } catch {
      // the write itself committed; only this session's next reads may see a replica a moment behind
    }
  }

  let writes = 0
  const base = helpers((sql, params) =>
    withClient(async (c) => {
      const result = await c.query(sql, params)
      const results = [result].flat()
      if (mayHaveWritten(results, sql)) {
        writes++
        if (replicaSet && results.some((r) => WRITE_COMMANDS.has(r.command))) await noteWrite(c)
      }
      return result
    }),
  )
  try {
    await ensurePostgis(base)
    // Created here (not only by the first migration) because capability detection needs it; under the
    // migration lock so that two servers starting on an empty database do not both create it.
    await withClient(async (c) => {
      await c.query(SQL.begin)
      await c.query(SQL.advisoryXactLock(MIGRATION_LOCK_KEY))
      await c.query(SQL.createPostgis)
      await c.query(SQL.commit)
    })
  } catch (err) {
    await pool.end()
    await embedded?.stop()
    throw err
  }
  const capabilities = await detectCapabilities(base)
  const mode = embedded ? 'embedded' : 'postgres'

  if (replicaUrls.length > 0) {
    replicaSet = new ReplicaSet(
      {
        urls: replicaUrls,
        maxLagMs: options.replicaMaxLagMs ?? 5_000,
        probeMs: options.replicaProbeMs ?? 1_000,
        setup,
        types,
      },
      async () => parseLsn((await base.one<{ lsn: string }>(SQL.currentWalLsn)).lsn),
    )
    await replicaSet.start()
  }
  let primaryReads = 0

  /** A Reader whose first statement picks its server, and which falls back to the primary for good. */
  function reader(): Reader {
    const session = requestSession.getStore()
    let target: Promise<Replica | undefined> | undefined
    async function run(sql: string, params?: unknown[]): Promise<pg.QueryResult> {
      target ??= replicaSet ? replicaSet.choose(session) : Promise.resolve(undefined)
      const replica = await target
      if (replica) {
        try {
          const result = await replica.pool.query(sql, params)
          replica.reads++
          return result
        } catch (err) {
          const code = String((err as { code?: unknown }).code ?? '')
          const lost = isConnectionError(err)
          if (!lost && !RETRY_ON_PRIMARY.test(code)) throw err
          if (lost || code.startsWith('57P')) replica.down(err)
          target = Promise.resolve(undefined)
        }
      }
      primaryReads++
      return withClient((c) => c.query(sql, params))
    }
    return { ...helpers(run), mode, capabilities }
  }

  return {
    ...base,
    mode,
    capabilities,
    ...(embedded?.tcp ? { embeddedPort: embedded.tcp } : {}),
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return withClient(async (client) => {
        await client.query(SQL.begin)
        let wrote = false
        let result: T
        try {
          result = await fn(helpers((sql, params) => client.query(sql, params)))
          if (replicaSet && requestSession.getStore() !== undefined) {
            wrote = (await client.query<{ wrote: boolean }>(SQL.wroteInTransaction)).rows[0]!.wrote
          }
          await client.query(SQL.commit)
          writes++
        } catch (err) {
          await client.query(SQL.rollback).catch(() => undefined)
          throw err
        }
        if (wrote) await noteWrite(client)
        return result
      })
    },
    read: reader,
    forSession: (key, fn) => requestSession.run(key, fn),
    replicas: () => replicaSet?.status() ?? [],
    primaryReads: () => primaryReads,
    writes: () => writes,
    async close() {
      await replicaSet?.close()
      await pool.end()
      await embedded?.stop()
    },
  }
}

const MIN_POSTGIS = [3, 3]

/** Makes sure PostGIS is installed and recent enough; the error says how to fix it. */
export async function ensurePostgis(q: Queryable): Promise<void> {
  // The extension itself is created by the first migration, under the migration lock.
  const available = await q.maybeOne<{ version: string }>(SQL.postgisAvailable)
  if (!available) {
    throw new Error(
      'PostGIS is not installed on this PostgreSQL server. Install it ' +
        '(Debian: apt-get install postgresql-15-postgis-3) and start again; or unset DATABASE_URL to use the ' +
        'embedded database.',
    )
  }
  const [major = 0, minor = 0] = available.version.split('.').map(Number)
  if (major < MIN_POSTGIS[0]! || (major === MIN_POSTGIS[0] && minor < MIN_POSTGIS[1]!)) {
    throw new Error(
      `PostGIS ${available.version} is too old: ${MIN_POSTGIS.join('.')} or newer is required ` +
        '(ALTER EXTENSION postgis UPDATE).',
    )
  }
}
