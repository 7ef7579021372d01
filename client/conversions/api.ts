/** Types and calls of the conversion programme API. */
import { ApiError, apiLanguage, http } from '../api/http'

export type Status = 'planned' | 'in_progress' | 'reported' | 'verified' | 'returned'
export const STATUSES: Status[] = ['planned', 'in_progress', 'reported', 'returned', 'verified']
export type Kind = 'lower' | 'camouflage' | 'share'

export interface Phase {
  id: number
  seq: number
  name: string
  deadline: string
  cumulativeTarget: number
}

export interface Programme {
  id: number
  name: string
  decisionNo: string
  decisionDate: string
  legalBasis: string | null
  startsOn: string
  heightToleranceM: number
  version: number
  phases: Phase[]
  itemCount: number
}

export interface Item {
  id: number
  programmeId: number
  phase: { id: number; seq: number; name: string; deadline: string }
  station: {
    id: number
    siteCode: string
    mastClass: string
    mastHeightM: number
    camouflageKind: string | null
    districtCode: string | null
    districtName: string | null
  }
  position: { type: 'Point'; coordinates: [number, number] }
  carrier: { id: number; shortName: string; name: string }
  kind: Kind
  fromClass: string
  fromHeightM: number
  toClass: string
  toHeightM: number
  toDesign: string | null
  hostSiteCode: string | null
  dueDate: string
  status: Status
  statusSince: string
  reportedAt: string | null
  measuredHeightM: number | null
  completedOn: string | null
  reportNote: string | null
  verifiedAt: string | null
  verifiedBy: string | null
  inspectedHeightM: number | null
  returnReasons: string[]
  photoCount: number
  overdue: boolean
  heightToleranceM: number
  version: number
  allowedActions: string[]
}

export interface Photo {
  id: number
  mediaType: string
  byteSize: number
  uploadedBy: string
  uploadedAt: string
}

export interface ItemDetail extends Item {
  photos: Photo[]
  history: { at: string; actorName: string; action: string; status: Status | null; returnReasons: string[] | null }[]
}

export interface Counts {
  items: number
  planned: number
  inProgress: number
  reported: number
  returned: number
  verified: number
  overdue: number
}

export interface PhaseProgress {
  id: number
  seq: number
  name: string
  deadline: string
  target: number
  items: number
  done: number
  goal: number
  percent: number
  remaining: number
  requiredPerMonth: number | null
  forecastDate: string | null
  /** The deadline has passed: `done` is the count verified by it, and there is no forecast. */
  closed: boolean
  /** The day `done` is counted to: the deadline of a closed phase, today otherwise. */
  countedTo: string
  state: 'done' | 'on_track' | 'behind' | 'met' | 'missed'
}

export interface Dashboard {
  programme: { id: number; startsOn: string; heightToleranceM: number }
  asOf: string
  scoped: boolean
  totals: Counts
  phases: PhaseProgress[]
  pace: { windowDays: number; perMonth: number }
  burnup: {
    series: { month: string; done: number }[]
    target: { date: string; value: number }[]
    forecast: { from: string; done: number; to: string | null; value: number } | null
  }
  byDistrict: (Counts & { code: string | null; name: string | null })[]
  byCarrier: (Counts & { shortName: string; name: string })[]
  overdueItems: Item[]
}

/** Item list filters, as the URL carries them. */
export interface Filters {
  programme: number
  phase?: number
  upToPhase?: number
  status?: Status
  carrier?: string
  district?: string
  overdue?: 'true'
  verifiedBy?: string
  q?: string
}

/** The URL of the item list behind a figure. */
export function itemsHref(f: Filters): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') params.set(k, String(v))
  return `/conversions/items?${params.toString()}`
}

/** Reads the filters of the current URL. */
export function filtersFromUrl(search: string, programme: number): Filters {
  const p = new URLSearchParams(search)
  const num = (k: string) => (p.get(k) ? Number(p.get(k)) : undefined)
  return {
    programme: num('programme') ?? programme,
    phase: num('phase'),
    upToPhase: num('upToPhase'),
    status: (p.get('status') as Status | null) ?? undefined,
    carrier: p.get('carrier') ?? undefined,
    district: p.get('district') ?? undefined,
    overdue: p.get('overdue') === 'true' ? 'true' : undefined,
    verifiedBy: p.get('verifiedBy') ?? undefined,
    q: p.get('q') ?? undefined,
  }
}

export const api = {
  programmes: (signal?: AbortSignal) =>
    http.get<{ items: Programme[] }>('/api/conversions/programmes', undefined, signal).then((r) => r.items),
  dashboard: (id: number, query: { carrier?: string; district?: string }, signal?: AbortSignal) =>
    http.get<Dashboard>(`/api/conversions/programmes/${id}/dashboard`, query, signal),
  items: (f: Filters & { limit: number; offset: number }, signal?: AbortSignal) =>
    http.get<{ items: Item[]; total: number }>(
      '/api/conversions/items',
      f as unknown as Record<string, string | number | undefined>,
      signal,
    ),
  layer: (f: Filters, signal?: AbortSignal) =>
    http.get<GeoJSON.FeatureCollection>(
      '/api/conversions/items.geojson',
      f as unknown as Record<string, string | number | undefined>,
      signal,
    ),
  item: (id: number, signal?: AbortSignal) => http.get<ItemDetail>(`/api/conversions/items/${id}`, undefined, signal),
  transition: (id: number, body: Record<string, unknown>) =>
    http.post<Item>(`/api/conversions/items/${id}/transitions`, body),
  statusCsv: (csv: string) => http.post<{ updated: number }>('/api/conversions/items/status-csv', { csv }),
  importList: (
    id: number,
    body: { format: 'csv' | 'geojson'; content: string; toleranceM: number; skip: number[]; dryRun: boolean },
  ) =>
    http.post<{ rows: number; matched: number; imported: number; skipped: number[] }>(
      `/api/conversions/programmes/${id}/import`,
      body,
    ),
  /** Sends a photo file as the raw body; the server decides its type from its bytes. */
  async uploadPhoto(id: number, file: Blob): Promise<Photo> {
    let res: Response
    try {
      res = await fetch(`/api/conversions/items/${id}/photos`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': file.type || 'application/octet-stream',
          Accept: 'application/json',
          'Accept-Language': apiLanguage(),
        },
        body: file,
      })
    } catch (err) {
      throw new ApiError(0, 'Network error', (err as Error).message)
    }
    const data = (await res.json().catch(() => ({}))) as { title?: string; detail?: string }
    if (!res.ok) throw new ApiError(res.status, data.title ?? res.statusText, data.detail ?? '')
    return data as Photo
  },
}
