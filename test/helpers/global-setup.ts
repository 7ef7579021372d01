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
  const key = readMigrations()
    .map((m) => m.checksum.slice(0, 8))
    .join('')
  const dir = path.join(os.tmpdir(), `telgis-template-${key.slice(0, 40)}`)
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
