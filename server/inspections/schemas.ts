// Request schemas of the inspections API (docs/field-contract: the names are shared with the field client,
// campaigns and citizen reports).
import { z } from 'zod'
import { isoDate } from '../http/dates'

export const ASSET_KINDS = ['station', 'pole', 'cable_route', 'duct'] as const
export type AssetKind = (typeof ASSET_KINDS)[number]
export const PURPOSES = ['routine', 'post_construction', 'campaign', 'citizen_report', 'follow_up'] as const
export type Purpose = (typeof PURPOSES)[number]
export const INSPECTION_STATES = ['assigned', 'recorded', 'cancelled'] as const
export const VERDICTS = ['compliant', 'violation', 'no_access'] as const
export type Verdict = (typeof VERDICTS)[number]
export const MAST_CLASSES = ['A1', 'A1c', 'A2a', 'A2b'] as const

const id = z.coerce.number().int().positive()
export const idParams = z.object({ id })
export const assetParams = z.object({ kind: z.enum(ASSET_KINDS), id })
export const kindParams = z.object({ kind: z.enum(ASSET_KINDS) })

export const listQuery = z.object({
  mine: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true')
    .describe('1: only the inspections assigned to me'),
  state: z.enum(INSPECTION_STATES).optional(),
  assetKind: z.enum(ASSET_KINDS).optional(),
  assetId: id.optional(),
  campaignId: id.optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(500).default(50),
})
export type ListQuery = z.infer<typeof listQuery>

export const createBody = z.object({
  assetKind: z.enum(ASSET_KINDS),
  assetId: id,
  inspectorId: z.number().int().positive().nullable().optional(),
  dueOn: isoDate.nullable().optional(),
  purpose: z.enum(PURPOSES).default('routine'),
})
export type CreateBody = z.infer<typeof createBody>

export const assignBody = z.object({
  version: z.number().int().positive(),
  inspectorId: z.number().int().positive(),
  dueOn: isoDate.nullable().optional(),
})

export const cancelBody = z.object({ version: z.number().int().positive(), reason: z.string().trim().min(3).max(1000) })

const lonLat = z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) })

export const measuredSchema = z
  .object({
    heightM: z.number().positive().max(400).optional(),
    mastClass: z.enum(MAST_CLASSES).optional(),
    platesSeen: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
    sagCm: z.number().min(0).max(10_000).optional(),
    labelPresent: z.boolean().optional(),
  })
  .strict()
export type Measured = z.infer<typeof measuredSchema>

export const resultBody = z.object({
  clientId: z
    .uuid()
    .describe("The device's id of the record: a replay with the same id changes nothing")
    .transform((v) => v.toLowerCase()),
  assetVersion: z.number().int().min(0).describe('The version of the asset the inspector saw'),
  answers: z
    .record(z.string().min(1).max(60), z.union([z.boolean(), z.number(), z.string().max(2000), z.null()]))
    .default({}),
  measured: measuredSchema.default({}),
  position: lonLat.optional(),
  verdict: z.literal('no_access').optional().describe('Only to say the site could not be reached'),
  note: z.string().trim().max(4000).optional(),
  recordedAt: z.iso.datetime({ offset: true }).describe('When the inspector recorded it on the device'),
  acceptChanged: z.boolean().default(false).describe('Record although the asset changed since it was read'),
})
export type ResultBody = z.infer<typeof resultBody>

const checklistItem = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,59}$/)
      .describe('Stable key of the answer'),
    labelVi: z.string().trim().min(1).max(200),
    labelEn: z.string().trim().min(1).max(200),
    kind: z.enum(['boolean', 'number', 'text', 'choice']),
    unit: z.string().trim().min(1).max(20).optional(),
    choices: z.array(z.string().trim().min(1).max(60)).min(2).max(20).optional(),
    required: z.boolean().optional(),
  })
  .strict()
  .refine((i) => (i.kind === 'choice') === (i.choices !== undefined), {
    message: 'A choice item lists its choices; other items have none.',
    path: ['choices'],
  })
export type ChecklistItem = z.infer<typeof checklistItem>

export const checklistBody = z.object({
  version: z.number().int().min(1).describe("The version read (the default checklist's when the province has none)"),
  items: z
    .array(checklistItem)
    .min(1)
    .max(60)
    .refine((items) => new Set(items.map((i) => i.key)).size === items.length, 'Each item needs its own key.'),
})

export const rulesBody = z.object({
  heightToleranceM: z.number().min(0).max(50),
  positionToleranceM: z.number().positive().max(1000),
  maxSagCm: z.number().positive().max(10_000).nullable(),
  followUpDays: z.number().int().min(1).max(365),
  recheckDays: z.number().int().min(1).max(365),
})

export const followUpQuery = z.object({
  overdue: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  state: z.enum(['open', 'answered', 'closed']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(500).default(50),
})

export const answerBody = z.object({
  version: z.number().int().positive(),
  text: z.string().trim().min(3).max(4000),
  photoId: z.number().int().positive().optional().describe('A photo uploaded to the follow-up first'),
})

export const clientIdHeader = z.uuid().transform((v) => v.toLowerCase())
