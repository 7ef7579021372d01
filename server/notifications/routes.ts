import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { listNotifications, markRead } from './service'

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
      return listNotifications(db, req.user!, query)
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
      await markRead(db, req.user!, params.id)
    },
  })
}
