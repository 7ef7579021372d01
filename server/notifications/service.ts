import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { notFound } from '../http/problems'
import { COUNT_UNREAD, FIND_MINE, INSERT_NOTIFICATION, LIST_NOTIFICATIONS, MARK_READ } from './sql'

/** Who a notification goes to: one carrier (all its users), every user of a role, or one user. */
export type Recipient =
  | { carrierId: number; role?: undefined; userId?: undefined }
  | { carrierId?: undefined; role: string; userId?: undefined }
  | { carrierId?: undefined; role?: undefined; userId: number }

/** A notification about one step taken on an entity, in Vietnamese and English. */
export interface NewNotification {
  recipient: Recipient
  entity: string
  entityId: string
  kind: string
  messageVi: string
  messageEn: string
}

function recipientOf(user: SessionUser): [number | null, string | null] {
  return user.role === 'carrier' ? [user.carrierId, null] : [null, user.role]
}

/**
 * The user's notifications (a carrier's: its carrier's; others': their role's), newest first, with the unread
 * count.
 */
export async function listNotifications(
  q: Queryable,
  user: SessionUser,
  options: { unread?: boolean; limit: number },
): Promise<{ items: Row[]; unread: number }> {
  const [carrierId, role] = recipientOf(user)
  const items = await q.many(LIST_NOTIFICATIONS, [carrierId, role, user.id, options.unread ?? null, options.limit])
  const { unread } = await q.one<{ unread: number }>(COUNT_UNREAD, [carrierId, role, user.id])
  return { items, unread }
}

/** Marks one of the user's notifications read (404 when it is not the user's). */
export async function markRead(q: Queryable, user: SessionUser, id: number): Promise<void> {
  const [carrierId, role] = recipientOf(user)
  const mine = await q.maybeOne(FIND_MINE, [carrierId, role, user.id, id])
  if (!mine) throw notFound('notification.not_found')
  await q.exec(MARK_READ, [id, user.id])
}

/** Stores a notification in the caller's transaction. */
export async function addNotification(tx: Queryable, n: NewNotification): Promise<void> {
  await tx.exec(INSERT_NOTIFICATION, [
    n.recipient.carrierId ?? null,
    n.recipient.role ?? null,
    n.recipient.userId ?? null,
    n.entity,
    n.entityId,
    n.kind,
    n.messageVi,
    n.messageEn,
  ])
}
