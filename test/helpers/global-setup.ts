import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDb } from '../../server/db/index'
import { migrate } from '../../server/db/migrate'
import { setLogLevel } from '../../server/log'
import { migrationsKey, removeRunTemplates, sharedDatabase, sharedFolder } from './templates'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated embedded data folder every test copies ('' on PostgreSQL). */
    templateDir: string
    /** The migrated PostgreSQL database every test clones ('' on the embedded database). */
    templateDatabase: string
    /** The pid of this run's main process, which names the run's demo templates (see db.ts, templates.ts). */
    runPid: number
  }
}

/**
 * Builds one migrated template that every test database copies, so that the migrations (and, embedded, the
 * ~20 s PostGIS install) run once per set of migrations instead of once per test: a data folder for the
 * embedded database, a database on the PostgreSQL server named by TEST_DATABASE_URL. The demo templates a few
 * files ask for (db.ts) are built during the run, by the first file that needs one, and removed at its end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  setLogLevel('warn')
  const url = process.env.TEST_DATABASE_URL ?? ''
  await removeRunTemplates(process.pid, 'itest', url)
  project.provide('runPid', process.pid)
  if (url) {
    project.provide('templateDir', '')
    project.provide(
      'templateDatabase',
      await sharedDatabase(url, `telgis_template_${migrationsKey()}`, async (databaseUrl) => {
        const db = await openDb({ databaseUrl, dataDir: '', statementTimeoutMs: 60_000 })
        try {
          await migrate(db)
        } finally {
          await db.close()
        }
      }),
    )
  } else {
    project.provide('templateDatabase', '')
    const dir = path.join(os.tmpdir(), `telgis-template-${migrationsKey()}`)
    project.provide(
      'templateDir',
      await sharedFolder(dir, async (building) => {
        const db = await openDb({ dataDir: building, statementTimeoutMs: 60_000 })
        try {
          await migrate(db)
        } finally {
          await db.close()
        }
      }),
    )
  }
  return () => removeRunTemplates(process.pid, 'itest', url)
}
