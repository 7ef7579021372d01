// The inspections' decisions apart from recording a result (record.ts), photos (photos.ts) and follow-ups
// (follow-ups.ts): lists, details, assignment, cancelling, checklists and the province's rule values.
import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { conflict, forbidden, msg, notFound } from '../http/problems'
import { inspectionScope, isOffice, scopeParams, type ScopeUse } from './access'
import type { InspectionRules } from './compare'
import { createInspections, tellInspectors } from './create'
import type { AssetKind, ChecklistItem, CreateBody, ListQuery } from './schemas'
import * as sql from './sql'

export { createInspections, requestPostConstruction, cancelPostConstruction, type NewInspection } from './create'

/** A page of the inspections the user may see, filtered. */
export async function listInspections(q: Queryable, user: SessionUser, provinceCode: string, query: ListQuery) {
  const offset = (query.page - 1) * query.limit
  const rows = await q.many<Row & { total: number }>(sql.listInspections(inspectionScope(user)), [
    provinceCode,
    ...scopeParams(user),
    query.mine,
    query.state ?? null,
    query.assetKind ?? null,
    query.assetId ?? null,
    query.campaignId ?? null,
    query.limit,
    offset,
  ])
  const total = rows.length > 0 ? Number(rows[0]!.total) : 0
  return { items: rows.map(({ total: _, ...r }) => r), total, page: query.page, limit: query.limit, offset }
}

/** One inspection the user may see (404 otherwise: nobody learns that an inspection they may not see exists). */
export async function inspectionDetail(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  id: number,
  use: ScopeUse = 'inspections',
): Promise<Row> {
  const scope = inspectionScope(user, use)
  const row = await q.maybeOne(sql.selectInspection(scope), [provinceCode, ...scopeParams(user), id])
  if (!row) throw notFound('inspection.not_found')
  return row
}

/** The recorded inspections of an asset (and, for an inspector, their own open ones), newest first. */
export async function assetInspections(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  kind: AssetKind,
  assetId: number,
) {
  const asset = await q.maybeOne<{ version: number | null; carrierId: number | null }>(sql.SELECT_ASSET, [
    provinceCode,
    kind,
    assetId,
  ])
  if (!asset || asset.version === null) throw notFound('inspection.no_asset_here')
  // a carrier reads the history of its own assets only
  if (user.role === 'carrier' && asset.carrierId !== user.carrierId) throw notFound('inspection.no_asset_here')
  const items = await q.many(sql.assetHistory(inspectionScope(user, 'history')), [
    provinceCode,
    ...scopeParams(user),
    kind,
    assetId,
  ])
  return { items }
}

/** The officer assigns one inspection (an inspector, a due date). */
export async function createOne(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  body: CreateBody,
  requestId: string | undefined,
) {
  const [id] = await createInspections(
    tx,
    user,
    provinceCode,
    [
      {
        assetKind: body.assetKind,
        assetId: body.assetId,
        purpose: body.purpose,
        inspectorId: body.inspectorId ?? null,
        dueOn: body.dueOn ?? null,
      },
    ],
    requestId,
  )
  return inspectionDetail(tx, user, provinceCode, id!)
}

/** (Re)assigns an open inspection to an inspector (the officer), optimistic on its version. */
export async function assignInspection(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  id: number,
  body: { version: number; inspectorId: number; dueOn?: string | null },
  requestId: string | undefined,
) {
  const before = (await inspectionDetail(tx, user, provinceCode, id)) as Row
  if (before.state !== 'assigned') throw conflict(msg('inspection.not_open', { state: String(before.state) }))
  if (before.version !== body.version)
    throw conflict(msg('inspection.stale', { have: before.version as number, sent: body.version }))
  const ok = await tx.maybeOne(sql.ACTIVE_INSPECTORS, [[body.inspectorId]])
  if (!ok) throw conflict(msg('inspection.not_inspector', { id: body.inspectorId }))
  const updated = await tx.maybeOne(sql.ASSIGN_INSPECTION, [id, body.version, body.inspectorId, body.dueOn ?? null])
  if (!updated) throw conflict('inspection.changed_concurrently')
  const after = await inspectionDetail(tx, user, provinceCode, id)
  if (Number(before.inspectorId) !== body.inspectorId)
    await tellInspectors(tx, [{ id, inspectorId: body.inspectorId, dueOn: body.dueOn ?? null }])
  await audit(
    tx,
    user,
    {
      action: 'inspection.assign',
      entity: 'inspection',
      entityId: id,
      before: { inspectorId: before.inspectorId, dueOn: before.dueOn },
      after: { inspectorId: body.inspectorId, dueOn: body.dueOn ?? null },
    },
    requestId,
  )
  return after
}

