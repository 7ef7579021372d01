import type { Db } from '../db/index'
import type { Config } from '../config'
import { migrationLevel } from '../db/migrate'
import { activeDemoAccounts } from '../users/demo-accounts'
import type { JobBoard } from './jobs'
import { DEMO_DATASETS } from './sql'

/** What /api/health reports: the database, the migration level, the demo layers and accounts, background jobs. */
export async function healthReport(db: Db, config: Pick<Config, 'provinceCode'>, jobs: JobBoard) {
  const demo = await db.many<{ name: string; generated_at: Date }>(DEMO_DATASETS)
  return {
    status: 'ok',
    database: {
      mode: db.mode,
      postgres: db.capabilities.postgresVersion,
      postgis: db.capabilities.postgisVersion,
      // each read replica: up, lag at the last probe, whether reads go there, statements served
      replicas: db.replicas(),
      primaryReads: db.primaryReads(),
    },
    migrations: { level: await migrationLevel(db) },
    capabilities: { asMvt: db.capabilities.asMvt },
    province: config.provinceCode,
    demo: demo.map((d) => d.name),
    // the sign-in page warns while accounts with published passwords can sign in
    demoAccounts: (await activeDemoAccounts(db)).length > 0,
    jobs: jobs.list(),
  }
}
