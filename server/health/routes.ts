import type { Api } from '../http/api'
import { deps } from '../http/context'
import { healthReport } from './service'

/** Liveness and what the server is running on. */
export function healthRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/health',
    summary: 'Database mode, PostGIS version, read replicas, migration level and capabilities',
    tag: 'system',
    access: 'public',
    async handler({ req }) {
      const { db, config, jobs } = deps(req)
      return healthReport(db, config, jobs)
    },
  })
}
