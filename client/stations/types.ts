import type { InPlan } from '../plans/InPlanTag'
/** Shapes of the stations API (server/stations; see /api/openapi.json). */
import type { Paths } from '../api/types.gen'
import type { Point, Polygon, MultiPolygon } from 'geojson'

export const MAST_CLASSES = ['A1', 'A1c', 'A2a', 'A2b'] as const
export type MastClass = (typeof MAST_CLASSES)[number]
export const CAMOUFLAGE_KINDS = ['street_light', 'palm_tree', 'water_tank', 'billboard', 'other'] as const
export type CamouflageKind = (typeof CAMOUFLAGE_KINDS)[number]
export const TECHNOLOGIES = ['2G', '3G', '4G', '5G'] as const
export type Technology = (typeof TECHNOLOGIES)[number]
import { STATES, type State } from '../../shared/station-states'

export { STATES, type State }
export const OPERATORS = ['viettel', 'vnpt', 'mobifone', 'vietnamobile', 'gmobile'] as const
export type Operator = (typeof OPERATORS)[number]
export type Action =
  | 'submit'
  | 'field_check'
  | 'skip_field_check'
  | 'approve'
  | 'reject'
  | 'return'
  | 'report_built'
  | 'report_in_service'
  | 'waive_inspection'
  | 'decommission'
export type Outcome = 'pass' | 'warn' | 'fail'
export type RuleName =
  | 'in_province'
  | 'zone_class'
  | 'zone_height'
  | 'a1_limits'
  | 'a1_reach'
  | 'spacing'
  | 'must_share'
  | 'duplicate'

/** A neighbour as a rule result names it. */
export interface NeighbourBrief {
  id: number
  siteCode: string
  operator: string
  mastClass: MastClass
  distanceM: number
}

export interface RuleResult {
  rule: RuleName
  outcome: Outcome
  values: Record<string, unknown>
  message_vi: string
  message_en: string
}

/** A position as the forms send it. */
export type Position = { crs: 'wgs84'; lon: number; lat: number } | { crs: 'vn2000'; northing: number; easting: number }

export interface RuleOverride {
  action: 'submit' | 'approve'
  rules: RuleResult['rule'][]
  reason: string
  actorId: number
  actorName: string
  at: string
}

export interface Station {
  id: number
  operator: { id: number; shortName: string; name: string }
  sharedOperators: string[]
  siteCode: string
  name: string | null
  address: string | null
  position: Point
  districtCode: string | null
  districtName: string | null
  mastClass: MastClass
  camouflageKind: CamouflageKind | null
  mastHeightM: number
  buildingHeightM: number | null
  reachBeyondEdgeM: number | null
  technologies: Technology[]
  state: State
  stateSince: string
  submittedAt: string | null
  decisionNo: string | null
  decisionDate: string | null
  decisionNote: string | null
  temporary: boolean
  mobile: boolean
  eventId: number | null
  validFrom: string | null
  validTo: string | null
  expired: boolean
  ruleResults: RuleResult[] | null
  rulesCheckedAt: string | null
  /** Exceptions to failed rules, oldest first (the carrier's on submit, the officer's on approval). */
  ruleOverrides: RuleOverride[]
  version: number
  createdAt: string
  updatedAt: string
  allowedActions: Action[]
  /** The site of the carrier's approved plan the station matches (issue 12), or null. */
  inPlan?: InPlan | null
  /** Only in the queue. */
  waitingHours?: number
}

export interface HistoryEntry {
  version: number
  action: string
  state: State
  actorName: string
  note: string | null
  at: string
}

/** A site photo as a field check records it; `url` serves the image. */
export interface Photo {
  photoId: number
  name: string | null
  contentType: string
  sizeBytes: number
  takenAt: string | null
  url: string
}

export interface FieldCheck {
  id: number
  outcome: 'confirmed' | 'moved' | 'skipped'
  notes: string | null
  photos: Photo[]
  from: Point
  to: Point
  movedM: number
  actorName: string
  at: string
}

export interface StationDetail extends Station {
  history: HistoryEntry[]
  fieldChecks: FieldCheck[]
}

export interface ContextMast {
  id: number
  siteCode: string
  operator: string
  mastClass: MastClass
  mastHeightM: number
  state: State
  position: Point
  distanceM: number
}

export interface ContextZone {
  id: number
  name: string
  kind: string
  allowedClasses: string[]
  maxHeightM: number | null
  geometry: Polygon | MultiPolygon
}

/** What /api/stations/{id}/context answers: the officer's map around an application. */
export interface StationContext {
  center: Point
  radiusM: number
  masts: ContextMast[]
  zones: ContextZone[]
  rings: { rule: string; radiusM: number }[]
}

/** The body of a new application (and of a rule preview). */
export interface StationInput {
  siteCode: string
  name?: string | null
  address?: string | null
  position: Position
  mastClass: MastClass
  camouflageKind?: CamouflageKind | null
  mastHeightM: number
  buildingHeightM?: number | null
  reachBeyondEdgeM?: number | null
  technologies: Technology[]
  sharedOperators?: string[]
  temporary: boolean
  mobile: boolean
  validFrom?: string | null
  validTo?: string | null
}

export type Procedure =
  | 'outside_province'
  | 'not_allowed'
  | 'must_share'
  | 'exempt'
  | 'site_approval_and_building_permit'

/** The public permit checker's answer (generated from the server's schema). */
export type PermitAnswer = Paths['/api/public/permit-check']['post']['response']
