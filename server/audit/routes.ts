import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { DRAFT_AUDIT_ROW } from '../stations/access'

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
      const rows = await deps(req).db.many(
        `SELECT id, at, actor_id AS "actorId", actor_name AS "actorName", action, entity, entity_id AS "entityId", before, after
           FROM audit_log a
          WHERE NOT (${DRAFT_AUDIT_ROW}) AND ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2)
            AND ($3::text IS NULL OR actor_name = $3) AND ($4::bigint IS NULL OR id < $4)
          ORDER BY id DESC LIMIT $5`,
        [q.entity ?? null, q.entityId ?? null, q.actor ?? null, q.before ?? null, q.limit],
      )
      const last = rows.at(-1) as { id: number } | undefined
      return { items: rows, next: rows.length === q.limit && last ? last.id : null }
    },
  })
}
