import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { isoDate } from '../http/dates'
import { auditFacets, listAudit } from './audit'

const query = z.object({
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  actor: z.string().max(40).optional(),
  action: z.string().max(60).optional(),
  from: isoDate.optional().describe('First day (Vietnam), YYYY-MM-DD'),
  to: isoDate.optional().describe('Last day (Vietnam), YYYY-MM-DD, included'),
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

  api.route({
    method: 'get',
    path: '/api/audit/facets',
    summary: "The values of the audit trail's filters: its actions, record kinds and actors",
    tag: 'audit',
    access: ['admin', 'officer'],
    async handler({ req }) {
      return auditFacets(deps(req).db)
    },
  })
}
