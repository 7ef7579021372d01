// The field mode's records: what the API gives (assignments, checklists) and what the device keeps (drafts,
// photos), as stored in IndexedDB (store.ts).
import type { LonLat } from './geo'
import type { QueueEntry } from './queue'

export type AssetKind = 'station' | 'pole' | 'cable_route' | 'duct'

/** The asset as the API describes it in an assignment (and as `current` in a conflict). */
export interface AssetSnapshot {
  label: string
  lon: number
  lat: number
  carrierName?: string | null
  approved?: Record<string, unknown> | null
  [field: string]: unknown
}

/** An item of GET /api/inspections?mine=1&state=assigned. */
export interface Assignment {
  id: number
  assetKind: AssetKind
  assetId: number
  assetVersion: number
  asset: AssetSnapshot
  dueOn: string
  purpose: string
  state: string
  verdict: string | null
  version: number
}

export type ChecklistItemKind = 'boolean' | 'number' | 'text' | 'choice'

export interface ChecklistItem {
  key: string
  labelVi: string
  labelEn: string
  kind: ChecklistItemKind
  unit?: string | null
  choices?: string[] | null
  required?: boolean | null
}

export interface Checklist {
  assetKind: AssetKind
  items: ChecklistItem[]
  version?: number
}

export type Answer = boolean | number | string | null

/** The measured values the server compares with the approved record. */
export interface Measured {
  heightM?: number
  mastClass?: string
  platesSeen?: string[]
  sagCm?: number
  labelPresent?: boolean
}

/** The server's answer to a result: the inspection with its computed verdict. */
export interface RecordedResult {
  id: number
  verdict: string | null
  violations: unknown[]
}

/** An inspection recorded on the device, waiting in (or through) the sync queue. */
export interface Draft extends QueueEntry {
  /** A uuid made on the device: the result's clientId, the key of exactly-once sync. */
  clientId: string
  userId: number
  inspectionId: number
  assetKind: AssetKind
  /** The asset as the inspector saw it (the assignment's), for the conflict view. */
  seen: AssetSnapshot
  assetVersion: number
  answers: Record<string, Answer>
  measured: Measured
  position: { lon: number; lat: number } | null
  noAccess: boolean
  note: string
  /** The device's time of the record (ISO). */
  recordedAt: string
  photoIds: string[]
  /** The server's inspection once the result went through (photos may still be on their way). */
  result: RecordedResult | null
  updatedAt: number
}

/** A photo taken for a draft: the original file's bytes, sent as they are (EXIF kept). */
export interface StoredPhoto {
  /** A uuid made on the device: the upload's X-Client-Id. */
  clientId: string
  draftId: string
  blob: Blob
  name: string
  /** The server's photo id once uploaded. */
  serverId: number | null
}

export const assetAt = (a: Assignment): LonLat => [a.asset.lon, a.asset.lat]
