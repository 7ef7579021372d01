import { z } from 'zod'
import { isoDate } from '../http/dates'
import { gatedGeometry } from '../geo/schema'

export const ASSET_KINDS = ['station', 'pole', 'cable_route'] as const
export const MAST_CLASSES = ['A1', 'A1c', 'A2a', 'A2b'] as const
/** Station states a campaign may choose: the sites that stand or may stand (default: built and in service). */
export const STATION_STATES = ['approved', 'built', 'in_service'] as const
/** Route statuses a campaign may choose (default: completed and accepted). */
export const ROUTE_STATUSES = ['planned', 'under_construction', 'completed', 'accepted'] as const
export const ROUTE_KINDS = ['underground', 'tidying', 'relocation', 'unlicensed'] as const

/** How many points a preview sends for the map at most. */
export const PREVIEW_POINTS = 5000

export const idParams = z.object({ id: z.coerce.number().int().positive() })

const district = z.string().regex(/^[0-9]{2,5}$/, 'A district code is 2 to 5 digits.')

/** Which assets: an area (districts in force today and/or a drawn polygon) and attributes; all given must hold. */
const selectionFields = z.object({
  districtCodes: z.array(district).min(1).max(100).optional(),
  area: gatedGeometry(['Polygon', 'MultiPolygon']).optional(),
  carrierIds: z.array(z.number().int().positive()).min(1).max(50).optional(),
  states: z.array(z.string()).min(1).max(10).optional(),
  mastClasses: z.array(z.enum(MAST_CLASSES)).min(1).optional(),
  minHeightM: z.number().min(0).max(150).optional(),
  maxHeightM: z.number().positive().max(150).optional(),
  routeKinds: z.array(z.enum(ROUTE_KINDS)).min(1).optional(),
})
export type Selection = z.infer<typeof selectionFields>

/** The attributes each kind of asset has: a condition on another kind's attribute is refused, not ignored. */
const ALLOWED: Record<(typeof ASSET_KINDS)[number], { states: readonly string[] | null; fields: string[] }> = {
  station: { states: STATION_STATES, fields: ['mastClasses', 'minHeightM', 'maxHeightM'] },
  pole: { states: null, fields: [] },
  cable_route: { states: ROUTE_STATUSES, fields: ['routeKinds'] },
}
const KIND_FIELDS = ['mastClasses', 'minHeightM', 'maxHeightM', 'routeKinds'] as const

/** Refuses a condition on another kind's attribute (rather than ignore it), unknown states and an empty range. */
function checkSelection(v: { assetKind: (typeof ASSET_KINDS)[number]; selection: Selection }, ctx: z.RefinementCtx) {
  const allowed = ALLOWED[v.assetKind]
  const s = v.selection
  for (const f of KIND_FIELDS) {
    if (s[f] !== undefined && !allowed.fields.includes(f))
      ctx.addIssue({ code: 'custom', path: ['selection', f], message: `A ${v.assetKind} has no ${f}.` })
  }
  const states = allowed.states
  if (s.states && !states)
    ctx.addIssue({ code: 'custom', path: ['selection', 'states'], message: 'Poles have no state.' })
  if (s.states && states)
    s.states.forEach((st, i) => {
      if (!states.includes(st))
        ctx.addIssue({
          code: 'custom',
          path: ['selection', 'states', i],
          message: `Choose among: ${states.join(', ')}.`,
        })
    })
  if (s.minHeightM !== undefined && s.maxHeightM !== undefined && s.maxHeightM < s.minHeightM)
    ctx.addIssue({ code: 'custom', path: ['selection', 'maxHeightM'], message: 'The range ends below its start.' })
}

const selectionShape = { assetKind: z.enum(ASSET_KINDS), selection: selectionFields }

export const selectionBody = z.object(selectionShape).superRefine(checkSelection)
export type SelectionBody = z.infer<typeof selectionBody>

export const campaignBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).optional(),
    startsOn: isoDate,
    endsOn: isoDate,
    ...selectionShape,
  })
  .superRefine((v, ctx) => {
    checkSelection(v, ctx)
    if (v.endsOn < v.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The campaign ends on or after its start.' })
  })
export type CampaignBody = z.infer<typeof campaignBody>

export const generateBody = z.object({
  inspectorIds: z.array(z.number().int().positive()).min(1).max(200),
  /** The due date of every inspection; the campaign's last day when absent. */
  dueOn: isoDate.optional(),
})
export type GenerateBody = z.infer<typeof generateBody>

// Answers (documented in /api/openapi.json and typed for the client).
const counts = {
  total: z.number(),
  done: z.number(),
  compliant: z.number(),
  violations: z.number(),
  noAccess: z.number(),
  overdue: z.number(),
  remaining: z.number(),
}
export const dashboardAnswer = z.object({
  asOf: z.string(),
  campaign: z.object({ id: z.number(), name: z.string(), state: z.string(), endsOn: z.string() }),
  totals: z.object(counts),
  byDistrict: z.array(z.object({ code: z.string().nullable(), name: z.string().nullable(), ...counts })),
  byInspector: z.array(z.object({ id: z.number().nullable(), name: z.string().nullable(), ...counts })),
})

export const previewAnswer = z.object({
  count: z.number(),
  byDistrict: z.array(z.object({ code: z.string().nullable(), name: z.string().nullable(), count: z.number() })),
  sample: z.array(
    z.object({
      id: z.number(),
      label: z.string(),
      districtCode: z.string().nullable(),
      carrier: z.string().nullable(),
      lon: z.number(),
      lat: z.number(),
    }),
  ),
  /** [lon, lat] of the selected assets, up to PREVIEW_POINTS. */
  points: z.array(z.tuple([z.number(), z.number()])),
})

export const campaignAnswer = z.object({
  id: z.number(),
  provinceCode: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  assetKind: z.enum(ASSET_KINDS),
  startsOn: z.string(),
  endsOn: z.string(),
  selection: z.object({
    districtCodes: z.array(z.string()).nullable(),
    area: z.unknown().nullable(),
    mastClasses: z.array(z.string()).nullable(),
    minHeightM: z.number().nullable(),
    maxHeightM: z.number().nullable(),
    carrierIds: z.array(z.number()).nullable(),
    states: z.array(z.string()).nullable(),
    routeKinds: z.array(z.string()).nullable(),
  }),
  state: z.enum(['draft', 'generated']),
  inspectorIds: z.array(z.number()).nullable(),
  dueOn: z.string().nullable(),
  generatedAt: z.string().nullable(),
  inspectionCount: z.number().nullable(),
  version: z.number(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  progress: z.object({ total: z.number(), done: z.number(), remaining: z.number() }),
  /** An inspector's own share of the campaign (lists only). */
  mine: z.object({ total: z.number(), remaining: z.number() }).nullable().optional(),
})
