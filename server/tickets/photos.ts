import crypto from 'node:crypto'
import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { conflict, forbidden, msg, notFound } from '../http/problems'
import type { ImageType } from '../http/upload'
import { preparePhoto } from './images'
import { PUBLIC_ACTOR, publicTicketId, visibleTicket } from './service'
import * as sql from './sql'
import { PHOTO_STATUSES, type Status } from './workflow'

/** Photos of one purpose a ticket may hold, so one ticket cannot fill the database. */
export const MAX_PHOTOS = { report: 5, resolution: 5 } as const
/** How long after sending the form the reporter may still add photos to it (by number and code). */
export const PUBLIC_PHOTO_WINDOW_MS = 2 * 3600 * 1000

export type Purpose = keyof typeof MAX_PHOTOS

/** Stores both versions of a photo (after counting under the ticket's lock) and one audit row. */
async function storePhoto(
  tx: Queryable,
  actor: SessionUser | null,
  ticketId: number,
  purpose: Purpose,
  photo: { bytes: Buffer; type: ImageType },
  requestId: string | undefined,
): Promise<Row> {
  const { n } = await tx.one<{ n: number }>(sql.COUNT_PHOTOS, [ticketId, purpose])
  if (n >= MAX_PHOTOS[purpose]) throw conflict(msg('ticket.photos_full', { n: MAX_PHOTOS[purpose] }))
  const prepared = await preparePhoto(photo.bytes, photo.type)
  const sha256 = crypto.createHash('sha256').update(photo.bytes).digest('hex')
  const row = await tx.one(sql.INSERT_PHOTO, [
    ticketId,
    purpose,
    prepared.type,
    prepared.original.length,
    sha256,
    prepared.original,
    prepared.publicType,
    prepared.publicCopy,
    prepared.takenAt,
    prepared.lon,
    prepared.lat,
    actor?.id ?? null,
  ])
  await audit(
    tx,
    actor ?? PUBLIC_ACTOR,
    {
      action: 'ticket.photo_add',
      entity: 'ticket',
      entityId: ticketId,
      after: { photoId: row.id, purpose, mediaType: photo.type, byteSize: photo.bytes.length, sha256 },
    },
    requestId,
  )
  return { ...row, url: `/api/tickets/photos/${row.id}` }
}

/**
 * A photo from a signed-in user: the office adds report or resolution photos while the ticket is open; the
 * assigned carrier adds resolution photos (the proof that goes with its "resolved").
 */
export async function addTicketPhoto(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  ticketId: number,
  purpose: Purpose,
  photo: { bytes: Buffer; type: ImageType },
  requestId: string | undefined,
): Promise<Row> {
  const ticket = await visibleTicket(tx, user, provinceCode, ticketId, true)
  const office = user.role === 'officer' || user.role === 'admin'
  if (!office && !(user.role === 'carrier' && purpose === 'resolution')) throw forbidden('ticket.photo_role')
  if (!PHOTO_STATUSES.includes(ticket.status as Status))
    throw conflict(msg('ticket.photo_when', { status: String(ticket.status) }))
  return storePhoto(tx, user, ticketId, purpose, photo, requestId)
}

/** A photo the reporter adds to the report just sent, by its number and code, while it waits for the office. */
export async function addPublicPhoto(
  tx: Queryable,
  provinceCode: string,
  number: string,
  code: string,
  photo: { bytes: Buffer; type: ImageType },
  requestId: string | undefined,
): Promise<Row> {
  const ticket = await publicTicketId(tx, provinceCode, number, code, true)
  if (ticket.status !== 'received' || Date.now() - ticket.createdAt.getTime() > PUBLIC_PHOTO_WINDOW_MS)
    throw conflict('ticket.public_photo_closed')
  const row = await storePhoto(tx, null, ticket.id, 'report', photo, requestId)
  return { id: row.id, purpose: row.purpose, url: `/api/public/tickets/${number}/photos/${row.id}?code=${code}` }
}

/**
 * A photo's bytes for a signed-in user who may see its ticket (404 otherwise): the original, EXIF and all, for the
 * department's staff; the copy without metadata for a carrier.
 */
export async function readTicketPhoto(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  photoId: number,
): Promise<{ mediaType: string; content: Buffer }> {
  const row = await q.maybeOne<{ ticketId: number }>(sql.PHOTO_TICKET, [photoId])
  if (!row) throw notFound('photo.not_found')
  await visibleTicket(q, user, provinceCode, row.ticketId)
  const original = user.role !== 'carrier'
  const photo = await q.maybeOne<{ mediaType: string; content: Buffer }>(
    original ? sql.PHOTO_ORIGINAL : sql.PHOTO_PUBLIC,
    [photoId, row.ticketId],
  )
  if (!photo) throw notFound('photo.not_found')
  return photo
}

/** A photo of a ticket as the public lookup shows it: the copy without metadata, by number and code. */
export async function readPublicPhoto(
  q: Queryable,
  provinceCode: string,
  number: string,
  code: string,
  photoId: number,
): Promise<{ mediaType: string; content: Buffer }> {
  const ticket = await publicTicketId(q, provinceCode, number, code)
  const photo = await q.maybeOne<{ mediaType: string; content: Buffer }>(sql.PHOTO_PUBLIC, [photoId, ticket.id])
  if (!photo) throw notFound('photo.not_found')
  return photo
}
