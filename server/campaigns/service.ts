import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { conflict, fieldError, invalid, notFound, type FieldError, fieldErrorFrom } from '../http/problems'
import { placeGeometry } from '../geo/service'
import { createInspections } from '../inspections/service'
import { PREVIEW_POINTS, type CampaignBody, type GenerateBody, type Selection, type SelectionBody } from './schemas'
import { assignByDistrict } from './assign'
import * as sql from './sql'

/** The selection as the statements' parameters $1–$9 (see FILTER in sql.ts); `area` is GeoJSON text. */
interface StoredSelection {
  districtCodes: string[] | null
  area: string | null
  carrierIds: number[] | null
  states: string[] | null
  mastClasses: string[] | null
  minHeightM: number | null
  maxHeightM: number | null
  routeKinds: string[] | null
}

const params = (provinceCode: string, s: StoredSelection): unknown[] => [
  provinceCode,
  s.districtCodes,
  s.area,
  s.carrierIds,
  s.states,
  s.mastClasses,
  s.minHeightM,
  s.maxHeightM,
  s.routeKinds,
]

/**
 * Checks a selection against the data (districts in force today, carriers that exist, a polygon that is valid and in
 * the province) and answers it in its stored form; 422 names each field that is wrong.
 */
async function checkedSelection(q: Queryable, provinceCode: string, s: Selection): Promise<StoredSelection> {
  const errors: FieldError[] = []
  if (s.districtCodes) {
    const { codes } = await q.one<{ codes: string[] }>(sql.DISTRICTS_IN_FORCE, [s.districtCodes, provinceCode])
    s.districtCodes.forEach((code, i) => {
      if (!codes.includes(code)) errors.push(fieldError(`body.selection.districtCodes.${i}`, 'campaign.no_district'))
    })
  }
  if (s.carrierIds) {
    const { ids } = await q.one<{ ids: number[] }>(sql.KNOWN_CARRIERS, [s.carrierIds])
    s.carrierIds.forEach((id, i) => {
      if (!ids.includes(id)) errors.push(fieldError(`body.selection.carrierIds.${i}`, 'campaign.no_carrier'))
    })
  }
  let area: string | null = null
  if (s.area) {
    const placed = await placeGeometry(q, s.area, { provinceCode, noun: 'polygon' })
    if (placed.ok) area = placed.geojson
    else errors.push(...placed.errors.map((m) => fieldErrorFrom('body.selection.area', m)))
  }
  if (errors.length > 0) throw invalid('campaign.invalid', errors)
  return {
    districtCodes: s.districtCodes ? [...new Set(s.districtCodes)] : null,
    area,
    carrierIds: s.carrierIds ? [...new Set(s.carrierIds)] : null,
    states: s.states ?? null,
    mastClasses: s.mastClasses ?? null,
    minHeightM: s.minHeightM ?? null,
    maxHeightM: s.maxHeightM ?? null,
    routeKinds: s.routeKinds ?? null,
  }
}

/** How many assets a selection holds (by district), a sample and their points for the map; nothing is stored. */
export async function previewSelection(q: Queryable, provinceCode: string, body: SelectionBody): Promise<Row> {
  const s = await checkedSelection(q, provinceCode, body.selection)
  return q.one(sql.PREVIEW(body.assetKind), [...params(provinceCode, s), PREVIEW_POINTS])
}

/** The province's campaigns; an inspector sees those with an inspection assigned to them. */
export function listCampaigns(q: Queryable, user: SessionUser, provinceCode: string): Promise<Row[]> {
  return q.many(sql.LIST_CAMPAIGNS, [provinceCode, user.role === 'inspector' ? user.id : null])
}

/**
 * One campaign, or 404: officers and administrators see every campaign of the province, an inspector only one in
 * which an inspection is assigned to them (any other is answered as unknown, so its existence does not leak).
 */
export async function readCampaign(q: Queryable, user: SessionUser, provinceCode: string, id: number): Promise<Row> {
  const row = await q.maybeOne(sql.CAMPAIGN_BY_ID, [id, provinceCode])
  if (!row) throw notFound('campaign.not_found')
  if (user.role === 'inspector' && !(await q.maybeOne(sql.INSPECTOR_IN_CAMPAIGN, [id, user.id])))
    throw notFound('campaign.not_found')
  if (user.role === 'carrier') throw notFound('campaign.not_found')
  return row
}

