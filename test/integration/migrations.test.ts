import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import pg from 'pg'
import { openDb } from '../../server/db/index'
import { migrate, MigrationError, MIGRATIONS_DIR, readMigrations } from '../../server/db/migrate'
import { createTestDb, type TestDb } from '../helpers/db'

// Each test has its own database (copied from the migrated template) and its own copy of the migrations folder.
let db: TestDb
let dir: string
beforeEach(async () => {
  db = await createTestDb()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-migrations-'))
  for (const f of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f))
})
afterEach(async () => {
  await db?.destroy()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('migrations', () => {
  it('records every file with its checksum', async () => {
    const rows = await db.many<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM schema_migrations ORDER BY version',
    )
    expect(rows).toEqual(readMigrations().map((m) => ({ name: m.name, checksum: m.checksum })))
  })

  it('applies a new file once and does nothing the second time', async () => {
    fs.writeFileSync(path.join(dir, '900_test_probe.sql'), 'CREATE TABLE migration_probe (id int);')
    expect((await migrate(db, readMigrations(dir))).applied).toEqual(['900_test_probe.sql'])
    expect((await migrate(db, readMigrations(dir))).applied).toEqual([])
  })

  it('stops when an applied migration was edited', async () => {
    fs.writeFileSync(path.join(dir, '900_test_probe.sql'), 'CREATE TABLE migration_probe (id int);')
    expect((await migrate(db, readMigrations(dir))).applied).toEqual(['900_test_probe.sql'])
    fs.writeFileSync(path.join(dir, '900_test_probe.sql'), 'CREATE TABLE migration_probe (id bigint);')
    await expect(migrate(db, readMigrations(dir))).rejects.toThrow(MigrationError)
    await expect(migrate(db, readMigrations(dir))).rejects.toThrow(
      /900_test_probe\.sql was changed after it was applied/,
    )
  })

  it('rolls back a failing migration entirely', async () => {
    fs.writeFileSync(path.join(dir, '901_half.sql'), 'CREATE TABLE half_done (id int); SELECT 1/0;')
    await expect(migrate(db, readMigrations(dir))).rejects.toThrow(/901_half\.sql failed/)
    expect(await db.maybeOne(`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`)).toBeUndefined()
    expect(await db.maybeOne(`SELECT 1 FROM schema_migrations WHERE name = '901_half.sql'`)).toBeUndefined()
  })
})

describe.runIf(process.env.TEST_DATABASE_URL)('two servers starting at once on PostgreSQL', () => {
  it('apply each migration exactly once', async () => {
    const url = process.env.TEST_DATABASE_URL!
    const name = `telgis_race_${process.pid}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.query(`CREATE DATABASE ${name}`)
    const target = new URL(url)
    target.pathname = `/${name}`
    const [a, b] = await Promise.all(
      [0, 1].map(() => openDb({ databaseUrl: target.toString(), dataDir: '', statementTimeoutMs: 60_000 })),
    )
    try {
      const [ra, rb] = await Promise.all([migrate(a!), migrate(b!)])
      const files = readMigrations().map((m) => m.name)
      // One server applied everything, the other waited on the lock and found nothing to do.
      expect([...ra.applied, ...rb.applied].sort()).toEqual(files)
      expect([ra.applied.length, rb.applied.length].sort()).toEqual([0, files.length])
      const rows = await a!.many<{ version: number }>('SELECT version FROM schema_migrations')
      expect(rows).toHaveLength(files.length)
    } finally {
      await a!.close()
      await b!.close()
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  })
})
