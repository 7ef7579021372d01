import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { listAudit } from './audit'

const query = z.object({
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  actor: z.string().max(40).optional(),
  before: z.coerce.number().int().positive().optional().describe('Return rows with an id below this (keyset paging).'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

/** The audit trail, newest first, paged by id; rows about carriers' drafts stay private to the carrier. */
export function auditRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/audit',
    summary: 'Audit trail (newest first)',
    tag: 'audit',
    access: ['admin', 'officer'],
    query,
    async handler({ query: q, req }) {
      return listAudit(deps(req).db, q)
    },
  })
}