/** Cancels an open inspection (the officer), with the reason in the audit trail. */
export async function cancelInspection(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  id: number,
  body: { version: number; reason: string },
  requestId: string | undefined,
) {
  const before = (await inspectionDetail(tx, user, provinceCode, id)) as Row
  if (before.state !== 'assigned') throw conflict(msg('inspection.not_open', { state: String(before.state) }))
  if (before.version !== body.version)
    throw conflict(msg('inspection.stale', { have: before.version as number, sent: body.version }))
  if (!(await tx.maybeOne(sql.CANCEL_INSPECTION, [id, body.version]))) throw conflict('inspection.changed_concurrently')
  const entry = { action: 'inspection.cancel', entity: 'inspection', entityId: id, after: { reason: body.reason } }
  await audit(tx, user, entry, requestId)
  return inspectionDetail(tx, user, provinceCode, id)
}

/** The active inspectors an officer may assign, with their open assignments. */
export async function inspectors(q: Queryable, provinceCode: string) {
  return { items: await q.many(sql.INSPECTORS, [provinceCode]) }
}

/** The province's inspection rule values (its own, or the defaults). */
export async function inspectionRules(q: Queryable, provinceCode: string): Promise<InspectionRules> {
  const r = await q.one<InspectionRules>(sql.RULES, [provinceCode])
  return {
    heightToleranceM: Number(r.heightToleranceM),
    positionToleranceM: Number(r.positionToleranceM),
    maxSagCm: r.maxSagCm === null ? null : Number(r.maxSagCm),
    followUpDays: Number(r.followUpDays),
    recheckDays: Number(r.recheckDays),
  }
}

/** Saves the province's rule values (officer, admin), audited with before and after. */
export async function saveRules(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  body: InspectionRules,
  requestId: string | undefined,
): Promise<InspectionRules> {
  const before = await inspectionRules(tx, provinceCode)
  await tx.exec(sql.UPSERT_RULES, [
    provinceCode,
    body.heightToleranceM,
    body.positionToleranceM,
    body.maxSagCm,
    body.followUpDays,
    body.recheckDays,
    user.id,
  ])
  const after = await inspectionRules(tx, provinceCode)
  const entry = { action: 'inspection_rules.update', entity: 'inspection_rules', entityId: provinceCode }
  await audit(tx, user, { ...entry, before, after }, requestId)
  return after
}

export interface Checklist {
  provinceCode: string
  assetKind: AssetKind
  items: ChecklistItem[]
  version: number
  updatedAt: string
}

/** The checklist of an asset kind for the province (its own, or the default). */
export async function checklistOf(q: Queryable, provinceCode: string, kind: AssetKind): Promise<Checklist> {
  return q.one<Checklist>(sql.CHECKLIST, [provinceCode, kind])
}

/** Every kind's checklist for the province. */
export async function checklists(q: Queryable, provinceCode: string): Promise<{ items: Checklist[] }> {
  return { items: await q.many<Checklist>(sql.CHECKLISTS, [provinceCode]) }
}

/** Saves the province's checklist of a kind (officer, admin), optimistic on its version, audited. */
export async function saveChecklist(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  kind: AssetKind,
  body: { version: number; items: ChecklistItem[] },
  requestId: string | undefined,
): Promise<Checklist> {
  if (!isOffice(user)) throw forbidden()
  const before = await checklistOf(tx, provinceCode, kind)
  if (before.version !== body.version)
    throw conflict(msg('inspection.checklist_stale', { have: before.version, sent: body.version }))
  const saved = await tx.maybeOne(sql.SAVE_CHECKLIST, [
    provinceCode,
    kind,
    JSON.stringify(body.items),
    body.version,
    user.id,
  ])
  if (!saved) throw conflict('inspection.changed_concurrently')
  const after = await checklistOf(tx, provinceCode, kind)
  const entry = { action: 'inspection_checklist.update', entity: 'inspection_checklist', entityId: kind }
  await audit(tx, user, { ...entry, before: { version: before.version, items: before.items }, after }, requestId)
  return after
}
