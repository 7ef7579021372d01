/** Shapes the API answers with (see /api/openapi.json). */
import type { Paths } from './types.gen'
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'

export type Role = 'admin' | 'officer' | 'inspector' | 'carrier'

export interface User {
  id: number
  username: string
  displayName: string
  role: Role
  carrierId: number | null
  carrierName: string | null
  isDemo?: boolean
  active?: boolean
}

export interface Health {
  status: string
  database: { mode: string; postgres: string; postgis: string }
  migrations: { level: number }
  capabilities: { asMvt: boolean }
  province: string
  demo: string[]
  /** Demo accounts with the published password can sign in. */
  demoAccounts: boolean
}

/** GET /api/basemap: what the map may draw under the app's layers, and what an admin should fix. */
export type BasemapSettings = Paths['/api/basemap']['get']['response']

export interface AdminUnitProps {
  code: string
  name: string
  level: 'district' | 'province'
  provinceCode: string
  validFrom: string
  validTo: string | null
  /** Ellipsoidal area computed by PostGIS when the boundary was stored. */
  areaM2: number
}

export type AdminUnits = FeatureCollection<Polygon | MultiPolygon, AdminUnitProps>

export interface Zone {
  provinceCode: string
  provinceName: string
  centralMeridian: number
  srid: number
}

export type CoordSystem = 'wgs84' | 'vn2000-geo' | 'vn2000-tm3'

export interface ConvertResult {
  points: [number, number][]
  /** The TM-3 zone used, when one was asked for. */
  zone: Zone | null
}

export interface Interpretation {
  kind: string
  swapped: boolean
  wgs84: [number, number]
  /** Null when no zone was given. */
  vn2000: { zone: Zone; easting: number; northing: number } | null
  message_vi: string
  message_en: string
  /** Things to check before using the point, e.g. plane coordinates that look like another province's zone. */
  warnings: { vi: string; en: string }[]
}

export interface Carrier {
  id: number
  name: string
  shortName: string
  kind: 'mobile' | 'fixed' | 'cable_tv' | 'power_utility'
  mnc: string | null
}

export interface AuditEntry {
  id: number
  at: string
  actorId: number | null
  actorName: string | null
  action: string
  entity: string
  entityId: string | null
  before: unknown
  after: unknown
}

export interface Page<T> {
  items: T[]
  total: number
}
