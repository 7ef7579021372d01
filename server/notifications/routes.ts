import { z } from 'zod'
import type { Api } from '../http/api'
import { deps, type SessionUser } from '../http/context'
import { notFound } from '../http/problems'

// A user's notifications: those to its carrier, or to its role. $1 carrier id, $2 role.
const MINE = `((n.recipient_carrier_id = $1) OR (n.recipient_role = $2))`

function recipient(user: SessionUser): [number | null, string | null] {
  return user.role === 'carrier' ? [user.carrierId, null] : [null, user.role]
}

/** In-app notifications about workflow steps taken by the other party. */
export function notificationRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/notifications',
    summary: "The user's notifications, newest first, with the unread count",
    tag: 'notifications',
    access: 'signed-in',
    query: z.object({
      unread: z
        .enum(['true', 'false'])
        .transform((v) => v === 'true')
        .optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    async handler({ query, req }) {
      const { db } = deps(req)
      const user = req.user!
      const [carrierId, role] = recipient(user)
      const items = await db.many(
        `SELECT n.id, n.entity, n.entity_id AS "entityId", n.kind, n.message_vi AS "messageVi", n.message_en AS "messageEn",
                n.created_at AS "createdAt", (r.user_id IS NOT NULL) AS read
           FROM notifications n LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.user_id = $3
          WHERE ${MINE} AND ($4::boolean IS NOT TRUE OR r.user_id IS NULL)
          ORDER BY n.id DESC LIMIT $5`,
        [carrierId, role, user.id, query.unread ?? null, query.limit],
      )
      const { unread } = await db.one<{ unread: number }>(
        `SELECT count(*) AS unread FROM notifications n
          WHERE ${MINE} AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.user_id = $3)`,
        [carrierId, role, user.id],
      )
      return { items, unread }
    },
  })

  api.route({
    method: 'post',
    path: '/api/notifications/{id}/read',
    summary: 'Mark a notification read',
    tag: 'notifications',
    access: 'signed-in',
    params: z.object({ id: z.coerce.number().int().positive() }),
    async handler({ params, req }) {
      const { db } = deps(req)
      const user = req.user!
      const [carrierId, role] = recipient(user)
      const mine = await db.maybeOne(`SELECT 1 FROM notifications n WHERE n.id = $3 AND ${MINE}`, [
        carrierId,
        role,
        params.id,
      ])
      if (!mine) throw notFound('No such notification.')
      await db.exec(
        `INSERT INTO notification_reads (notification_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [params.id, user.id],
      )
    },
  })
}
