/** Calls and shapes of the inspections API (server/inspections; see /api/openapi.json). */
import { http } from '../api/http'

export const ASSET_KINDS = ['station', 'pole', 'cable_route', 'duct'] as const
export type AssetKind = (typeof ASSET_KINDS)[number]
export const PURPOSES = ['routine', 'post_construction', 'campaign', 'citizen_report', 'follow_up'] as const
export type Purpose = (typeof PURPOSES)[number]
export type Verdict = 'compliant' | 'violation' | 'no_access'
export type InspectionState = 'assigned' | 'recorded' | 'cancelled'
export type FollowUpState = 'open' | 'answered' | 'closed'

export interface Violation {
  rule: string
  params: Record<string, unknown>
}

export interface InspectionPhoto {
  id: number
  source: 'inspector' | 'carrier'
  mediaType: string
  takenAt: string | null
  lon: number | null
  lat: number | null
  url: string
}

export interface FollowUpBrief {
  id: number
  dueOn: string
  state: FollowUpState
  overdue: boolean
  answer: string | null
  answeredAt: string | null
  answerPhotoId: number | null
  recheckInspectionId: number | null
  closedAt: string | null
  version: number
}

export interface Inspection {
  id: number
  assetKind: AssetKind
  assetId: number
  assetVersion: number
  asset: {
    label: string
    lon: number
    lat: number
    version: number
    carrierId: number | null
    carrierName: string | null
    approved: Record<string, unknown>
  } | null
  purpose: Purpose
  campaignId: number | null
  /** The campaign's name, for a campaign's inspection. */
  campaignName: string | null
  inspectorId: number | null
  inspectorName: string | null
  dueOn: string | null
  state: InspectionState
  verdict: Verdict | null
  violations: Violation[]
  measured: Record<string, unknown>
  positionOffsetM: number | null
  note: string | null
  followUpDue: string | null
  recordedAt: string | null
  photos: InspectionPhoto[]
  followUp: FollowUpBrief | null
  version: number
}

export interface FollowUp extends FollowUpBrief {
  inspectionId: number
  carrierName: string | null
  assetKind: AssetKind
  assetId: number
  violations: Violation[]
  recordedAt: string | null
  inspectorName: string | null
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  limit: number
  offset: number
}

export interface Inspector {
  id: number
  displayName: string
  username: string
  open: number
}

/** A uuid made on this device (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function deviceId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export const inspectionsApi = {
  list: (
    query: {
      mine?: 1
      state?: InspectionState
      assetKind?: AssetKind
      assetId?: number
      page?: number
      limit?: number
    },
    signal?: AbortSignal,
  ) => http.get<Page<Inspection>>('/api/inspections', query, signal),
  get: (id: number, signal?: AbortSignal) => http.get<Inspection>(`/api/inspections/${id}`, undefined, signal),
  ofAsset: (kind: AssetKind, id: number, signal?: AbortSignal) =>
    http.get<{ items: Inspection[] }>(`/api/assets/${kind}/${id}/inspections`, undefined, signal),
  create: (body: {
    assetKind: AssetKind
    assetId: number
    inspectorId?: number | null
    dueOn?: string | null
    purpose: Purpose
  }) => http.post<Inspection>('/api/inspections', body),
  assign: (id: number, body: { version: number; inspectorId: number; dueOn?: string | null }) =>
    http.patch<Inspection>(`/api/inspections/${id}`, body),
  inspectors: (signal?: AbortSignal) =>
    http.get<{ items: Inspector[] }>('/api/inspections/inspectors', undefined, signal),
  followUps: (query: { overdue?: 1; state?: FollowUpState; page?: number; limit?: number }, signal?: AbortSignal) =>
    http.get<Page<FollowUp>>('/api/inspections/follow-ups', query, signal),
  /** The carrier's photo of its answer, sent with a device id (a replay answers the same photo). */
  answerPhoto: (followUpId: number, file: Blob, clientId = deviceId()) =>
    http.upload<InspectionPhoto>(`/api/inspections/follow-ups/${followUpId}/photos`, file, { 'X-Client-Id': clientId }),
  answer: (followUpId: number, body: { version: number; text: string; photoId?: number }) =>
    http.post<FollowUp>(`/api/inspections/follow-ups/${followUpId}/answer`, body),
}
