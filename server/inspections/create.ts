// Creating inspections, in bulk: the officer's assignment, a campaign's generated inspections, a citizen report's
// inspection, and the post-construction inspection a built station waits for. Imports nothing of the other
// domains, so that they can call it.
import type { Queryable } from '../db/index'
import { audit, auditMany, type Actor } from '../audit/audit'
import { formatDateVi, formatVi } from '../cables/format'
import { addNotification } from '../notifications/service'
import { fieldError, type FieldError, invalid } from '../http/problems'
import type { AssetKind, Purpose } from './schemas'
import {
  ACTIVE_INSPECTORS,
  ASSETS_OF,
  CANCEL_OPEN_POST_CONSTRUCTION,
  INSERT_INSPECTIONS,
  OPEN_POST_CONSTRUCTION,
} from './sql'

/** One inspection to create. No inspector: an officer assigns one later. */
export interface NewInspection {
  assetKind: AssetKind
  assetId: number
  purpose: Purpose
  inspectorId?: number | null
  dueOn?: string | null
  campaignId?: number | null
  ticketId?: number | null
}

/**
 * Creates inspections of assets of the province in one statement, with one audit row each, in the caller's
 * transaction. Each asset must exist in the province (a station not as a draft) and each inspector must be an
 * active inspector; otherwise 422 naming each bad row at `rows.<i>.assetId` / `rows.<i>.inspectorId`, and nothing
 * is created. Each inspection keeps the asset's current version and responsible carrier. Answers the new ids in
 * the order of `rows`.
 */
export async function createInspections(
  tx: Queryable,
  user: Actor,
  provinceCode: string,
  rows: NewInspection[],
  requestId?: string,
): Promise<number[]> {
  if (rows.length === 0) return []
  const assets = await tx.many<{ n: number; version: number | null; carrierId: number | null }>(ASSETS_OF, [
    provinceCode,
    rows.map((r) => r.assetKind),
    rows.map((r) => r.assetId),
  ])
  const inspectorIds = [...new Set(rows.flatMap((r) => (r.inspectorId ? [r.inspectorId] : [])))]
  const active = new Set(
    inspectorIds.length === 0
      ? []
      : (await tx.many<{ id: number }>(ACTIVE_INSPECTORS, [inspectorIds])).map((r) => Number(r.id)),
  )
  const errors: FieldError[] = []
  rows.forEach((r, i) => {
    if (assets[i]?.version == null)
      errors.push(fieldError(`rows.${i}.assetId`, 'inspection.no_asset', { kind: r.assetKind, id: r.assetId }))
    if (r.inspectorId && !active.has(r.inspectorId))
      errors.push(fieldError(`rows.${i}.inspectorId`, 'inspection.not_inspector', { id: r.inspectorId }))
  })
  if (errors.length > 0) throw invalid('inspection.cannot_create', errors)
  const values = rows.map((r, i) => ({
    assetKind: r.assetKind,
    assetId: r.assetId,
    assetVersion: assets[i]!.version,
    purpose: r.purpose,
    campaignId: r.campaignId ?? null,
    ticketId: r.ticketId ?? null,
    carrierId: assets[i]!.carrierId,
    inspectorId: r.inspectorId ?? null,
    dueOn: r.dueOn ?? null,
  }))
  const created = await tx.many<{ id: number }>(INSERT_INSPECTIONS, [provinceCode, JSON.stringify(values), user.id])
  const ids = created.map((r) => Number(r.id))
  await auditMany(
    tx,
    user,
    values.map((v, i) => ({ action: 'inspection.create', entity: 'inspection', entityId: ids[i], after: v })),
    requestId,
  )
  await tellInspectors(
    tx,
    values.map((v, i) => ({ id: ids[i]!, inspectorId: v.inspectorId, dueOn: v.dueOn })),
  )
  return ids
}

/**
 * Tells each inspector of the inspections just assigned to them, in the caller's transaction: one notification an
 * inspector (a campaign assigns hundreds at once), with how many and the earliest due date.
 */
export async function tellInspectors(
  tx: Queryable,
  assigned: { id: number; inspectorId: number | null; dueOn: string | null }[],
): Promise<void> {
  const byInspector = new Map<number, { ids: number[]; due: string | null }>()
  for (const a of assigned) {
    if (!a.inspectorId) continue
    const entry = byInspector.get(a.inspectorId) ?? { ids: [], due: null }
    entry.ids.push(a.id)
    if (a.dueOn && (!entry.due || a.dueOn < entry.due)) entry.due = a.dueOn
    byInspector.set(a.inspectorId, entry)
  }
  for (const [userId, { ids, due }] of byInspector) {
    const one = ids.length === 1
    const what = {
      vi: one ? `cuộc kiểm tra số ${ids[0]}` : `${formatVi(ids.length)} cuộc kiểm tra`,
      en: one ? `inspection no. ${ids[0]}` : `${ids.length} inspections`,
    }
    const dueVi = due ? (one ? `, hạn ${formatDateVi(due)}` : `, hạn sớm nhất ${formatDateVi(due)}`) : ''
    const dueEn = due ? (one ? `, due ${formatDateVi(due)}` : `, the first due ${formatDateVi(due)}`) : ''
    await addNotification(tx, {
      recipient: { userId },
      entity: 'inspection',
      entityId: String(ids[0]),
      kind: 'inspection.assigned',
      messageVi: `Bạn được giao ${what.vi}${dueVi}.`,
      messageEn: `You have been assigned ${what.en}${dueEn}.`,
    })
  }
}

/**
 * The post-construction inspection a built asset waits for: the open one if there is one, else a new one without
 * an inspector (an officer assigns it), and the officers are told. Answers its id.
 */
export async function requestPostConstruction(
  tx: Queryable,
  user: Actor,
  provinceCode: string,
  asset: { kind: AssetKind; id: number; label: string },
  requestId?: string,
): Promise<number> {
  const open = await tx.maybeOne<{ id: number }>(OPEN_POST_CONSTRUCTION, [asset.kind, asset.id])
  if (open) return Number(open.id)
  const [id] = await createInspections(
    tx,
    user,
    provinceCode,
    [{ assetKind: asset.kind, assetId: asset.id, purpose: 'post_construction' }],
    requestId,
  )
  await addNotification(tx, {
    recipient: { role: 'officer' },
    entity: 'inspection',
    entityId: String(id),
    kind: 'post_construction_requested',
    messageVi: `Trạm ${asset.label} chờ kiểm tra sau xây dựng: hãy giao thanh tra viên.`,
    messageEn: `Station ${asset.label} awaits its post-construction inspection: assign an inspector.`,
  })
  return id!
}

/** Cancels the open post-construction inspection of an asset (waived, or the asset is gone), with audit rows. */
export async function cancelPostConstruction(
  tx: Queryable,
  user: Actor,
  asset: { kind: AssetKind; id: number },
  reason: string,
  requestId?: string,
): Promise<void> {
  const cancelled = await tx.many<{ id: number }>(CANCEL_OPEN_POST_CONSTRUCTION, [asset.kind, asset.id])
  for (const row of cancelled) {
    const entry = { action: 'inspection.cancel', entity: 'inspection', entityId: row.id, after: { reason } }
    await audit(tx, user, entry, requestId)
  }
}
