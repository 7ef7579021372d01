// Sends what the device recorded, once the network is there: each draft's result (POST with its clientId),
// then its photos (POST with X-Client-Id), each replay-safe on the server, so a send cut off halfway is simply
// sent again. Runs one at a time across the tabs of the device (Web Locks).
import { ApiError } from '../api/http'
import { fieldApi, type ResultBody } from './api'
import type { Draft } from './model'
import { isDue, nextRetryAt, step, type Conflict, type QueueEvent } from './queue'
import { deletePhotosOf, getDraft, loadDrafts, photosOf, putDraft, putPhoto } from './store'

export const ASSET_CHANGED = 'inspection.asset_changed'

/** The body a draft sends as its result. */
export function resultBody(d: Draft): ResultBody {
  return {
    clientId: d.clientId,
    assetVersion: d.acceptChanged && d.conflict ? d.conflict.have : d.assetVersion,
    answers: d.answers,
    measured: d.measured,
    ...(d.position ? { position: d.position } : {}),
    ...(d.noAccess ? { verdict: 'no_access' as const } : {}),
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
    recordedAt: d.recordedAt,
    ...(d.acceptChanged ? { acceptChanged: true } : {}),
  }
}

/** The queue event for a failed call: the network (or the server's own failure), a conflict, or a refusal. */
export function eventOfError(err: unknown): QueueEvent {
  if (!(err instanceof ApiError) || err.status === 0 || err.status >= 500 || err.status === 429)
    return { type: 'networkError', message: err instanceof Error ? err.message : String(err) }
  if (err.status === 409 && err.code === ASSET_CHANGED) {
    const params = (err.problem?.params ?? {}) as { have?: number; sent?: number }
    const conflict: Conflict = {
      have: Number(params.have),
      sent: Number(params.sent),
      current: (err.problem?.current ?? {}) as Record<string, unknown>,
    }
    return { type: 'conflict', conflict }
  }
  return { type: 'refused', message: err.detail || err.title }
}

async function move(d: Draft, event: QueueEvent): Promise<Draft> {
  const next: Draft = { ...d, ...step(d, event, Date.now()), updatedAt: Date.now() }
  await putDraft(next)
  return next
}

/** Sends one due draft to the end (result, then photos) or to the failure that stopped it. */
async function sendDraft(start: Draft, changed: () => void): Promise<void> {
  let d = await move(start, { type: 'send' })
  changed()
  try {
    if (!d.result) {
      const result = await fieldApi.sendResult(d.inspectionId, resultBody(d))
      d = { ...d, result, updatedAt: Date.now() }
      await putDraft(d)
      changed()
    }
    // in the order taken (the store keeps them by their random ids)
    const order = (id: string) => d.photoIds.indexOf(id)
    const photos = (await photosOf(d.clientId)).sort((x, y) => order(x.clientId) - order(y.clientId))
    for (const photo of photos) {
      if (photo.serverId !== null) continue
      const sent = await fieldApi.sendPhoto(d.inspectionId, photo.clientId, photo.blob)
      await putPhoto({ ...photo, serverId: sent.id })
    }
    await move(d, { type: 'sent' })
    await deletePhotosOf(d.clientId)
  } catch (err) {
    const fresh = (await getDraft(d.clientId)) ?? d
    await move(fresh, eventOfError(err))
  }
  changed()
}

let running: Promise<number | null> | null = null

/**
 * One sync run over a user's queue: sends every due draft, oldest first, and answers when the next automatic
 * retry is due (ms since the epoch), or null. A run asked for while one runs joins it. Nothing is tried offline.
 */
export function syncNow(userId: number, changed: () => void): Promise<number | null> {
  running ??= (async () => {
    try {
      const run = () => runOnce(userId, changed)
      return navigator.locks ? await navigator.locks.request('telgis-field-sync', run) : await run()
    } finally {
      running = null
    }
  })()
  return running
}

async function runOnce(userId: number, changed: () => void): Promise<number | null> {
  const all = await loadDrafts(userId)
  // holding the lock, no send is in flight: a record left "sending" was cut off by a closed page
  for (const d of all) if (d.state === 'sending') await move(d, { type: 'interrupted' })
  const oldestFirst = (await loadDrafts(userId)).reverse()
  for (const d of oldestFirst) {
    if (!navigator.onLine) break
    if (isDue(d, Date.now())) await sendDraft(d, changed)
  }
  return nextRetryAt(await loadDrafts(userId))
}
