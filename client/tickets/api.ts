/** Types and calls of the citizen reports (1022 tickets) API. */
import { http } from '../api/http'

export const CATEGORIES = [
  'cable_sagging',
  'pole_unsafe',
  'bts_construction',
  'emf_concern',
  'cable_unlicensed',
] as const
export type Category = (typeof CATEGORIES)[number]
export const STATUSES = ['received', 'assigned', 'in_progress', 'resolved', 'rejected'] as const
export type Status = (typeof STATUSES)[number]
export type Action = 'assign' | 'respond' | 'resolve' | 'reject' | 'reopen'
export type AssetKind = 'station' | 'pole' | 'cable_route'

/** What the public form and the office's intake send. */
export interface ReportInput {
  category: Category
  description: string
  position: { lon: number; lat: number }
  placeNote?: string
  contact?: { name?: string; phone?: string }
}

/** The answer to a report: the number and code to look it up with. */
export interface Receipt {
  id: number
  number: string
  checkCode: string
  status: Status
  category: Category
  districtName: string | null
  createdAt: string
  dueAt: string
}

/** A ticket as the public lookup shows it: no personal data, no exact place. */
export interface PublicTicket {
  number: string
  channel: 'web' | 'phone'
  category: Category
  status: Status
  districtName: string | null
  createdAt: string
  assignedAt: string | null
  dueAt: string
  resolvedAt: string | null
  resolutionNote: string | null
  updatedAt: string
  overdue: boolean
  events: { status: Status; at: string; note: string | null }[]
  photos: { id: number; purpose: 'report' | 'resolution'; createdAt: string; url: string }[]
}

export interface Ticket {
  id: number
  number: string
  channel: 'web' | 'phone'
  category: Category
  description: string
  placeNote: string | null
  lon: number
  lat: number
  districtCode: string | null
  districtName: string | null
  status: Status
  assetKind: AssetKind | null
  assetId: number | null
  assetLabel: string | null
  carrierId: number | null
  carrierName: string | null
  inspectorId: number | null
  inspectorName: string | null
  inspectionId: number | null
  /** The field inspection made for the report: its state, and its verdict once recorded. */
  inspectionState: 'assigned' | 'recorded' | 'cancelled' | null
  inspectionVerdict: 'compliant' | 'violation' | 'no_access' | null
  inspectionRecordedAt: string | null
  slaHours: number
  dueAt: string
  overdue: boolean
  carrierResponse: string | null
  respondedAt: string | null
  resolutionNote: string | null
  resolvedAt: string | null
  createdAt: string
  updatedAt: string
  version: number
  allowedActions: Action[]
  /** The office's answer only. */
  reporterName?: string | null
  reporterPhone?: string | null
  checkCode?: string
  createdByName?: string | null
}

export interface TicketDetail extends Ticket {
  assets: {
    rank: number
    assetKind: AssetKind
    assetId: number
    label: string
    carrierId: number | null
    carrierName: string | null
    distanceM: number
  }[]
  photos: {
    id: number
    purpose: 'report' | 'resolution'
    mediaType: string
    byteSize: number
    takenAt: string | null
    lon: number | null
    lat: number | null
    createdAt: string
    url: string
  }[]
  events: {
    id: number
    action: string
    fromStatus: Status | null
    toStatus: Status
    note: string | null
    public: boolean
    at: string
    actorName: string | null
    actorRole: string | null
  }[]
}

export interface Filters {
  status?: Status
  category?: Category
  district?: string
  carrier?: number
  overdue?: 'true' | 'false'
  number?: string
}

export interface Page {
  items: Ticket[]
  total: number
  offset: number
  limit: number
}

export type TransitionInput =
  | { action: 'assign'; version: number; carrierId?: number | null; inspectorId?: number | null; note?: string }
  | { action: 'respond'; version: number; response: string }
  | { action: 'resolve'; version: number; note: string }
  | { action: 'reject'; version: number; note: string }
  | { action: 'reopen'; version: number; note?: string }

export interface SlaRow {
  category: Category
  hours: number
  own: boolean
}

/** Where a lookup's answer is, to share or come back to (the code is the reporter's key: kept in the URL). */
export const lookupHref = (number: string, code: string) =>
  `/public/report/status?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`

export const ticketsApi = {
  report: (input: ReportInput) => http.post<Receipt>('/api/public/tickets', input),
  publicPhoto: (number: string, code: string, file: Blob) =>
    http.upload<{ id: number; url: string }>(
      `/api/public/tickets/${encodeURIComponent(number)}/photos?code=${encodeURIComponent(code)}`,
      file,
    ),
  lookup: (number: string, code: string, signal?: AbortSignal) =>
    http.get<PublicTicket>(`/api/public/tickets/${encodeURIComponent(number)}`, { code }, signal),
  intake: (input: ReportInput) => http.post<Receipt>('/api/tickets', input),
  list: (query: Filters & { limit: number; offset: number }, signal?: AbortSignal) =>
    http.get<Page>('/api/tickets', { ...query }, signal),
  detail: (id: number, signal?: AbortSignal) => http.get<TicketDetail>(`/api/tickets/${id}`, undefined, signal),
  transition: (id: number, input: TransitionInput) => http.post<TicketDetail>(`/api/tickets/${id}/transitions`, input),
  photo: (id: number, purpose: 'report' | 'resolution', file: Blob) =>
    http.upload<{ id: number; url: string }>(`/api/tickets/${id}/photos?purpose=${purpose}`, file),
  sla: (signal?: AbortSignal) => http.get<{ items: SlaRow[] }>('/api/tickets/sla', undefined, signal),
  setSla: (category: Category, hours: number) =>
    http.put<{ items: SlaRow[] }>(`/api/tickets/sla/${category}`, { hours }),
}

/** The list's filters from a URL's query, so a link reproduces a list. */
export function filtersFromUrl(search: string): Filters {
  const p = new URLSearchParams(search)
  const pick = <T extends string>(key: string, allowed: readonly T[]) => {
    const v = p.get(key)
    return v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined
  }
  const carrier = Number(p.get('carrier'))
  return {
    status: pick('status', STATUSES),
    category: pick('category', CATEGORIES),
    district: p.get('district') || undefined,
    carrier: Number.isInteger(carrier) && carrier > 0 ? carrier : undefined,
    overdue: pick('overdue', ['true', 'false'] as const),
    number: p.get('number') || undefined,
  }
}

/** The list's URL for filters. */
export function ticketsHref(f: Filters): string {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.set(k, String(v))
  const qs = p.toString()
  return qs ? `/tickets?${qs}` : '/tickets'
}
