import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { badRequest, conflict, invalid, notFound, type FieldError, msg, fieldError } from '../http/problems'
import { gatherFacts, type LonLat } from './check'
import { evaluateRules, type Candidate, type RuleResult } from './rules'
import { operatorIds, toLonLat, visibility } from './access'
import { recordChange, readStation } from './record'
import { shapeErrors, type CreateBody, type Position, type UpdateBody } from './schemas'
import {
  INSERT_STATION,
  OWN_SHORT_NAME,
  SELECT_FIELD_CHECKS,
  SELECT_HISTORY,
  SHARED_CARRIER_IDS,
  UPDATE_STATION,
  selectStation,
} from './sql/stations.sql'
import { eventExists } from '../planning/events'
import { openConversionProgramme } from '../conversions/lookup'
import { allowedActions, CARRIER_EDITABLE, statusOf, type State } from './workflow'
import { inPlanAt, type InPlan } from '../plans/in-plan'

/** A station the user may see, or 404 (a carrier asking for another carrier's station gets 404, not 403). */
export async function visibleStation(q: Queryable, user: SessionUser, provinceCode: string, id: number): Promise<Row> {
  const v = visibility(user, provinceCode, 2)
  const row = await q.maybeOne(selectStation(v.sql), [id, ...v.params])
  if (!row) throw notFound('station.not_found')
  return row
}

/** The detail view: the station, what the user may do next, its history and field checks. */
export async function stationDetail(q: Queryable, user: SessionUser, provinceCode: string, id: number): Promise<Row> {
  const station = await visibleStation(q, user, provinceCode, id)
  const history = await q.many(SELECT_HISTORY, [id])
  const fieldChecks = await q.many(SELECT_FIELD_CHECKS, [id])
  return { ...decorate(station, user), history, fieldChecks }
}

/** Adds the lifecycle status and the actions open to the user. */
export function decorate(station: Row, user: SessionUser): Row {
  const state = station.state as State
  return { ...station, status: statusOf(state), allowedActions: allowedActions(state, user.role) }
}

/** Checks the place of a position and runs every rule; outside the province is a 422 naming `path`. */
export async function placeAndCheck(
  q: Queryable,
  provinceCode: string,
  at: LonLat,
  candidate: Candidate,
  excludeId: number | null,
  path: string,
) {
  const facts = await gatherFacts(q, provinceCode, at, excludeId)
  if (!facts.inProvince)
    throw invalid('station.outside_province', [
      fieldError(path, 'station.point_outside', { lon: at.lon, lat: at.lat, province: provinceCode }),
    ])
  return { districtCode: facts.district?.code ?? null, results: evaluateRules(facts, candidate) }
}

async function checkEvent(
  q: Queryable,
  provinceCode: string,
  eventId: number | null | undefined,
  errors: FieldError[],
) {
  if (eventId == null) return
  if (!(await eventExists(q, provinceCode, eventId)))
    errors.push(fieldError('body.eventId', 'event.unknown', { id: eventId }))
}

export interface NewStation extends Omit<CreateBody, 'position' | 'operator' | 'sharedOperators'> {
  at: LonLat
  sharedCarrierIds: number[]
}

/** Resolves and validates a create request; answers the station to insert or throws 400/422 naming each field. */
export async function prepareNew(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  body: CreateBody,
  prefix = 'body',
): Promise<NewStation> {
  const shape = shapeErrors(body, prefix)
  if (shape.length > 0) throw badRequest('station.invalid', shape)
  const errors: FieldError[] = []
  if (body.operator !== undefined && !(await ownShortName(q, user, body.operator))) {
    errors.push(fieldError(`${prefix}.operator`, 'station.not_your_operator', { operator: body.operator }))
  }
  const sharedCarrierIds = await operatorIds(q, body.sharedOperators ?? [], `${prefix}.sharedOperators`, errors)
  await checkEvent(q, provinceCode, body.eventId, errors)
  if (errors.length > 0) throw invalid('station.invalid', errors)
  const { position, operator: _operator, sharedOperators: _shared, ...rest } = body
  return { ...rest, at: await toLonLat(q, provinceCode, position, `${prefix}.position`), sharedCarrierIds }
}

