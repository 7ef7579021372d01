import type { Server } from 'node:http'
import type { Config } from './config'
import { openDb, type Db } from './db/index'
import { migrate } from './db/migrate'
import { buildApp } from './app'
import { ensureAdmin } from './auth/bootstrap'
import { loadDemoIfEmpty, printCredentials } from '../gis-data/demo'
import { log } from './log'

export interface Running {
  db: Db
  server: Server
  url: string
  stop(): Promise<void>
}

/** Opens the database, migrates, seeds the first admin (and demo data), then listens. */
export async function startServer(config: Config): Promise<Running> {
  const started = Date.now()
  const db = await openDb(config)
  try {
    const report = await migrate(db)
    if (report.applied.length > 0) log.info('migrations applied', { applied: report.applied, migrationLevel: report.level })
    const admin = await ensureAdmin(db, config.adminPassword)
    if (admin?.password) {
      process.stdout.write(`\n  First administrator created — username: ${admin.username}  password: ${admin.password}\n  (printed once; change it after signing in)\n\n`)
    }
    if (config.demo) {
      const demo = await loadDemoIfEmpty(db, config.provinceCode)
      if (demo) printCredentials(demo)
    }
  } catch (err) {
    await db.close()
    throw err
  }
  const app = buildApp({ db, config })
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s))
    s.once('error', reject)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = `http://localhost:${port}`
  log.info('listening', { url, database: db.mode, postgis: db.capabilities.postgisVersion, asMvt: db.capabilities.asMvt, startupMs: Date.now() - started })
  return {
    db,
    server,
    url,
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await db.close()
    },
  }
}
