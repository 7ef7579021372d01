import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inject } from 'vitest'
import { openDb, type Db } from '../../server/db/index'
import { migrate } from '../../server/db/migrate'
import { DEMO_SEED, ensureCarriers, loadDemo } from '../../gis-data/demo'
import { generateCables } from '../../gis-data/cables'
import { generateProvince } from '../../gis-data/province'
import { cloneDatabase, dropDatabase, runDatabase, runFolder, sharedDatabase, sharedFolder } from './templates'

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
 * Data a test database may start with instead of an empty migrated one, each loaded into a template once per run
 * (by the first file asking for it) rather than once per file: the heavy demo layers take minutes embedded.
 * The carriers are loaded first, as startTestApp does.
 */
export const DEMO_TEMPLATES = {
  /** The whole demo as `loadDemo(db, '79')` loads it: province, demo users, stations, cables, conversions. */
  demo: async (db: Db) => {
    await ensureCarriers(db)
    await loadDemo(db, '79')
  },
  /** The demo province and its cable network (~150,000 poles) only, generated in one transaction. */
  cables: async (db: Db) => {
    await ensureCarriers(db)
    await db.transaction(async (tx) => {
      await generateProvince(tx, '79', DEMO_SEED)
      await generateCables(tx, '79', DEMO_SEED)
    })
  },
} satisfies Record<string, (db: Db) => Promise<void>>

export type DemoTemplate = keyof typeof DEMO_TEMPLATES

/** The run's template of `data`, built now unless another file of the run built it or is building it. */
async function demoTemplate(data: DemoTemplate): Promise<string> {
  const url = process.env.TEST_DATABASE_URL
  const fill = async (dbOptions: { databaseUrl?: string; dataDir: string }) => {
    // a bulk load, not a test: the 60 s statement limit of a test database could cut it short on a loaded machine
    const db = await openDb({ ...dbOptions, statementTimeoutMs: 900_000 })
    try {
      await migrate(db)
      await DEMO_TEMPLATES[data](db)
    } finally {
      await db.close()
    }
  }
  if (url) {
    const name = runDatabase(inject('runPid'), `itest_${data}`)
    return sharedDatabase(url, name, (databaseUrl) => fill({ databaseUrl, dataDir: '' }), inject('templateDatabase'))
  }
  return sharedFolder(runFolder(inject('runPid'), `itest-${data}`), async (building) => {
    fs.cpSync(inject('templateDir'), building, { recursive: true })
    await fill({ dataDir: building })
  })
}

/**
 * A fresh, migrated database, not opened: a copy of the embedded template folder, or on the PostgreSQL server
 * named by TEST_DATABASE_URL a clone of the template database (see global-setup.ts). Cheap enough for one per test.
 * With `data`, a copy of that demo template instead (see DEMO_TEMPLATES).
 */
export async function createTestDatabase(data?: DemoTemplate): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const name = `telgis_test_${crypto.randomBytes(6).toString('hex')}`
    const template = data ? await demoTemplate(data) : inject('templateDatabase')
    return {
      env: { DATABASE_URL: await cloneDatabase(url, name, template), DATA_DIR: '' },
      drop: () => dropDatabase(url, name),
    }
  }
  const template = data ? await demoTemplate(data) : inject('templateDir')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-test-'))
  fs.cpSync(template, dir, { recursive: true })
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
 * (PostgreSQL only) and `data` from that demo template; destroy() closes and removes it.
 */
export async function createTestDb(replicas?: TestReplicas, data?: DemoTemplate): Promise<TestDb> {
  if (replicas && !process.env.TEST_DATABASE_URL) throw new Error('Read replicas need TEST_DATABASE_URL (PostgreSQL).')
  const database = await createTestDatabase(data)
  const db = await openTestDatabase(database, replicas)
  return {
    ...db,
    async destroy() {
      await db.close()
      await database.drop()
    },
  }
}
