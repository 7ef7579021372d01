import crypto from 'node:crypto'
import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { conflict, forbidden, notFound, Problem, msg } from '../http/problems'
import { sniffImage } from '../http/upload'

export { MAX_PHOTO_BYTES, readBody, sniffImage, type ImageType } from '../http/upload'
import { itemScope, visibleItem } from './access'
import { PHOTO_STATUSES, type Status } from './workflow'
import { COUNT_ITEM_PHOTOS, INSERT_PHOTO, photoContent } from './sql'

/** Photos per item, so one item cannot fill the database. */
export const MAX_PHOTOS_PER_ITEM = 12

/** Stores one after-photo of the carrier's own item (while it is not yet reported), with one audit row. */
export async function addPhoto(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  itemId: number,
  bytes: Buffer,
  requestId: string | undefined,
): Promise<Row> {
  const item = await visibleItem(tx, user, provinceCode, itemId, true)
  if (user.role !== 'carrier') throw forbidden('photo.carrier_after')
  if (!PHOTO_STATUSES.includes(item.status as Status))
    throw conflict(msg('photo.item_reported', { status: String(item.status) }))
  if (bytes.length === 0) throw new Problem(400, msg('photo.empty'))
  const type = sniffImage(bytes)
  if (!type) throw new Problem(415, msg('photo.type'))
  // counted after visibleItem locked the item, so concurrent uploads cannot pass the cap together
  const { n } = await tx.one<{ n: number }>(COUNT_ITEM_PHOTOS, [itemId])
  if (n >= MAX_PHOTOS_PER_ITEM) throw conflict(msg('photo.item_full', { n: MAX_PHOTOS_PER_ITEM }))
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
  const photo = await tx.one(INSERT_PHOTO, [itemId, type, bytes.length, sha256, bytes, user.username])
  await audit(
    tx,
    user,
    {
      action: 'conversion.photo_add',
      entity: 'conversion_item',
      entityId: itemId,
      after: { photoId: photo.id, mediaType: type, byteSize: bytes.length, sha256 },
    },
    requestId,
  )
  return photo
}

/** A photo's bytes, only for users who may see its item (404 otherwise). */
export async function readPhoto(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  photoId: number,
): Promise<{ mediaType: string; content: Buffer }> {
  const scope = itemScope(user, provinceCode, 2)
  const row = await q.maybeOne<{ mediaType: string; content: Buffer }>(photoContent(scope.sql), [
    photoId,
    ...scope.params,
  ])
  if (!row) throw notFound('photo.not_found')
  return row
}
