import type { Api } from '../http/api'
import { deps } from '../http/context'
import { checklist } from './service'

/** The administrator's first-run checklist. */
export function setupRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/admin/setup',
    summary: "First-run checklist: the province's VN-2000 zone, boundaries, rule values, users and carriers",
    tag: 'setup',
    access: ['admin'],
    async handler({ req }) {
      const { db, config } = deps(req)
      return checklist(db, config.provinceCode)
    },
  })
}
