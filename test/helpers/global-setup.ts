import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDb } from '../../server/db/index'
import { migrate, readMigrations } from '../../server/db/migrate'
import { setLogLevel } from '../../server/log'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDir: string
  }
}

/**
 * For the embedded database, builds one migrated data folder that every test file copies, so the
 * ~20 s PostGIS install happens once per run instead of once per file.
 */
export default async function setup(project: TestProject): Promise<void> {
  setLogLevel('warn')
  if (process.env.TEST_DATABASE_URL) {
    project.provide('templateDir', '')
    return
  }
  const key = readMigrations().map((m) => m.checksum.slice(0, 8)).join('')
  const dir = path.join(os.tmpdir(), `telgis-template-${key.slice(0, 40)}`)
  if (!fs.existsSync(path.join(dir, 'READY'))) {
    fs.rmSync(dir, { recursive: true, force: true })
    const db = await openDb({ dataDir: dir, statementTimeoutMs: 60_000 })
    await migrate(db)
    await db.close()
    fs.writeFileSync(path.join(dir, 'READY'), new Date().toISOString())
  }
  project.provide('templateDir', dir)
}
