import { z } from 'zod'
import { fieldError, type FieldError } from '../http/problems'
import type { MessageArgs, MessageCode } from '../http/messages'
import { STATES } from './workflow'
import { MIN_EXCEPTION_REASON, MIN_WAIVER_REASON } from '../../shared/station-states'
import { isoDate } from '../http/dates'

export const MAST_CLASSES = ['A1', 'A1c', 'A2a', 'A2b'] as const
export const CAMOUFLAGE_KINDS = ['street_light', 'palm_tree', 'water_tank', 'billboard', 'other'] as const
export const TECHNOLOGIES = ['2G', '3G', '4G', '5G'] as const

/**
 * A position typed in WGS84 (lon/lat) or in VN-2000 in the province's 3° zone (surveyors' X is the northing,
 * Y the easting). Values typed the wrong way round are named as such.
 */
export const position = z
  .object({
    crs: z.enum(['wgs84', 'vn2000']).default('wgs84'),
    lon: z.number().optional(),
    lat: z.number().optional(),
    northing: z.number().optional(),
    easting: z.number().optional(),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: MessageCode) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (p.crs === 'wgs84') {
      if (p.lon === undefined) issue('lon', 'position.give_lon')
      if (p.lat === undefined) issue('lat', 'position.give_lat')
      if (p.lon === undefined || p.lat === undefined) return
      if (Math.abs(p.lon) <= 90 && Math.abs(p.lat) > 90 && Math.abs(p.lat) <= 180) {
        for (const path of ['lat', 'lon']) issue(path, 'position.swapped_lonlat')
        return
      }
      if (p.lon < -180 || p.lon > 180) issue('lon', 'position.lon_range')
      if (p.lat < -90 || p.lat > 90) issue('lat', 'position.lat_range')
      return
    }
    if (p.northing === undefined) issue('northing', 'position.give_northing')
    if (p.easting === undefined) issue('easting', 'position.give_easting')
    if (p.northing === undefined || p.easting === undefined) return
    const north = p.northing >= 900_000 && p.northing <= 2_700_000
    const east = p.easting >= 200_000 && p.easting <= 900_000
    if (!north && !east && p.easting >= 900_000 && p.northing <= 900_000) {
      for (const path of ['northing', 'easting']) issue(path, 'position.swapped_ne')
      return
    }
    if (!north) issue('northing', 'position.northing_range')
    if (!east) issue('easting', 'position.easting_range')
  })
export type Position = z.infer<typeof position>

const operatorName = z.string().trim().min(2).max(20)

const stationFields = {
  operator: operatorName.optional(),
  sharedOperators: z.array(operatorName).max(4).optional(),
  siteCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{2,40}$/, 'station.site_code_format'),
  name: z.string().trim().max(200).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  position,
  mastClass: z.enum(MAST_CLASSES),
  camouflageKind: z.enum(CAMOUFLAGE_KINDS).nullable().optional(),
  mastHeightM: z.number().gt(0, 'station.mast_height_min').max(150, 'station.mast_height_max'),
  buildingHeightM: z
    .number()
    .gt(0, 'station.building_height_min')
    .max(400, 'station.building_height_max')
    .nullable()
    .optional(),
  reachBeyondEdgeM: z.number().min(0, 'station.reach_min').max(50, 'station.reach_max').nullable().optional(),
  technologies: z.array(z.enum(TECHNOLOGIES)).max(4).default([]),
  temporary: z.boolean().default(false),
  mobile: z.boolean().default(false),
  eventId: z.number().int().positive().nullable().optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
}

export interface StationShape {
  mastClass: (typeof MAST_CLASSES)[number]
  camouflageKind?: string | null
  buildingHeightM?: number | null
  reachBeyondEdgeM?: number | null
  temporary?: boolean
  validFrom?: string | null
  validTo?: string | null
}