async function ownShortName(q: Queryable, user: SessionUser, name: string): Promise<boolean> {
  return (await q.maybeOne(OWN_SHORT_NAME, [user.carrierId, name])) !== undefined
}

/** Inserts a prepared draft with its rule results, history and audit row; answers the stored station. */
export async function insertDraft(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  s: NewStation,
  requestId: string | undefined,
  path = 'body.position',
): Promise<Row> {
  const candidate: Candidate = {
    carrierId: user.carrierId!,
    mastClass: s.mastClass,
    mastHeightM: s.mastHeightM,
    buildingHeightM: s.buildingHeightM ?? null,
    reachBeyondEdgeM: s.reachBeyondEdgeM ?? null,
  }
  const { districtCode, results } = await placeAndCheck(tx, provinceCode, s.at, candidate, null, path)
  const { id } = await tx.one<{ id: number }>(INSERT_STATION, [
    provinceCode,
    user.carrierId,
    s.sharedCarrierIds,
    s.siteCode,
    s.name ?? null,
    s.address ?? null,
    s.at.lon,
    s.at.lat,
    districtCode,
    s.mastClass,
    s.camouflageKind ?? null,
    s.mastHeightM,
    s.buildingHeightM ?? null,
    s.technologies,
    'draft',
    s.temporary,
    s.mobile,
    s.eventId ?? null,
    s.validFrom ?? null,
    s.validTo ?? null,
    JSON.stringify(results),
    s.reachBeyondEdgeM ?? null,
  ])
  const after = await readStation(tx, id)
  await recordChange(tx, user, { action: 'create', before: null, after }, requestId)
  return after
}

/** Creates a carrier's draft application. */
export async function createStation(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  body: CreateBody,
  requestId: string | undefined,
): Promise<Row> {
  const prepared = await prepareNew(tx, user, provinceCode, body)
  return decorate(await insertDraft(tx, user, provinceCode, prepared, requestId), user)
}

function mergedShape(before: Row, body: UpdateBody) {
  const pick = <K extends keyof UpdateBody>(key: K, current: unknown) => (body[key] === undefined ? current : body[key])
  return {
    siteCode: pick('siteCode', before.siteCode) as string,
    name: pick('name', before.name) as string | null,
    address: pick('address', before.address) as string | null,
    mastClass: pick('mastClass', before.mastClass) as Candidate['mastClass'],
    camouflageKind: pick('camouflageKind', before.camouflageKind) as string | null,
    mastHeightM: pick('mastHeightM', before.mastHeightM) as number,
    buildingHeightM: pick('buildingHeightM', before.buildingHeightM) as number | null,
    reachBeyondEdgeM: pick('reachBeyondEdgeM', before.reachBeyondEdgeM) as number | null,
    technologies: pick('technologies', before.technologies) as string[],
    temporary: pick('temporary', before.temporary) as boolean,
    mobile: pick('mobile', before.mobile) as boolean,
    eventId: pick('eventId', before.eventId) as number | null,
    validFrom: pick('validFrom', before.validFrom) as string | null,
    validTo: pick('validTo', before.validTo) as string | null,
  }
}

/**
 * Changes a station's attributes or position and re-runs the rules. The carrier may edit only drafts and
 * returned applications; an officer may correct any live record. A stale `version` answers 409.
 */
