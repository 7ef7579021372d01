// Every SQL statement of server/db (connection set-up, PostGIS checks, capabilities, migrations, replicas).

/** Run on each new connection: statement timeout and Vietnam's time zone (both values are checked numbers/names). */
export const sessionSetup = (statementTimeoutMs: number, timeZone: string) =>
  `SET statement_timeout = ${Math.floor(statementTimeoutMs)}; SET TIME ZONE '${timeZone}'`

export const postgisAvailable = `
  SELECT coalesce(installed_version, default_version) AS version
    FROM pg_available_extensions
   WHERE name = 'postgis'`

/** `key` is the integer MIGRATION_LOCK_KEY. */
export const advisoryXactLock = (key: number) => `SELECT pg_advisory_xact_lock(${Math.trunc(key)})`
export const createPostgis = 'CREATE EXTENSION IF NOT EXISTS postgis'

export const versions = `SELECT postgis_lib_version() AS postgis, current_setting('server_version') AS postgres`
export const asMvtProbe = `
  SELECT ST_AsMVT(t) AS tile
    FROM (SELECT 1 AS id, ST_AsMVTGeom(ST_Point(1, 1, 3857), ST_MakeEnvelope(0, 0, 4, 4, 3857)) AS geom) t`

export const createMigrationsTable = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`
export const appliedMigrations = 'SELECT version, name, checksum FROM schema_migrations'
export const recordMigration = 'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)'
export const migrationLevel = 'SELECT coalesce(max(version), 0) AS level FROM schema_migrations'

export const begin = 'BEGIN'
export const commit = 'COMMIT'
export const rollback = 'ROLLBACK'

// Read replicas (server/db/replicas.ts). LSNs travel as text ('16/B374D848') and are compared in JS.

/** In a transaction, before COMMIT: did it write anything (an xid is assigned only on the first write)? */
export const wroteInTransaction = 'SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS wrote'
/** On the primary, after a write: the WAL position a replica must have replayed to show it. */
export const currentWalLsn = 'SELECT pg_current_wal_lsn()::text AS lsn'
/** On a replica: is it a standby, and how far has it replayed the primary's WAL. */
export const replayPosition = `
  SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn`
