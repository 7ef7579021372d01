import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from './index'
import * as SQL from './sql'

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations')

// Any constant works; it only has to be the same for every server sharing the database.
export const MIGRATION_LOCK_KEY = 7_540_790_001

export interface MigrationFile {
  version: number
  name: string
  sql: string
  checksum: string
}

/** Raised when the migrations on disk and those recorded in the database disagree. */
export class MigrationError extends Error {}

/** Reads `NNN_name.sql` files in order. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{3,}_[\w-]+\.sql$/.test(f))
    .sort()
  const seen = new Set<number>()
  return files.map((name) => {
    const version = Number(name.slice(0, name.indexOf('_')))
    if (seen.has(version)) throw new MigrationError(`Two migrations share number ${version} (${name})`)
    seen.add(version)
    const sql = fs.readFileSync(path.join(dir, name), 'utf8')
    return { version, name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') }
  })
}

export interface MigrationReport {
  applied: string[]
  level: number
}

/**
 * Applies pending migrations in one transaction under an advisory lock, so that two servers starting
 * together apply each file once: the second waits, then finds them recorded. An edited migration that
 * was already applied stops the start.
 */
export async function migrate(db: Db, files = readMigrations()): Promise<MigrationReport> {
  return db.transaction(async (tx) => {
    await tx.exec(SQL.advisoryXactLock(MIGRATION_LOCK_KEY))
    await tx.exec(SQL.createMigrationsTable)
    const done = new Map(
      (await tx.many<{ version: number; name: string; checksum: string }>(SQL.appliedMigrations)).map((r) => [
        r.version,
        r,
      ]),
    )
    const applied: string[] = []
    for (const file of files) {
      const previous = done.get(file.version)
      if (previous) {
        if (previous.checksum !== file.checksum) {
          throw new MigrationError(
            `Migration ${file.name} was changed after it was applied ` +
              `(recorded checksum ${previous.checksum.slice(0, 12)}…, file ${file.checksum.slice(0, 12)}…). ` +
              'Restore the file and add a new migration instead.',
          )
        }
        continue
      }
      try {
        await tx.exec(file.sql)
      } catch (err) {
        throw new MigrationError(`Migration ${file.name} failed: ${(err as Error).message}`)
      }
      await tx.exec(SQL.recordMigration, [file.version, file.name, file.checksum])
      applied.push(file.name)
    }
    const { level } = await tx.one<{ level: number }>(SQL.migrationLevel)
    return { applied, level }
  })
}

/** The highest applied migration number. */
export async function migrationLevel(db: Db): Promise<number> {
  const row = await db.one<{ level: number }>(SQL.migrationLevel)
  return row.level
}