/** An officer defines a campaign (its selection is checked and kept); audited. */
export async function createCampaign(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  body: CampaignBody,
  requestId: string | undefined,
): Promise<Row> {
  const s = await checkedSelection(tx, provinceCode, body.selection)
  const { id } = await tx.one<{ id: number }>(sql.INSERT_CAMPAIGN, [
    provinceCode,
    body.name,
    body.description ?? null,
    body.assetKind,
    body.startsOn,
    body.endsOn,
    s.districtCodes,
    s.area,
    s.carrierIds,
    s.states,
    s.mastClasses,
    s.minHeightM,
    s.maxHeightM,
    s.routeKinds,
    user.id,
  ])
  const after = await readCampaign(tx, user, provinceCode, id)
  await audit(tx, user, { action: 'campaign.create', entity: 'campaign', entityId: id, after }, requestId)
  return after
}

interface Locked extends Omit<StoredSelection, 'area'> {
  id: number
  state: 'draft' | 'generated'
  assetKind: sql.AssetKind
  startsOn: string
  endsOn: string
  area: string | null
  today: string
}

/**
 * Generates the campaign's inspections, one per selected asset, in the caller's transaction: the campaign row is
 * locked first, so a second generation (at once or later) answers 409 and creates nothing; the inspections are
 * created in bulk by the inspections service (purpose 'campaign'), the district of each is kept for the
 * dashboard, and the campaign and an audit row record it. Anything failing rolls the whole generation back.
 */
export async function generateCampaign(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  id: number,
  body: GenerateBody,
  requestId: string | undefined,
): Promise<Row> {
  const c = await tx.maybeOne<Locked>(sql.LOCK_CAMPAIGN, [id, provinceCode])
  if (!c) throw notFound('campaign.not_found')
  if (c.state !== 'draft') throw conflict('campaign.already_generated')
  const dueOn = body.dueOn ?? c.endsOn
  const errors: FieldError[] = []
  if (dueOn < c.startsOn || dueOn > c.endsOn)
    errors.push(fieldError('body.dueOn', 'campaign.due_outside', { from: c.startsOn, to: c.endsOn }))
  const inspectorIds = [...new Set(body.inspectorIds)]
  const active = new Set((await tx.many<{ id: number }>(sql.ACTIVE_INSPECTORS_AMONG, [inspectorIds])).map((r) => r.id))
  body.inspectorIds.forEach((uid, i) => {
    if (!active.has(uid)) errors.push(fieldError(`body.inspectorIds.${i}`, 'campaign.not_inspector'))
  })
  if (errors.length > 0) throw invalid('campaign.invalid', errors)

  const assets = await tx.many<{ id: number; version: number; carrierId: number | null; districtCode: string | null }>(
    sql.SELECT_ASSETS(c.assetKind),
    params(provinceCode, c),
  )
  if (assets.length === 0) throw invalid('campaign.empty', [])
  const inspectorOf = assignByDistrict(assets, inspectorIds)
  const ids = await createInspections(
    tx,
    user,
    provinceCode,
    assets.map((a) => ({
      assetKind: c.assetKind,
      assetId: a.id,
      inspectorId: inspectorOf.get(a.districtCode)!,
      dueOn,
      purpose: 'campaign' as const,
      campaignId: id,
    })),
    requestId,
  )
  await tx.exec(sql.INSERT_CAMPAIGN_INSPECTIONS, [id, ids, assets.map((a) => a.districtCode)])
  const n = await tx.exec(sql.MARK_GENERATED, [id, inspectorIds, dueOn, user.id, assets.length])
  if (n !== 1) throw conflict('campaign.already_generated')
  const after = await readCampaign(tx, user, provinceCode, id)
  const perInspector: Record<string, number> = {}
  for (const a of assets) {
    const who = String(inspectorOf.get(a.districtCode))
    perInspector[who] = (perInspector[who] ?? 0) + 1
  }
  await audit(
    tx,
    user,
    {
      action: 'campaign.generate',
      entity: 'campaign',
      entityId: id,
      before: { state: 'draft' },
      after: { name: after.name, state: after.state, inspectionCount: assets.length, dueOn, perInspector },
    },
    requestId,
  )
  return after
}

/** The campaign's progress: totals, by district and by inspector, counted over its inspections. */
export async function campaignDashboard(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  id: number,
): Promise<Row> {
  const c = await readCampaign(q, user, provinceCode, id)
  const figures = await q.one(sql.DASHBOARD, [id])
  return { ...figures, campaign: { id: c.id, name: c.name, state: c.state, endsOn: c.endsOn } }
}

/** The active inspectors an officer may assign. */
export function listInspectors(q: Queryable): Promise<Row[]> {
  return q.many(sql.LIST_INSPECTORS)
}
