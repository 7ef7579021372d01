/** The cable-ledger API calls the pages make (server/cables/routes.ts). */
import type { LineString, MultiLineString } from 'geojson'
import { ApiError, apiLanguage, http, type FieldError } from '../api/http'
import type { Paths } from '../api/types.gen'
import type { Kind, Status } from './model'

export type RouteGeometry = LineString | MultiLineString

/** A route as the list answers it (generated from the server's schema, with what the user may do with it). */
export type CableRoute = Paths['/api/cables/routes']['get']['response']['items'][number]

/** One route with its geometry, its length in each district (null: outside every district) and its poles. */
export type CableRouteDetail = Paths['/api/cables/routes/{id}']['get']['response']

export interface RouteFilters {
  kind?: Kind
  status?: Status
  carrier?: string
  district?: string
  q?: string
}

export interface RouteInput {
  name: string
  street?: string | null
  kind: Kind
  carriers: string[]
  plannedOn?: string | null
  geometry: RouteGeometry
  poleIds: number[]
  polesWithinM?: number | null
}

export type Period =
  | { period: 'quarter'; year: number; quarter: number }
  | { period: 'year'; year: number }
  | { period: 'cumulative'; until?: string }
export type GroupBy = 'none' | 'district' | 'carrier'

export interface SummaryRow {
  group: string | null
  /** The district's or carrier's name (null for the province-wide rows). */
  groupName: string | null
  kind: Kind
  completedRoutes: number
  completedM: number
  buildingRoutes: number
  buildingM: number
  completedPoles: number
  /** Of the completed routes, those whose latest field inspection is compliant, and their length. */
  verifiedRoutes: number
  verifiedM: number
}

export interface Summary {
  period: { from: string | null; to: string; label: [string, string] }
  groupBy: GroupBy
  totals: {
    undergroundRoutes: number
    undergroundM: number
    undergroundBuilding: number
    tidyingRoutes: number
    tidyingM: number
    tidyingPoles: number
    undergroundVerified: number
    undergroundVerifiedM: number
    tidyingVerified: number
    tidyingVerifiedM: number
  }
  sentence: { vi: string; en: string }
  rows: SummaryRow[]
  /**
   * Which columns add up over the groups of one kind (a shared route counts for each carrier, a route in each district
   * it crosses).
   */
  additive: { routes: boolean; lengths: boolean; poles: boolean }
  /** Per kind, every route and pole counted once: the total beside a table that does not add up. */
  distinctTotal: SummaryRow[]
}

/** The summary page in one answer: the summary asked and the cumulative totals at each year end. */
export interface SummaryPageData {
  summary: Summary
  trend: { label: string; until: string; totals: Summary['totals'] }[]
}

export interface DuctRow {
  routeId: number
  name: string
  lengthM: number
  ducts: number
  tubesPerDuct: number
  tubes: number
  priceVndPerMMonth: number
  allocatedTubes: number
  occupancy: number
  /** `carrier` is the short name the API takes; `carrierName` the name people read. */
  allocations: { carrier: string; carrierName: string; tubes: number; fromDate: string; monthlyRentVnd: number }[]
}

/** An invitation to take part in a route another carrier named this carrier on (server/cables/participation.ts). */
export interface Invitation {
  routeId: number
  carrier: string
  name: string
  street: string | null
  kind: Kind
  status: Status
  lengthM: number
  carriers: string[]
  invitedBy: string | null
  invitedAt: string
}

export interface ImportResult {
  imported: number
  ids: number[]
  notRoutes: FeatureReport[]
}

/** A feature the import refused or skipped, and why. */
export interface FeatureReport {
  index: number
  label: string
  reasons: string[]
}

/** A refused import: nothing was stored; each rejected feature with its reasons. */
export class ImportRefused extends Error {
  constructor(
    readonly detail: string,
    readonly rejected: FeatureReport[],
    readonly notRoutes: FeatureReport[],
    readonly errors: FieldError[],
  ) {
    super(detail)
  }
}

