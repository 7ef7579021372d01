// The device's copy of the field work in IndexedDB (through `idb`): assignments and checklists as last loaded,
// drafts and their photos (Blobs, the original bytes). It survives a reload and a night without network.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { Assignment, Checklist, Draft, StoredPhoto } from './model'

const DB_NAME = 'telgis-field'
const DB_VERSION = 1

interface FieldDb extends DBSchema {
  /** The assignments of a user, as one list per user (the last successful load). */
  assignments: { key: number; value: { userId: number; loadedAt: string; items: Assignment[] } }
  checklists: { key: string; value: Checklist }
  drafts: { key: string; value: Draft; indexes: { byUser: number; byInspection: number } }
  photos: { key: string; value: StoredPhoto; indexes: { byDraft: string } }
}

let opening: Promise<IDBPDatabase<FieldDb>> | null = null

function db(): Promise<IDBPDatabase<FieldDb>> {
  opening ??= openDB<FieldDb>(DB_NAME, DB_VERSION, {
    upgrade(d) {
      d.createObjectStore('assignments')
      d.createObjectStore('checklists', { keyPath: 'assetKind' })
      const drafts = d.createObjectStore('drafts', { keyPath: 'clientId' })
      drafts.createIndex('byUser', 'userId')
      drafts.createIndex('byInspection', 'inspectionId')
      const photos = d.createObjectStore('photos', { keyPath: 'clientId' })
      photos.createIndex('byDraft', 'draftId')
    },
  })
  return opening
}

export async function saveAssignments(userId: number, items: Assignment[]): Promise<void> {
  await (await db()).put('assignments', { userId, loadedAt: new Date().toISOString(), items }, userId)
}

export async function loadAssignments(userId: number): Promise<{ loadedAt: string; items: Assignment[] } | null> {
  return (await (await db()).get('assignments', userId)) ?? null
}

export async function saveChecklists(lists: Checklist[]): Promise<void> {
  const tx = (await db()).transaction('checklists', 'readwrite')
  await Promise.all([...lists.map((l) => tx.store.put(l)), tx.done])
}

export async function loadChecklists(): Promise<Checklist[]> {
  return (await db()).getAll('checklists')
}

/** A user's drafts, newest first. */
export async function loadDrafts(userId: number): Promise<Draft[]> {
  const list = await (await db()).getAllFromIndex('drafts', 'byUser', userId)
  return list.sort((a, b) => b.updatedAt - a.updatedAt)
}

export async function getDraft(clientId: string): Promise<Draft | null> {
  return (await (await db()).get('drafts', clientId)) ?? null
}

export async function putDraft(draft: Draft): Promise<void> {
  await (await db()).put('drafts', draft)
}

/** Saves a draft with its new photos in one transaction. */
export async function saveDraftWithPhotos(draft: Draft, photos: StoredPhoto[]): Promise<void> {
  const tx = (await db()).transaction(['drafts', 'photos'], 'readwrite')
  await Promise.all([tx.objectStore('drafts').put(draft), ...photos.map((p) => tx.objectStore('photos').put(p))])
  await tx.done
}

/** Removes a draft and its photos. */
export async function deleteDraft(clientId: string): Promise<void> {
  const tx = (await db()).transaction(['drafts', 'photos'], 'readwrite')
  const photos = tx.objectStore('photos')
  const keys = await photos.index('byDraft').getAllKeys(clientId)
  await Promise.all([tx.objectStore('drafts').delete(clientId), ...keys.map((k) => photos.delete(k)), tx.done])
}

export async function photosOf(draftId: string): Promise<StoredPhoto[]> {
  return (await db()).getAllFromIndex('photos', 'byDraft', draftId)
}

/** Drops a sent draft's photo bytes (the server has them); the draft keeps their count. */
export async function deletePhotosOf(draftId: string): Promise<void> {
  const tx = (await db()).transaction('photos', 'readwrite')
  const keys = await tx.store.index('byDraft').getAllKeys(draftId)
  await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done])
}

export async function putPhoto(photo: StoredPhoto): Promise<void> {
  await (await db()).put('photos', photo)
}

/** Forgets what a signed-out user loaded (assignments, checklists); drafts not yet sent stay for their owner. */
export async function forgetLoaded(): Promise<void> {
  const d = await db()
  await Promise.all([d.clear('assignments'), d.clear('checklists')])
}
