/** The planning API calls: rule values, planning zones and temporary stations overdue for removal. */
import { http } from '../api/http'

export interface Zone {
  id: number
  name: string
  kind: string
  allowedClasses: string[]
  maxHeightM: number | null
}

export interface SpacingRule {
  mastClass: 'A2a' | 'A2b'
  areaKind: 'urban' | 'rural'
  minHeightM: number
  maxHeightM: number | null
  minDistanceM: number
}

export interface RuleValues {
  a1MaxRatio: number
  a1MaxHeightM: number
  a1MaxReachM: number
  shareDistanceUrbanM: number
  shareDistanceRuralM: number
  duplicateDistanceM: number
  defaultAreaKind: 'urban' | 'rural'
  spacing: SpacingRule[]
  districtAreaKinds: { districtCode: string; areaKind: 'urban' | 'rural' }[]
}

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
  importZones: (body: { replace: boolean; featureCollection: unknown }) => http.post('/api/zones/import', body),
  rules: (signal?: AbortSignal) => http.get<RuleValues>('/api/station-rules', undefined, signal),
  saveRules: (values: RuleValues) => http.put('/api/station-rules', values),
}
