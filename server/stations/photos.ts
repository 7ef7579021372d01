import crypto from 'node:crypto'
import type { Queryable } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { conflict, invalid, notFound, type FieldError, msg } from '../http/problems'
import type { ImageType } from '../http/upload'
import { visibleStation } from './service'
import { COUNT_PHOTOS, INSERT_PHOTO, LOCK_STATION, PHOTOS_OF_STATION, SELECT_PHOTO } from './sql/photos.sql'

/** Photos one station may hold, so one site cannot fill the database. */
export const MAX_PHOTOS_PER_STATION = 20

/** A photo as a field check records it. */
export interface CheckPhoto {
  photoId: number
  name: string | null
  contentType: string
  sizeBytes: number
  takenAt: string | null
  url: string
}

/** Stores a site photo taken while the station waits for its field check, with one audit row. */
export async function addStationPhoto(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  stationId: number,
  photo: { bytes: Buffer; type: ImageType },
  requestId: string | undefined,
): Promise<{ id: number; mediaType: string; byteSize: number; url: string }> {
  // the lock makes check-then-insert atomic: concurrent uploads to one station count one after another
  await tx.maybeOne(LOCK_STATION, [stationId, provinceCode])
  const station = await visibleStation(tx, user, provinceCode, stationId)
  if (station.state !== 'submitted') throw conflict('photo.station_when')
  const { n } = await tx.one<{ n: number }>(COUNT_PHOTOS, [stationId])
  if (n >= MAX_PHOTOS_PER_STATION) throw conflict(msg('photo.station_full', { n: MAX_PHOTOS_PER_STATION }))
  const sha256 = crypto.createHash('sha256').update(photo.bytes).digest('hex')
  const row = await tx.one<{ id: number; mediaType: string; byteSize: number }>(INSERT_PHOTO, [
    stationId,
    photo.type,
    photo.bytes.length,
    sha256,
    photo.bytes,
    user.id,
  ])
  await audit(
    tx,
    user,
    {
      action: 'station.photo_add',
      entity: 'station',
      entityId: stationId,
      after: { photoId: row.id, mediaType: photo.type, byteSize: photo.bytes.length, sha256 },
    },
    requestId,
  )
  return { ...row, url: `/api/stations/photos/${row.id}` }
}

/** A photo's bytes, only for users who may see its station (404 otherwise). */
export async function readStationPhoto(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  photoId: number,
): Promise<{ mediaType: string; content: Buffer }> {
  const row = await q.maybeOne<{ stationId: number; mediaType: string; content: Buffer }>(SELECT_PHOTO, [photoId])
  if (!row) throw notFound('photo.not_found')
  await visibleStation(q, user, provinceCode, row.stationId)
  return row
}

/** The photos a field check names: each must have been uploaded for this station; answers what is recorded. */
export async function photosForCheck(
  q: Queryable,
  stationId: number,
  photos: { photoId: number; name?: string; takenAt?: string }[],
): Promise<CheckPhoto[]> {
  if (photos.length === 0) return []
  const rows = await q.many<{ id: number; mediaType: string; byteSize: number }>(PHOTOS_OF_STATION, [
    stationId,
    photos.map((p) => p.photoId),
  ])
  const byId = new Map(rows.map((r) => [Number(r.id), r]))
  const errors: FieldError[] = []
  const recorded = photos.map((p, i) => {
    const row = byId.get(p.photoId)
    if (!row)
      errors.push({
        path: `body.photos.${i}.photoId`,
        message: `Photo ${p.photoId} was not uploaded for this station.`,
      })
    return {
      photoId: p.photoId,
      name: p.name ?? null,
      contentType: row?.mediaType ?? '',
      sizeBytes: row?.byteSize ?? 0,
      takenAt: p.takenAt ?? null,
      url: `/api/stations/photos/${p.photoId}`,
    }
  })
  if (errors.length > 0) throw invalid('photo.unknown_in_check', errors)
  return recorded
}