/**
 * The import is sent here rather than through the shared client (api/http.ts), which keeps only
 * `errors` of a problem: its 422 carries the per-feature report.
 */
async function postImport<T>(path: string, body: unknown): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': apiLanguage(), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
  } catch (err) {
    throw new ApiError(0, 'Network error', (err as Error).message)
  }
  if (res.status === 204) return undefined as T
  const data = (await res.json().catch(() => null)) as
    | (Record<string, unknown> & { title?: string; detail?: string; errors?: FieldError[] })
    | null
  if (res.ok) return data as T
  const errors = Array.isArray(data?.errors) ? data.errors : []
  if (res.status === 422 && data && Array.isArray(data.rejected)) {
    throw new ImportRefused(
      data.detail ?? '',
      data.rejected as FeatureReport[],
      (data.notRoutes as FeatureReport[] | undefined) ?? [],
      errors,
    )
  }
  throw new ApiError(res.status, data?.title ?? res.statusText, data?.detail ?? '', errors)
}

const periodQuery = (p: Period): Record<string, string | number | undefined> => ({ ...p })

export const cablesApi = {
  list: (filters: RouteFilters, afterId: number, limit: number, signal?: AbortSignal) =>
    http.get<{ items: CableRoute[]; nextAfterId: number | null }>(
      '/api/cables/routes',
      { ...filters, afterId, limit },
      signal,
    ),
  get: (id: number, signal?: AbortSignal) => http.get<CableRouteDetail>(`/api/cables/routes/${id}`, undefined, signal),
  create: (input: RouteInput) => http.post<CableRouteDetail>('/api/cables/routes', input),
  update: (id: number, version: number, input: RouteInput) =>
    http.put<CableRouteDetail>(`/api/cables/routes/${id}`, { ...input, version }),
  setStatus: (id: number, version: number, status: Status, date?: string) =>
    http.post<CableRouteDetail>(`/api/cables/routes/${id}/status`, { version, status, date }),
  remove: (id: number, version: number) => http.del<void>(`/api/cables/routes/${id}`, { version }),
  importFile: (format: 'geojson' | 'kml' | 'csv', content: string, kind: Kind, carriers: string[]) =>
    postImport<ImportResult>('/api/cables/routes/import', { format, content, kind, carriers }),
  summary: (period: Period, groupBy: GroupBy, signal?: AbortSignal) =>
    http.get<Summary>('/api/cables/summary', { ...periodQuery(period), groupBy }, signal),
  summaryPage: (period: Period, groupBy: GroupBy, signal?: AbortSignal) =>
    http.get<SummaryPageData>('/api/cables/summary/page', { ...periodQuery(period), groupBy }, signal),
  invitations: (signal?: AbortSignal) =>
    http.get<{ items: Invitation[] }>('/api/cables/invitations', undefined, signal),
  answer: (id: number, action: 'accept' | 'decline' | 'leave') =>
    http.post<CableRouteDetail | undefined>(`/api/cables/routes/${id}/participation`, { action }),
  ducts: (signal?: AbortSignal) => http.get<{ items: DuctRow[] }>('/api/cables/ducts', undefined, signal),
  history: (id: number, signal?: AbortSignal) =>
    http.get<{ items: AuditEntry[] }>('/api/audit', { entity: 'cable_route', entityId: String(id), limit: 50 }, signal),
}

/** One audit row of a route: who did what, when. */
export interface AuditEntry {
  id: number
  at: string
  actorName: string
  action: string
  after: { status?: Status; version?: number } | null
}

/** The address of a summary download with the same period and grouping as the page. */
export function summaryDownloadUrl(format: 'csv' | 'xlsx', period: Period, groupBy: GroupBy): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries({ ...periodQuery(period), groupBy }))
    if (v !== undefined) params.set(k, String(v))
  return `/api/cables/summary.${format}?${params.toString()}`
}
