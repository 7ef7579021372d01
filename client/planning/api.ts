/** The planning API calls: rule values, planning zones and temporary stations overdue for removal. */
import { http } from '../api/http'
import type { Paths } from '../api/types.gen'
import type { Area } from '../map/usePolygonDraw'

export interface Zone {
  id: number
  name: string
  kind: string
  allowedClasses: string[]
  maxHeightM: number | null
  geometry: Area
  version: number
}

/** What an officer sends to add or replace a zone. */
export type ZoneInput = Paths['/api/zones']['post']['body']

/** The province's rule values as GET /api/station-rules answers them (generated from the server's schema). */
export type RuleValues = Paths['/api/station-rules']['get']['response']

export interface Overdue {
  id: number
  siteCode: string
  operator: { name: string }
  eventName: string | null
  validTo: string
  daysOverdue: number
}

/** A list the server sends bare or wrapped in `{ items }`. */
type List<T> = T[] | { items: T[] }
const items = <T>(d: List<T>): T[] => (Array.isArray(d) ? d : d.items)

export const planningApi = {
  overdue: (signal?: AbortSignal) =>
    http.get<List<Overdue>>('/api/stations/overdue-removals', undefined, signal).then(items),
  zones: (signal?: AbortSignal) => http.get<List<Zone>>('/api/zones', undefined, signal).then(items),
  createZone: (body: ZoneInput) => http.post<Zone>('/api/zones', body),
  replaceZone: (id: number, body: ZoneInput & { version: number }) => http.put<Zone>(`/api/zones/${id}`, body),
  importZones: (body: { replace: boolean; featureCollection: unknown }) => http.post('/api/zones/import', body),
  rules: (signal?: AbortSignal) => http.get<RuleValues>('/api/station-rules', undefined, signal),
  saveRules: (values: Paths['/api/station-rules']['put']['body']) => http.put('/api/station-rules', values),
}