export async function updateStation(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  id: number,
  body: UpdateBody,
  requestId: string | undefined,
): Promise<Row> {
  const before = await visibleStation(tx, user, provinceCode, id)
  if (before.version !== body.version)
    throw conflict(msg('station.stale', { have: before.version as number, sent: body.version }))
  const state = before.state as State
  if (user.role === 'carrier' ? !CARRIER_EDITABLE.includes(state) : state === 'decommissioned') {
    throw conflict(msg('station.locked', { state, byCarrier: user.role === 'carrier' }))
  }
  const next = mergedShape(before, body)
  await refuseMastChangeInProgramme(tx, id, before, next)
  const shape = shapeErrors(next)
  if (shape.length > 0) throw badRequest('station.invalid', shape)
  const errors: FieldError[] = []
  if (body.operator !== undefined && body.operator !== (before.operator as { shortName: string }).shortName) {
    errors.push({ path: 'body.operator', message: 'station.operator_fixed' })
  }
  const shared =
    body.sharedOperators === undefined
      ? null
      : await operatorIds(tx, body.sharedOperators, 'body.sharedOperators', errors)
  await checkEvent(tx, provinceCode, body.eventId, errors)
  if (errors.length > 0) throw invalid('station.invalid', errors)
  const [lon, lat] = (before.position as { coordinates: [number, number] }).coordinates
  const at = body.position ? await toLonLat(tx, provinceCode, body.position as Position, 'body.position') : { lon, lat }
  const carrierId = (before.operator as { id: number }).id
  const { districtCode, results } = await placeAndCheck(
    tx,
    provinceCode,
    at,
    {
      carrierId,
      mastClass: next.mastClass,
      mastHeightM: next.mastHeightM,
      buildingHeightM: next.buildingHeightM,
      reachBeyondEdgeM: next.reachBeyondEdgeM,
    },
    id,
    'body.position',
  )
  const sharedIds = shared ?? (await currentSharedIds(tx, id))
  const updated = await tx.maybeOne(UPDATE_STATION, [
    id,
    body.version,
    sharedIds,
    next.siteCode,
    next.name,
    next.address,
    at.lon,
    at.lat,
    districtCode,
    next.mastClass,
    next.camouflageKind,
    next.mastHeightM,
    next.buildingHeightM,
    next.technologies,
    next.temporary,
    next.mobile,
    next.eventId,
    next.validFrom,
    next.validTo,
    JSON.stringify(results),
    next.reachBeyondEdgeM,
  ])
  if (!updated) throw conflict('station.changed_concurrently')
  const after = await readStation(tx, id)
  await recordChange(tx, user, { action: 'update', before, after }, requestId)
  return decorate(after, user)
}

/**
 * A mast in a conversion programme changes class or height only when an inspector verifies the conversion,
 * so that the programme's figures and the station's history tell the same story.
 */
async function refuseMastChangeInProgramme(
  q: Queryable,
  id: number,
  before: Row,
  next: ReturnType<typeof mergedShape>,
): Promise<void> {
  const changes =
    next.mastClass !== before.mastClass ||
    next.camouflageKind !== before.camouflageKind ||
    Number(next.mastHeightM) !== Number(before.mastHeightM)
  if (!changes) return
  const programme = await openConversionProgramme(q, id)
  if (programme !== null) {
    throw conflict(msg('station.in_programme', { programme: String(programme) }))
  }
}

async function currentSharedIds(q: Queryable, id: number): Promise<number[]> {
  return (await q.one<{ ids: number[] }>(SHARED_CARRIER_IDS, [id])).ids
}

/**
 * Runs the rules for a position and attributes without storing anything (the "check while drawing" call), and
 * says whether the site is in the carrier's approved plan.
 */
export async function previewRules(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  body: CreateBody,
): Promise<{ districtCode: string | null; results: RuleResult[]; inPlan: InPlan | null }> {
  const s = await prepareNew(q, user, provinceCode, body)
  const checked = await placeAndCheck(
    q,
    provinceCode,
    s.at,
    {
      carrierId: user.carrierId!,
      mastClass: s.mastClass,
      mastHeightM: s.mastHeightM,
      buildingHeightM: s.buildingHeightM ?? null,
      reachBeyondEdgeM: s.reachBeyondEdgeM ?? null,
    },
    null,
    'body.position',
  )
  return { ...checked, inPlan: await inPlanAt(q, provinceCode, user.carrierId!, s.at) }
}
