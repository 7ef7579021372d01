import { z } from 'zod'
import { ASSET_KINDS, CATEGORIES, STATUSES } from './workflow'

/**
 * A place in WGS84 as a phone's GPS or a click on the map gives it. A pair typed the wrong way round (latitude
 * first) is named as such; the province check follows in the service.
 */
export const lonLat = z
  .object({ lon: z.number().finite(), lat: z.number().finite() })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (Math.abs(p.lon) <= 90 && Math.abs(p.lat) > 90 && Math.abs(p.lat) <= 180) {
      for (const path of ['lat', 'lon']) issue(path, 'position.swapped_lonlat')
      return
    }
    if (p.lon < -180 || p.lon > 180) issue('lon', 'position.lon_range')
    if (p.lat < -90 || p.lat > 90) issue('lat', 'position.lat_range')
  })

/** A phone number as people type it (spaces, dots, dashes), kept as digits with an optional leading +. */
const phone = z
  .string()
  .trim()
  .max(30)
  .transform((s) => s.replace(/[\s.()-]/g, ''))
  .refine((s) => s === '' || /^\+?[0-9]{8,15}$/.test(s), 'ticket.phone_format')

const text = (max: number) => z.string().trim().max(max)

/** A report: the public form's and the officer's intake of a phone call (same fields). */
export const reportBody = z
  .object({
    category: z.enum(CATEGORIES),
    description: text(2000).min(5, 'ticket.describe'),
    position: lonLat,
    placeNote: text(300).optional(),
    contact: z
      .object({
        name: text(120).optional(),
        phone: phone.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
export type ReportBody = z.infer<typeof reportBody>

export const idParams = z.object({ id: z.coerce.number().int().positive() })

/** 1022-2026-000123 */
export const NUMBER = /^1022-\d{4}-\d{6}$/
export const numberParams = z.object({ number: z.string().regex(NUMBER, 'ticket.number_format') })
export const numberPhotoParams = numberParams.extend({ photoId: z.coerce.number().int().positive() })

/** The short code printed beside the number; typed in any case, with or without spaces. */
export const codeQuery = z.object({
  code: z
    .string()
    .transform((s) => s.replace(/\s/g, '').toUpperCase())
    .refine((s) => /^[A-Z2-9]{6}$/.test(s), 'ticket.code_format'),
})

const flag = z.enum(['true', 'false']).transform((v) => v === 'true')

export const listQuery = z.object({
  status: z.enum(STATUSES).optional(),
  category: z.enum(CATEGORIES).optional(),
  district: z
    .string()
    .regex(/^[0-9]{2,5}$/)
    .optional(),
  carrier: z.coerce.number().int().positive().optional(),
  channel: z.enum(['web', 'phone']).optional(),
  overdue: flag.optional(),
  number: z
    .string()
    .trim()
    .regex(/^[0-9-]{1,16}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export type ListQuery = z.infer<typeof listQuery>

const version = z.number().int().positive()

/** One step of a ticket; what each step needs is checked here, who may take it by the transition table. */
export const transitionBody = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('assign'),
      version,
      /** Default: the linked asset's carrier. null: no carrier (an inspector alone). */
      carrierId: z.number().int().positive().nullable().optional(),
      /** An inspector to check the place: an inspection with purpose citizen_report is created. */
      inspectorId: z.number().int().positive().nullable().optional(),
      /** Link another asset (one of the province's) instead of the nearest found. */
      asset: z
        .object({ kind: z.enum(ASSET_KINDS), id: z.number().int().positive() })
        .strict()
        .optional(),
      note: text(2000).optional(),
    })
    .strict(),
  z.object({ action: z.literal('respond'), version, response: text(2000).min(1, 'ticket.response_needed') }).strict(),
  z.object({ action: z.literal('resolve'), version, note: text(2000).min(5, 'ticket.resolution_needed') }).strict(),
  z.object({ action: z.literal('reject'), version, note: text(2000).min(5, 'ticket.reason_needed') }).strict(),
  z.object({ action: z.literal('reopen'), version, note: text(2000).optional() }).strict(),
])
export type TransitionBody = z.infer<typeof transitionBody>

export const photoQuery = z.object({ purpose: z.enum(['report', 'resolution']).default('report') })

export const slaParams = z.object({ category: z.enum(CATEGORIES) })
export const slaBody = z.object({ hours: z.number().int().min(1).max(8760) }).strict()
