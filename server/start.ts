import type { Server } from 'node:http'
import type { Router } from 'express'
import type { Config } from './config'
import { openDb, type Db } from './db/index'
import { migrate } from './db/migrate'
import { buildApp } from './app'
import { checkAdminPassword, ensureAdmin } from './auth/bootstrap'
import { activeDemoAccounts, checkDemoSetting, deactivateDemoAccounts } from './users/demo-accounts'
import { DEMO_PASSWORD, loadDemoLayers, startDemo } from '../gis-data/demo'
import { saveAdminPassword, startupBanner, type BannerFacts } from './banner'
import { JobBoard } from './health/jobs'
import { prepareProvince } from './setup/service'
import { log } from './log'
import { startImportReader } from './cables/import/import'
import { startPlanReader } from './plans/import'

export interface Running {
  db: Db
  server: Server
  url: string
  stop(): Promise<void>
}

export interface StartOptions {
  /**
   * On PostgreSQL, listen as soon as the demo province and users exist and load the heavier demo layers
   * afterwards, with progress in /api/health (what `npm start` does); otherwise load everything first.
   */
  demoInBackground?: boolean
  /** No start-up banner on stdout (tests). */
  quiet?: boolean
  /** Routes mounted beside the tiles; only the load test's baseline (bench/load/server.ts) uses it. */
  extraRoutes?: Router
}

/** Opens the database, migrates, seeds the first admin (and demo data), then listens. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<Running> {
  const started = Date.now()
  checkAdminPassword(config.adminPassword)
  checkDemoSetting(config)
  const db = await openDb(config)
  if (db.embeddedPort?.generated) {
    const { port, password } = db.embeddedPort
    process.stdout.write(
      `\n  Embedded database on 127.0.0.1:${port} — psql postgres://postgres:${password}@127.0.0.1:${port}/postgres\n` +
        '  (password generated for this start and printed once; set EMBEDDED_DB_PASSWORD to choose it)\n\n',
    )
  }
  const jobs = new JobBoard()
  let demoLayers: (() => Promise<void>) | undefined
  let admin: BannerFacts['admin'] = null
  let demoAccounts: string[] = []
  try {
    const report = await migrate(db)
    if (report.applied.length > 0)
      log.info('migrations applied', { applied: report.applied, migrationLevel: report.level })
    const created = await ensureAdmin(db, config.adminPassword)
    if (created) {
      const file = created.password ? saveAdminPassword(config.dataDir, created.username, created.password) : null
      admin = { ...created, file }
    }
    if (config.production) {
      const switchedOff = await deactivateDemoAccounts(db)
      if (switchedOff.length > 0) {
        log.warn('demo accounts switched off: refused in production', { usernames: switchedOff })
      }
    }
    const prepared = await prepareProvince(db, config.provinceCode)
    if (prepared.rulesAdded) {
      log.info('national rule values set; review them on the planning page', { province: config.provinceCode })
    }
    if (config.demo) {
      const demo = await startDemo(db, config.provinceCode)
      if (demo.report) log.info('demo province loaded', { province: demo.report.province })
      if (demo.layersPending) {
        demoLayers = () =>
          loadDemoLayers(db, config.provinceCode, (p) => {
            jobs.report('demo', { stage: p.layer, done: p.done, total: p.total })
            if (p.layer) log.info('loading demo layer', { layer: p.layer, step: p.done + 1, of: p.total })
          }).then(() => {
            jobs.finish('demo')
            log.info('demo data ready')
          })
        // The embedded database runs one transaction at a time, so a background load would only make every
        // request wait behind it; there the layers load before listening.
        if (!options.demoInBackground || db.mode === 'embedded') {
          await demoLayers()
          demoLayers = undefined
        }
      }
    }
    demoAccounts = await activeDemoAccounts(db)
    if (demoAccounts.length > 0) {
      log.warn(
        'demo accounts with a published password are active: not for real data (DEMO=off; refused in production)',
        {
          usernames: demoAccounts,
        },
      )
    }
  } catch (err) {
    await db.close()
    throw err
  }
  const app = buildApp({ db, config, jobs }, options.extraRoutes)
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s))
    s.once('error', reject)
  })
  // not when the routes are registered: a loaded thread would keep the type generator from exiting
  void startImportReader()
  void startPlanReader()
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = `http://localhost:${port}`
  log.info('listening', {
    url,
    database: db.mode,
    postgis: db.capabilities.postgisVersion,
    asMvt: db.capabilities.asMvt,
    startupMs: Date.now() - started,
  })
  if (!options.quiet) {
    const demo = demoAccounts.length > 0 ? { usernames: demoAccounts, password: DEMO_PASSWORD } : null
    const facts = { url, database: db.mode, dataDir: config.dataDir, startupMs: Date.now() - started, admin, demo }
    process.stdout.write(startupBanner(facts))
  }
  const background = options.demoInBackground && demoLayers ? demoLayers() : Promise.resolve()
  background.catch((err: Error) => {
    jobs.fail('demo', err.message)
    log.error('demo layers failed to load; they will be retried at the next start', { error: err.message })
  })
  return {
    db,
    server,
    url,
    async stop() {
      await background.catch(() => undefined)
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await db.close()
    },
  }
}
