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

/**
 * A fresh, migrated database for one test file: a copy of the embedded template, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL (with `replicas`, read through that standby).
 */
export async function createTestDb(replicas?: TestReplicas): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL
  if (replicas && !url) throw new Error('Read replicas need TEST_DATABASE_URL (PostgreSQL).')
  if (url) {
    const name = `telgis_test_${crypto.randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const target = new URL(url)
    target.pathname = `/${name}`
    const standby = replicas && new URL(replicas.standbyUrl)
    if (standby) standby.pathname = `/${name}`
    const db = await openDb({
      databaseUrl: target.toString(),
      dataDir: '',
      statementTimeoutMs: 60_000,
      ...(standby ? { replicaUrls: [standby.toString()] } : {}),
      replicaMaxLagMs: replicas?.maxLagMs,
      replicaProbeMs: replicas?.probeMs,
    })
    await migrate(db)
    return {
      ...db,
      async destroy() {
        await db.close()
        const c = new pg.Client({ connectionString: url })
        await c.connect()
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await c.end()
      },
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-test-'))
  fs.cpSync(inject('templateDir'), dir, { recursive: true })
  const db = await openDb({ dataDir: dir, statementTimeoutMs: 60_000 })
  await migrate(db)
  return {
    ...db,
    async destroy() {
      await db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
