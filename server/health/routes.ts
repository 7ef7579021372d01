import type { Api } from '../http/api'
import { deps } from '../http/context'
import { migrationLevel } from '../db/migrate'
import { activeDemoAccounts } from '../users/demo-accounts'

/** Liveness and what the server is running on. */
export function healthRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/health',
    summary: 'Database mode, PostGIS version, migration level and capabilities',
    tag: 'system',
    access: 'public',
    async handler({ req }) {
      const { db, config, jobs } = deps(req)
      const demo = await db.many<{ name: string; generated_at: Date }>(
        'SELECT name, generated_at FROM demo_datasets ORDER BY name',
      )
      return {
        status: 'ok',
        database: { mode: db.mode, postgres: db.capabilities.postgresVersion, postgis: db.capabilities.postgisVersion },
        migrations: { level: await migrationLevel(db) },
        capabilities: { asMvt: db.capabilities.asMvt },
        province: config.provinceCode,
        demo: demo.map((d) => d.name),
        // the sign-in page warns while accounts with published passwords can sign in
        demoAccounts: (await activeDemoAccounts(db)).length > 0,
        jobs: jobs.list(),
      }
    },
  })
}