/** Checks that belong to the combination of fields; used for new stations and for the merged result of a change. */
export function shapeErrors(s: StationShape, prefix = 'body'): FieldError[] {
  const errors: FieldError[] = []
  const at = <K extends MessageCode>(field: string, code: K, ...args: MessageArgs<K>) =>
    errors.push(fieldError(`${prefix}.${field}`, code, ...args))
  if (s.mastClass === 'A1c' && !s.camouflageKind) at('camouflageKind', 'station.camouflage_needed')
  if (s.mastClass !== 'A1c' && s.camouflageKind) at('camouflageKind', 'station.camouflage_only_a1c')
  if ((s.mastClass === 'A1' || s.mastClass === 'A2a') && !s.buildingHeightM)
    at('buildingHeightM', 'station.building_needed', { mastClass: s.mastClass })
  if (s.mastClass === 'A2b' && s.buildingHeightM) at('buildingHeightM', 'station.a2b_no_building')
  // The A1 reach limit (≤ 0,5 m beyond the building edge) can only be checked when the reach is known.
  if (s.mastClass === 'A1' && (s.reachBeyondEdgeM === undefined || s.reachBeyondEdgeM === null)) {
    at('reachBeyondEdgeM', 'station.reach_needed')
  }
  if (s.mastClass === 'A2b' && s.reachBeyondEdgeM != null) {
    at('reachBeyondEdgeM', 'station.a2b_no_reach')
  }
  if (s.temporary && (!s.validFrom || !s.validTo)) at('validTo', 'station.temporary_dates')
  if (s.validFrom && s.validTo && s.validTo < s.validFrom) at('validTo', 'station.valid_to_before')
  return errors
}

export const createBody = z.object(stationFields)
export type CreateBody = z.infer<typeof createBody>

const { siteCode, position: _position, ...optionalFields } = stationFields
export const updateBody = z.object({
  version: z.number().int().positive(),
  siteCode: siteCode.optional(),
  position: position.optional(),
  ...optionalFields,
  mastClass: stationFields.mastClass.optional(),
  mastHeightM: stationFields.mastHeightM.optional(),
  technologies: z.array(z.enum(TECHNOLOGIES)).max(4).optional(),
  temporary: z.boolean().optional(),
  mobile: z.boolean().optional(),
})
export type UpdateBody = z.infer<typeof updateBody>

// A photo uploaded first to POST /api/stations/{id}/photos, named here by its id.
const photo = z.object({
  photoId: z.number().int().positive(),
  name: z.string().trim().min(1).max(200).optional(),
  takenAt: z.string().datetime({ offset: true }).optional(),
})

const version = z.number().int().positive()
export { MIN_EXCEPTION_REASON, MIN_WAIVER_REASON }
const exceptionReason = z
  .string()
  .trim()
  .max(2000)
  .optional()
  .describe(`Why the application should go on although it fails a rule (at least ${MIN_EXCEPTION_REASON} characters)`)

export const transitionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), version, exceptionReason }),
  z.object({
    action: z.literal('field_check'),
    version,
    outcome: z.enum(['confirmed', 'moved']),
    position: position.optional(),
    notes: z.string().trim().max(2000).optional(),
    photos: z.array(photo).max(20).default([]),
  }),
  z.object({ action: z.literal('skip_field_check'), version, reason: z.string().trim().min(3).max(1000) }),
  z.object({
    action: z.literal('approve'),
    version,
    decisionNo: z.string().trim().min(1).max(60),
    decisionDate: isoDate,
    note: z.string().trim().max(1000).optional(),
    exceptionReason,
  }),
  z.object({
    action: z.literal('reject'),
    version,
    reasons: z.array(z.string().trim().min(3).max(500)).min(1).max(20),
  }),
  z.object({ action: z.literal('return'), version, note: z.string().trim().min(3).max(1000) }),
  z.object({ action: z.literal('report_built'), version }),
  z.object({ action: z.literal('report_in_service'), version }),
  z.object({
    action: z.literal('waive_inspection'),
    version,
    reason: z
      .string()
      .trim()
      .min(MIN_WAIVER_REASON)
      .max(2000)
      .describe(`Why it goes in service without its post-construction inspection (≥ ${MIN_WAIVER_REASON} characters)`),
  }),
  z.object({ action: z.literal('decommission'), version, note: z.string().trim().max(1000).optional() }),
])
export type TransitionBody = z.infer<typeof transitionBody>

const flag = z.enum(['true', 'false']).transform((v) => v === 'true')

export const listQuery = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  operator: operatorName.optional(),
  mastClass: z.enum(MAST_CLASSES).optional(),
  state: z.enum(STATES).optional(),
  district: z
    .string()
    .regex(/^[0-9]{2,5}$/)
    .optional(),
  temporary: flag.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  bbox: z
    .string()
    .regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'bbox.order')
    .optional(),
  sort: z.enum(['id', '-id', 'siteCode', '-updatedAt']).default('id'),
})
export type ListQuery = z.infer<typeof listQuery>

export const exportQuery = listQuery.omit({ offset: true, limit: true, sort: true }).extend({ vn2000: flag.optional() })
export type ExportQuery = z.infer<typeof exportQuery>

export const idParams = z.object({ id: z.coerce.number().int().positive() })
