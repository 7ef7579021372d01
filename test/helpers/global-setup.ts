import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDb } from '../../server/db/index'
import { migrate, readMigrations } from '../../server/db/migrate'
import { setLogLevel } from '../../server/log'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated embedded data folder every test copies ('' on PostgreSQL). */
    templateDir: string
    /** The migrated PostgreSQL database every test clones ('' on the embedded database). */
    templateDatabase: string
  }
}

/** One key per set of migrations: a template built for other migration files is never reused. */
function migrationsKey(): string {
  const all = readMigrations()
    .map((m) => `${m.name}:${m.checksum}`)
    .join('\n')
  return crypto.createHash('sha256').update(all).digest('hex').slice(0, 32)
}

/**
 * Builds one migrated template that every test database copies, so that the migrations (and, embedded, the
 * ~20 s PostGIS install) run once per set of migrations instead of once per test: a data folder for the
 * embedded database, a database on the PostgreSQL server named by TEST_DATABASE_URL.
 */
export default async function setup(project: TestProject): Promise<void> {
  setLogLevel('warn')
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    project.provide('templateDir', '')
    project.provide('templateDatabase', await postgresTemplate(url))
    return
  }
  project.provide('templateDatabase', '')
  const dir = path.join(os.tmpdir(), `telgis-template-${migrationsKey()}`)
  if (!fs.existsSync(path.join(dir, 'READY'))) {
    // Built aside and renamed into place, so that test runs started together never share a half-built folder.
    const building = `${dir}.building-${process.pid}`
    fs.rmSync(building, { recursive: true, force: true })
    const db = await openDb({ dataDir: building, statementTimeoutMs: 60_000 })
    await migrate(db)
    await db.close()
    fs.writeFileSync(path.join(building, 'READY'), new Date().toISOString())
    try {
      fs.renameSync(building, dir)
    } catch {
      fs.rmSync(building, { recursive: true, force: true })
    }
    if (!fs.existsSync(path.join(dir, 'READY')))
      throw new Error(`test template ${dir} is incomplete; remove it and run again`)
  }
  project.provide('templateDir', dir)
}

/**
 * The migrated template database on the PostgreSQL server: built aside under another name and renamed into
 * place, so a run started meanwhile never clones a half-migrated one; nobody may connect to it afterwards
 * (CREATE DATABASE … TEMPLATE needs it unused).
 */
async function postgresTemplate(url: string): Promise<string> {
  const name = `telgis_template_${migrationsKey()}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    const exists = async () =>
      (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1
    if (await exists()) return name
    const building = `telgis_building_${crypto.randomBytes(6).toString('hex')}`
    await admin.query(`CREATE DATABASE ${building}`)
    const target = new URL(url)
    target.pathname = `/${building}`
    const db = await openDb({ databaseUrl: target.toString(), dataDir: '', statementTimeoutMs: 60_000 })
    try {
      await migrate(db)
    } finally {
      await db.close()
    }
    try {
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`)
      await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`)
    } catch (err) {
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`)
      if (!(await exists())) throw err
    }
    return name
  } finally {
    await admin.end()
  }
}
