import pg from 'pg'
import { SOCKET_PORT, startEmbedded, type EmbeddedPort, type EmbeddedServer } from './embedded'
import { detectCapabilities, type Capabilities } from './capabilities'
import { MIGRATION_LOCK_KEY } from './migrate'
import { VIETNAM_TZ } from '../time'

export type { Capabilities } from './capabilities'
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

/** The database handle the rest of the server uses. */
export interface Db extends Queryable {
  mode: 'embedded' | 'postgres'
  capabilities: Capabilities
  /** The embedded database's password-checked loopback port, when EMBEDDED_DB_PORT asked for one. */
  embeddedPort?: EmbeddedPort
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
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
}

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
 * database in `dataDir`. Checks PostGIS and detects capabilities before answering.
 */
export async function openDb(options: DbOptions): Promise<Db> {
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
  const pool = new pg.Pool({ ...poolConfig, types, idleTimeoutMillis: 30_000 })
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  })
  pool.on('connect', (client) => {
    // current_date and date arithmetic in SQL mean Vietnam's calendar day, whatever the server's zone.
    client
      .query(`SET statement_timeout = ${Math.floor(options.statementTimeoutMs)}; SET TIME ZONE '${VIETNAM_TZ}'`)
      .catch(() => undefined)
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

  const base = helpers((sql, params) => withClient((c) => c.query(sql, params)))
  try {
    await ensurePostgis(base)
    // Created here (not only by the first migration) because capability detection needs it; under the
    // migration lock so that two servers starting on an empty database do not both create it.
    await withClient(async (c) => {
      await c.query('BEGIN')
      await c.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`)
      await c.query('CREATE EXTENSION IF NOT EXISTS postgis')
      await c.query('COMMIT')
    })
  } catch (err) {
    await pool.end()
    await embedded?.stop()
    throw err
  }
  const capabilities = await detectCapabilities(base)

  return {
    ...base,
    mode: embedded ? 'embedded' : 'postgres',
    capabilities,
    ...(embedded?.tcp ? { embeddedPort: embedded.tcp } : {}),
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return withClient(async (client) => {
        await client.query('BEGIN')
        try {
          const result = await fn(helpers((sql, params) => client.query(sql, params)))
          await client.query('COMMIT')
          return result
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined)
          throw err
        }
      })
    },
    async close() {
      await pool.end()
      await embedded?.stop()
    },
  }
}

const MIN_POSTGIS = [3, 3]

/** Makes sure PostGIS is installed and recent enough; the error says how to fix it. */
export async function ensurePostgis(q: Queryable): Promise<void> {
  // The extension itself is created by the first migration, under the migration lock.
  const available = await q.maybeOne<{ version: string }>(
    `SELECT coalesce(installed_version, default_version) AS version FROM pg_available_extensions WHERE name = 'postgis'`,
  )
  if (!available) {
    throw new Error(
      'PostGIS is not installed on this PostgreSQL server. Install it (Debian: apt-get install postgresql-15-postgis-3) ' +
        'and start again; or unset DATABASE_URL to use the embedded database.',
    )
  }
  const [major = 0, minor = 0] = available.version.split('.').map(Number)
  if (major < MIN_POSTGIS[0]! || (major === MIN_POSTGIS[0] && minor < MIN_POSTGIS[1]!)) {
    throw new Error(
      `PostGIS ${available.version} is too old: ${MIN_POSTGIS.join('.')} or newer is required (ALTER EXTENSION postgis UPDATE).`,
    )
  }
}
