import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { formatNumber } from '../../shared/format'
import { conflict, forbidden, invalid, msg } from '../http/problems'
import { applyMastConversion, shareHostMast } from '../stations/conversion-effects'
import { visibleItem } from './access'
import type { TransitionBody } from './schemas'
import { HOST_OF_ITEM, REPORT_CHECKS, TRANSITION_ITEM } from './sql'
import { allowedActions, heightExcess, step, type Action, type Status } from './workflow'

/** Adds what the user may do next. */
export function decorateItem(item: Row, user: SessionUser): Row {
  return { ...item, allowedActions: allowedActions(item.status as Status, user.role) }
}

// Heights as typed (to the millimetre and beyond): the reason must show why 12,305 m is over 12,3 m.
const vi = (n: number) => formatNumber(n, 'vi', 6)
const en = (n: number) => formatNumber(n, 'en', 6)

/** The automatic reason of a failed height check, in Vietnamese and English. */
export function heightReason(measured: number, target: number, tolerance: number, excess: number): string {
  return (
    `Chiều cao đo được ${vi(measured)} m vượt chiều cao mục tiêu ${vi(target)} m ${vi(excess)} m ` +
    `(dung sai ${vi(tolerance)} m). / ` +
    `Measured height ${en(measured)} m exceeds the ${en(target)} m target by ${en(excess)} m ` +
    `(tolerance ${en(tolerance)} m).`
  )
}

/**
 * Applies a verified conversion to the station through the stations domain, which writes the station, its
 * history (before → after, who, when) and audit in the same transaction. A move onto a shared mast adds the
 * carrier to the host mast.
 */
async function convertStation(
  tx: Queryable,
  user: SessionUser,
  item: Row,
  heightM: number,
  requestId: string | undefined,
): Promise<void> {
  const note = `conversion item ${item.id}: ${item.kind}`
  if (item.kind === 'share') {
    const host = await tx.one<{ id: number }>(HOST_OF_ITEM, [item.id])
    const carrierId = (item.carrier as { id: number }).id
    await shareHostMast(tx, user, { hostStationId: host.id, carrierId, note }, requestId)
    return
  }
  const stationId = (item.station as { id: number }).id
  const toClass = item.kind === 'lower' ? null : (item.toClass as string)
  const toDesign = item.toDesign as string | null
  await applyMastConversion(tx, user, { stationId, toClass, toDesign, heightM, note }, requestId)
}

/**
 * Takes one step of an item through the transition table, with `WHERE id AND version` (409 when stale) and one
 * audit row for the item. A verification whose height check fails becomes `fail_verification` (sent back with
 * the reason); a passing one changes the station in the same transaction.
 */
export async function transitionItem(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  id: number,
  body: TransitionBody,
  requestId: string | undefined,
): Promise<Row> {
  const before = await visibleItem(tx, user, provinceCode, id, true)
  let action: Action = body.action
  let found = step(before.status as Status, action, user.role)
  if (!found.ok && found.reason === 'role') throw forbidden(msg('item.role', { role: user.role, action }))
  if (before.version !== body.version)
    throw conflict(msg('item.stale', { have: before.version as number, sent: body.version }))
  if (!found.ok) throw conflict(msg('item.bad_action', { status: String(before.status), action }))

  let measured: number | null = null
  let completedOn: string | null = null
  let note: string | null = null
  let inspected: number | null = null
  let reasons: string[] | null = null
  if (body.action === 'report') {
    const photos = await tx.one<{ n: number; future: boolean }>(REPORT_CHECKS, [id, body.completedOn])
    const errors = []
    if (photos.n === 0) errors.push({ path: 'photos', message: 'item.after_photo_needed' })
    if (photos.future) errors.push({ path: 'body.completedOn', message: 'item.completed_future' })
    if (errors.length > 0) throw invalid('item.report_incomplete', errors)
    measured = body.measuredHeightM
    completedOn = body.completedOn
    note = body.note ?? null
  }
  if (body.action === 'return') reasons = body.reasons
  if (body.action === 'verify') {
    inspected = body.inspectedHeightM ?? null
    const height = inspected ?? (before.measuredHeightM as number)
    const excess = heightExcess(height, before.toHeightM as number, before.heightToleranceM as number)
    if (excess > 0) {
      action = 'fail_verification'
      found = step(before.status as Status, action, user.role)
      reasons = [
        heightReason(height, before.toHeightM as number, before.heightToleranceM as number, excess),
        ...(body.note ? [body.note] : []),
      ]
    } else {
      await convertStation(tx, user, before, height, requestId)
    }
  }
  if (!found.ok) throw conflict(msg('item.bad_action', { status: String(before.status), action }))

  const updated = await tx.maybeOne(TRANSITION_ITEM, [
    id,
    body.version,
    found.to,
    measured,
    completedOn,
    note,
    inspected,
    user.username,
    reasons,
  ])
  if (!updated) throw conflict('item.changed_concurrently')
  const after = await visibleItem(tx, user, provinceCode, id)
  await audit(
    tx,
    user,
    { action: `conversion.${action}`, entity: 'conversion_item', entityId: id, before, after },
    requestId,
  )
  return decorateItem(after, user)
}
