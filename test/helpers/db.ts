import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import { openDb, type Db } from '../../server/db/index'
import { migrate } from '../../server/db/migrate'

export interface TestDb extends Db {
  /** Closes the database and removes it (the temporary data folder or PostgreSQL database). */
  destroy(): Promise<void>
}

/** Read replicas for a test database on PostgreSQL: a standby server, where the same database name is read. */
export interface TestReplicas {
  /** postgres://host:port of the standby (e.g. TEST_REPLICA_URL); the test database's name is put in. */
  standbyUrl: string
  maxLagMs?: number
  probeMs?: number
}

export interface TestDatabase {
  /** DATABASE_URL and DATA_DIR for a process (a CLI, a server) that opens this database itself. */
  env: { DATABASE_URL: string; DATA_DIR: string }
  /** Removes the database; whoever opened it must have closed it. */
  drop(): Promise<void>
}

/**
 * A fresh, migrated database, not opened: a copy of the embedded template folder, or on the PostgreSQL server
 * named by TEST_DATABASE_URL a clone of the template database (see global-setup.ts). Cheap enough for one per test.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const name = `telgis_test_${crypto.randomBytes(6).toString('hex')}`
    const run = async (statement: string) => {
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      try {
        await admin.query(statement)
      } finally {
        await admin.end()
      }
    }
    const template = inject('templateDatabase')
    await run(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`)
    const target = new URL(url)
    target.pathname = `/${name}`
    return {
      env: { DATABASE_URL: target.toString(), DATA_DIR: '' },
      drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-test-'))
  fs.cpSync(inject('templateDir'), dir, { recursive: true })
  return {
    env: { DATABASE_URL: '', DATA_DIR: dir },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  }
}

/**
 * Opens a database made by createTestDatabase (migrating it, which finds nothing to do on a template copy);
 * with `replicas`, reads go through that standby.
 */
export async function openTestDatabase(database: TestDatabase, replicas?: TestReplicas): Promise<Db> {
  const url = database.env.DATABASE_URL
  if (replicas && !url) throw new Error('Read replicas need TEST_DATABASE_URL (PostgreSQL).')
  const standby = replicas && new URL(replicas.standbyUrl)
  if (standby) standby.pathname = new URL(url).pathname
  const db = await openDb({
    databaseUrl: url || undefined,
    dataDir: database.env.DATA_DIR,
    statementTimeoutMs: 60_000,
    ...(standby ? { replicaUrls: [standby.toString()] } : {}),
    replicaMaxLagMs: replicas?.maxLagMs,
    replicaProbeMs: replicas?.probeMs,
  })
  await migrate(db)
  return db
}

/**
 * A fresh, migrated and opened database (see createTestDatabase), with `replicas` read through that standby
 * (PostgreSQL only); destroy() closes and removes it.
 */
export async function createTestDb(replicas?: TestReplicas): Promise<TestDb> {
  if (replicas && !process.env.TEST_DATABASE_URL) throw new Error('Read replicas need TEST_DATABASE_URL (PostgreSQL).')
  const database = await createTestDatabase()
  const db = await openTestDatabase(database, replicas)
  return {
    ...db,
    async destroy() {
      await db.close()
      await database.drop()
    },
  }
}
