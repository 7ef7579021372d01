// Photos of inspections (the inspector's) and of follow-up answers (the carrier's): sniffed by content and
// size-limited by server/http/upload.ts, stored once per device id (X-Client-Id), with EXIF time and GPS.
import crypto from 'node:crypto'
import type { Queryable } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { conflict, msg, notFound } from '../http/problems'
import type { ImageType } from '../http/upload'
import { inspectionScope, scopeParams } from './access'
import { readExif } from './exif'
import { inspectionDetail } from './service'
import * as sql from './sql'

/** Photos one inspection may hold (its own and its follow-up's), so that one record cannot fill the database. */
export const MAX_PHOTOS_PER_INSPECTION = 20

export interface StoredPhoto {
  id: number
  takenAt: string | null
  lon: number | null
  lat: number | null
  url: string
}

interface Upload {
  bytes: Buffer
  type: ImageType
}

const answer = (r: Omit<StoredPhoto, 'url'>): StoredPhoto => ({
  id: Number(r.id),
  takenAt: r.takenAt === null ? null : new Date(r.takenAt).toISOString(),
  lon: r.lon === null ? null : Number(r.lon),
  lat: r.lat === null ? null : Number(r.lat),
  url: `/api/inspections/photos/${r.id}`,
})

/** A replay of a photo already stored for this inspection (same device id), or null; another's id is 409. */
async function replayed(q: Queryable, clientId: string, inspectionId: number): Promise<StoredPhoto | null> {
  const row = await q.maybeOne<Omit<StoredPhoto, 'url'> & { inspectionId: number }>(sql.PHOTO_BY_CLIENT_ID, [clientId])
  if (!row) return null
  if (Number(row.inspectionId) !== inspectionId) throw conflict('inspection.client_id_used')
  const { inspectionId: _, ...photo } = row
  return answer(photo)
}

async function store(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  target: { inspectionId: number; source: 'inspector' | 'carrier'; followUpId?: number },
  clientId: string,
  photo: Upload,
  requestId: string | undefined,
): Promise<StoredPhoto> {
  const { n } = await tx.one<{ n: number }>(sql.COUNT_PHOTOS, [target.inspectionId])
  if (n >= MAX_PHOTOS_PER_INSPECTION) throw conflict(msg('inspection.photos_full', { n: MAX_PHOTOS_PER_INSPECTION }))
  const exif = await readExif(photo.bytes)
  const sha256 = crypto.createHash('sha256').update(photo.bytes).digest('hex')
  const row = await tx.one<Omit<StoredPhoto, 'url'>>(sql.INSERT_PHOTO, [
    provinceCode,
    target.inspectionId,
    target.source,
    clientId,
    photo.type,
    photo.bytes.length,
    sha256,
    photo.bytes,
    exif.takenAt,
    exif.lon,
    exif.lat,
    user.id,
  ])
  const stored = answer(row)
  await audit(
    tx,
    user,
    {
      action: 'inspection.photo_add',
      entity: 'inspection',
      entityId: target.inspectionId,
      after: {
        photoId: stored.id,
        source: target.source,
        followUpId: target.followUpId,
        mediaType: photo.type,
        byteSize: photo.bytes.length,
        sha256,
        takenAt: stored.takenAt,
        lon: stored.lon,
        lat: stored.lat,
      },
    },
    requestId,
  )
  return stored
}

/**
 * The assigned inspector adds a photo to an inspection (open or recorded: photos taken offline sync after the
 * result). A replay of the same X-Client-Id answers the stored photo (created: false) and stores nothing.
 */
export async function addInspectionPhoto(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  inspectionId: number,
  clientId: string,
  photo: Upload,
  requestId: string | undefined,
): Promise<{ created: boolean; photo: StoredPhoto }> {
  const row = await tx.maybeOne<{ inspectorId: number | null; state: string }>(sql.LOCK_INSPECTION, [
    inspectionId,
    provinceCode,
  ])
  if (!row || row.inspectorId !== user.id) throw notFound('inspection.not_found')
  const again = await replayed(tx, clientId, inspectionId)
  if (again) return { created: false, photo: again }
  if (row.state === 'cancelled') throw conflict(msg('inspection.not_open', { state: row.state }))
  const stored = await store(tx, user, provinceCode, { inspectionId, source: 'inspector' }, clientId, photo, requestId)
  return { created: true, photo: stored }
}

/** The carrier adds the photo of its answer to an open follow-up of its own (then names it in the answer). */
export async function addFollowUpPhoto(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  followUpId: number,
  clientId: string,
  photo: Upload,
  requestId: string | undefined,
): Promise<{ created: boolean; photo: StoredPhoto }> {
  const f = await tx.maybeOne<{ inspectionId: number; state: string }>(sql.lockFollowUp(inspectionScope(user)), [
    provinceCode,
    ...scopeParams(user),
    followUpId,
  ])
  if (!f) throw notFound('inspection.follow_up_not_found')
  const inspectionId = Number(f.inspectionId)
  const again = await replayed(tx, clientId, inspectionId)
  if (again) return { created: false, photo: again }
  if (f.state !== 'open') throw conflict(msg('inspection.follow_up_not_open', { state: f.state }))
  const target = { inspectionId, source: 'carrier' as const, followUpId }
  return { created: true, photo: await store(tx, user, provinceCode, target, clientId, photo, requestId) }
}

/**
 * Before an upload's body is read: the inspection is one assigned to the user (404 otherwise), so that nobody
 * else gets as far as sending bytes.
 */
export async function mayAddInspectionPhoto(q: Queryable, user: SessionUser, provinceCode: string, id: number) {
  await inspectionDetail(q, user, provinceCode, id)
}

/** Before an upload's body is read: the follow-up is one of the carrier's own (404 otherwise). */
export async function mayAddFollowUpPhoto(q: Queryable, user: SessionUser, provinceCode: string, id: number) {
  const f = await q.maybeOne(sql.lockFollowUp(inspectionScope(user)), [provinceCode, ...scopeParams(user), id])
  if (!f) throw notFound('inspection.follow_up_not_found')
}

/** A photo's bytes, for whoever may see its inspection on the asset's page (404 otherwise). */
export async function readInspectionPhoto(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  photoId: number,
): Promise<{ mediaType: string; content: Buffer }> {
  const row = await q.maybeOne<{ inspectionId: number; mediaType: string; content: Buffer }>(sql.SELECT_PHOTO, [
    photoId,
    provinceCode,
  ])
  if (!row) throw notFound('photo.not_found')
  await inspectionDetail(q, user, provinceCode, Number(row.inspectionId), 'history')
  return row
}
