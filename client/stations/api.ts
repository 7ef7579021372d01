import type { InPlan } from '../plans/InPlanTag'
/** The stations API calls the pages make. */
import { http } from '../api/http'
import type { Page } from '../api/types'
import type {
  Action,
  PermitAnswer,
  Position,
  RuleResult,
  Station,
  StationContext,
  StationDetail,
  StationInput,
} from './types'

export interface StationQuery {
  operator?: string
  mastClass?: string
  state?: string
  district?: string
  temporary?: 'true' | 'false'
  q?: string
  offset?: number
  limit?: number
  sort?: 'id' | '-id' | 'siteCode' | '-updatedAt'
}

export interface QueueQuery {
  state?: string
  carrier?: string
  district?: string
  offset: number
  limit: number
}

/** A value of a queue filter, with how many applications choosing it would show. */
export interface Facet {
  value: string
  label: string
  n: number
}

export type QueuePage = Page<Station> & { facets: { state: Facet[]; carrier: Facet[]; district: Facet[] } }

/** The body of a workflow step: the action, the version read, and the action's own fields. */
export type TransitionBody = { action: Action; version: number } & Record<string, unknown>

export const stationsApi = {
  list: (query: StationQuery, signal?: AbortSignal) => http.get<Page<Station>>('/api/stations', { ...query }, signal),
  get: (id: number, signal?: AbortSignal) => http.get<StationDetail>(`/api/stations/${id}`, undefined, signal),
  context: (id: number, signal?: AbortSignal) =>
    http.get<StationContext>(`/api/stations/${id}/context`, undefined, signal),
  queue: (query: QueueQuery, signal?: AbortSignal) => http.get<QueuePage>('/api/stations/queue', { ...query }, signal),
  applications: (query: { group: string; offset: number; limit: number }, signal?: AbortSignal) =>
    http.get<Page<Station> & { counts: Record<string, number> }>('/api/stations/applications', { ...query }, signal),
  check: (input: StationInput) =>
    http.post<{ districtCode: string | null; results: RuleResult[]; inPlan: InPlan | null }>(
      '/api/stations/check',
      input,
    ),
  create: (input: StationInput) => http.post<Station>('/api/stations', input),
  update: (id: number, version: number, input: Partial<StationInput>) =>
    http.patch<Station>(`/api/stations/${id}`, { ...input, version }),
  transition: (id: number, body: TransitionBody) => http.post<Station>(`/api/stations/${id}/transitions`, body),
  uploadPhoto: (id: number, file: File) => http.upload<{ id: number }>(`/api/stations/${id}/photos`, file),
  importCsv: (csv: string) => http.post<{ created: number; items: Station[] }>('/api/stations/import', { csv }),
  permitCheck: (body: {
    position: Position
    mastClass: string
    mastHeightM: number
    onBuilding: boolean
    buildingHeightM: number | null
  }) => http.post<PermitAnswer>('/api/public/permit-check', body),
}
