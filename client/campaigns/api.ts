/** Types and calls of the inspection campaigns API (server/campaigns/). */
import type { Polygon, MultiPolygon } from 'geojson'
import { http } from '../api/http'

export type AssetKind = 'station' | 'pole' | 'cable_route'
export const ASSET_KINDS: AssetKind[] = ['station', 'pole', 'cable_route']
export const MAST_CLASSES = ['A1', 'A1c', 'A2a', 'A2b'] as const
export const STATION_STATES = ['approved', 'built', 'in_service'] as const
export const ROUTE_STATUSES = ['planned', 'under_construction', 'completed', 'accepted'] as const
export const ROUTE_KINDS = ['underground', 'tidying', 'relocation', 'unlicensed'] as const

/** Which assets: every condition given must hold. */
export interface Selection {
  districtCodes?: string[]
  area?: Polygon | MultiPolygon
  carrierIds?: number[]
  states?: string[]
  mastClasses?: string[]
  minHeightM?: number
  maxHeightM?: number
  routeKinds?: string[]
}

export interface Campaign {
  id: number
  name: string
  description: string | null
  assetKind: AssetKind
  startsOn: string
  endsOn: string
  selection: { [K in keyof Selection]-?: Selection[K] | null }
  state: 'draft' | 'generated'
  inspectorIds: number[] | null
  dueOn: string | null
  generatedAt: string | null
  inspectionCount: number | null
  version: number
  createdAt: string
  createdBy: string | null
  progress: { total: number; done: number; remaining: number }
  /** An inspector's own share (in lists). */
  mine?: { total: number; remaining: number } | null
}

export interface Preview {
  count: number
  byDistrict: { code: string | null; name: string | null; count: number }[]
  sample: { id: number; label: string; districtCode: string | null; carrier: string | null; lon: number; lat: number }[]
  points: [number, number][]
}

export interface Counts {
  total: number
  done: number
  compliant: number
  violations: number
  noAccess: number
  overdue: number
  remaining: number
}

export interface Dashboard {
  asOf: string
  campaign: { id: number; name: string; state: string; endsOn: string }
  totals: Counts
  byDistrict: (Counts & { code: string | null; name: string | null })[]
  byInspector: (Counts & { id: number | null; name: string | null })[]
}

export interface Inspector {
  id: number
  username: string
  displayName: string
}

export interface NewCampaign {
  name: string
  description?: string
  startsOn: string
  endsOn: string
  assetKind: AssetKind
  selection: Selection
}

export const api = {
  list: (signal?: AbortSignal) =>
    http.get<{ items: Campaign[] }>('/api/campaigns', undefined, signal).then((r) => r.items),
  get: (id: number, signal?: AbortSignal) => http.get<Campaign>(`/api/campaigns/${id}`, undefined, signal),
  inspectors: (signal?: AbortSignal) =>
    http.get<{ items: Inspector[] }>('/api/campaigns/inspectors', undefined, signal).then((r) => r.items),
  preview: (body: { assetKind: AssetKind; selection: Selection }) => http.post<Preview>('/api/campaigns/preview', body),
  create: (body: NewCampaign) => http.post<Campaign>('/api/campaigns', body),
  generate: (id: number, body: { inspectorIds: number[]; dueOn?: string }) =>
    http.post<Campaign>(`/api/campaigns/${id}/generate`, body),
  dashboard: (id: number, signal?: AbortSignal) =>
    http.get<Dashboard>(`/api/campaigns/${id}/dashboard`, undefined, signal),
}
