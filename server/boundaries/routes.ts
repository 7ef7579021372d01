import express, { type RequestHandler } from 'express'
import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { Problem, msg } from '../http/problems'
import { loadSession, requireRole } from '../auth/middleware'
import { importBoundaries, type ImportReport } from './import'
import { LEVELS } from './validation'
import { locatePoint, unitsAsGeoJson, unitVersions, vintagesAndImports } from './service'
import { vietnamToday } from '../time'
import { isoDate } from '../http/dates'

export const BOUNDARY_IMPORT_PATH = '/api/admin/boundaries'

/**
 * Boundary files run to ~10 MB, over the global API body limit. Mounted before the global parser on
 * the import path only; the session is checked first so only an administrator's body is read.
 */
export const boundaryImportBody: RequestHandler[] = [
  loadSession,
  requireRole(['admin']),
  express.json({ limit: '25mb' }),
]

const level = z.enum(LEVELS)
const provinceCode = z.string().regex(/^[0-9]{2}$/, 'field.province_code')
const needsProvince = {
  message: 'boundary.needs_province',
  path: ['provinceCode'],
}

const importBody = z
  .object({
    level,
    provinceCode: provinceCode.optional(),
    validFrom: isoDate,
    national: z.boolean().default(false),
    source: z.string().trim().min(1).max(200).optional(),
    fileName: z.string().trim().min(1).max(200).default('upload.geojson'),
    dryRun: z.boolean().default(false),
    featureCollection: z.unknown().refine((v) => v !== undefined, 'Send the GeoJSON FeatureCollection.'),
  })
  .refine((b) => (b.level === 'province') === (b.provinceCode === undefined), needsProvince)

const bbox = z.string().transform((text, ctx) => {
  const n = text.split(',').map(Number)
  const [minLon, minLat, maxLon, maxLat] = n
  if (
    n.length !== 4 ||
    n.some((v) => !Number.isFinite(v)) ||
    minLon! >= maxLon! ||
    minLat! >= maxLat! ||
    minLon! < -180 ||
    maxLon! > 180 ||
    minLat! < -90 ||
    maxLat! > 90
  ) {
    ctx.addIssue({ code: 'custom', message: 'field.bbox_degrees' })
    return z.NEVER
  }
  return [minLon!, minLat!, maxLon!, maxLat!] as const
})

const listQuery = z
  .object({
    level,
    province: provinceCode.optional(),
    at: isoDate.optional(),
    tolerance: z.coerce.number().min(0).max(0.01).default(0.0001),
    bbox: bbox.optional(),
  })
  // ~10,000 wards nationwide are too many for one GeoJSON answer.
  .refine((q) => q.level !== 'ward' || q.province !== undefined || q.bbox !== undefined, {
    message: 'boundary.wards_scope',
    path: ['province'],
  })

const versionsQuery = z.object({ level, code: z.string().regex(/^[0-9]{2,5}$/, 'A unit code is 2–5 digits.') })

const locateQuery = z.object({
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  at: isoDate.optional(),
})

function rejection(report: ImportReport): Problem {
  const errors = [
    ...(report.fileError ? [{ path: 'body.featureCollection', message: report.fileError }] : []),
    ...report.rejected.map((r) => ({
      path: `body.featureCollection.features.${r.index}`,
      message: `${r.code ?? 'no code'} ${r.name ?? 'no name'}: ${r.reasons.join('; ')}`,
    })),
  ]
  return new Problem(422, msg('boundary.rejected'), {
    errors,
    report,
  })
}

/** Administrative units: the boundary import and the read API the map uses. */
export function boundaryRoutes(api: Api): void {
  api.route({
    method: 'post',
    path: BOUNDARY_IMPORT_PATH,
    summary: 'Import a boundary file as new unit versions (all or nothing; dryRun only reports)',
    tag: 'boundaries',
    access: ['admin'],
    body: importBody,
    async handler({ body, req }) {
      const { featureCollection, ...request } = body
      const report = await importBoundaries(deps(req).db, { ...request, featureCollection }, req.user!, req.requestId)
      if (report.status === 'rejected') throw rejection(report)
      return report
    },
  })

  api.route({
    method: 'get',
    path: BOUNDARY_IMPORT_PATH,
    summary: 'Boundary vintages (per level, province and validity) and the latest imports with what they moved',
    tag: 'boundaries',
    access: ['admin'],
    async handler({ req }) {
      return vintagesAndImports(deps(req).db)
    },
  })

  api.route({
    method: 'get',
    path: '/api/admin-units',
    summary: 'Units of a level valid at a date, as a simplified GeoJSON FeatureCollection',
    tag: 'boundaries',
    access: 'public',
    query: listQuery,
    async handler({ query, req, res }) {
      // public reads (this and the two below): a replica may serve them
      const body = await unitsAsGeoJson(deps(req).db.read(), {
        level: query.level,
        province: query.province ?? null,
        at: query.at ?? vietnamToday(),
        tolerance: query.tolerance,
        bbox: query.bbox ?? null,
      })
      res.type('application/geo+json').send(body)
      return undefined
    },
  })

  api.route({
    method: 'get',
    path: '/api/admin-units/versions',
    summary: 'Every boundary version of one unit (no geometry)',
    tag: 'boundaries',
    access: 'public',
    query: versionsQuery,
    async handler({ query, req }) {
      return { items: await unitVersions(deps(req).db.read(), query.level, query.code) }
    },
  })

  api.route({
    method: 'get',
    path: '/api/admin-units/locate',
    summary: 'The province, district and ward containing a point at a date',
    tag: 'boundaries',
    access: 'public',
    query: locateQuery,
    async handler({ query, req }) {
      const at = query.at ?? vietnamToday()
      return {
        lon: query.lon,
        lat: query.lat,
        at,
        ...(await locatePoint(deps(req).db.read(), query.lon, query.lat, at)),
      }
    },
  })
}
