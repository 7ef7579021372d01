import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { formatNumber } from '../../shared/format'
import { conflict, forbidden, invalid } from '../http/problems'
import { readStation, recordChange } from '../stations/record'
import { visibleItem } from './access'
import type { TransitionBody } from './schemas'
import { CONVERT_STATION, SHARE_HOST, TODAY, TRANSITION_ITEM } from './sql'
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
    `Measured height ${en(measured)} m exceeds the ${en(target)} m target by ${en(excess)} m (tolerance ${en(tolerance)} m).`
  )
}

/**
 * Applies a verified conversion to the station, writing its history (before → after, who, when) through the
 * stations module in the same transaction. A move onto a shared mast adds the carrier to the host mast.
 */
async function convertStation(
  tx: Queryable,
  user: SessionUser,
  item: Row,
  heightM: number,
  requestId: string | undefined,
): Promise<void> {
  const stationId = (item.station as { id: number }).id
  const programmeNote = `conversion item ${item.id}: ${item.kind}`
  if (item.kind === 'share') {
    const hostId = await tx.one<{ id: number }>('SELECT host_station_id AS id FROM conversion_items WHERE id = $1', [
      item.id,
    ])
    const before = await readStation(tx, hostId.id)
    await tx.one(SHARE_HOST, [hostId.id, (item.carrier as { id: number }).id])
    await recordChange(
      tx,
      user,
      { action: 'conversion_share', before, after: await readStation(tx, hostId.id), note: programmeNote },
      requestId,
    )
    return
  }
  const before = await readStation(tx, stationId)
  const toClass = item.kind === 'lower' ? (before.mastClass as string) : (item.toClass as string)
  const design =
    toClass === 'A1c' ? ((item.toDesign as string | null) ?? (before.camouflageKind as string | null)) : null
  await tx.one(CONVERT_STATION, [stationId, toClass, design, heightM])
  const after = await readStation(tx, stationId)
  const note = `${programmeNote}: ${before.mastClass} ${before.mastHeightM} m → ${after.mastClass} ${after.mastHeightM} m`
  await recordChange(tx, user, { action: 'conversion_verified', before, after, note }, requestId)
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
  if (!found.ok && found.reason === 'role') throw forbidden(`The role ${user.role} cannot ${action} a programme item.`)
  if (before.version !== body.version)
    throw conflict(`The item is at version ${before.version}, not ${body.version}; reload it.`)
  if (!found.ok) throw conflict(`An item in status "${before.status}" cannot take the action "${action}".`)

  let measured: number | null = null
  let completedOn: string | null = null
  let note: string | null = null
  let inspected: number | null = null
  let reasons: string[] | null = null
  if (body.action === 'report') {
    const photos = await tx.one<{ n: number; future: boolean }>(
      `SELECT (SELECT count(*) FROM conversion_photos WHERE item_id = $1) AS n, $2::date > ${TODAY} AS future`,
      [id, body.completedOn],
    )
    const errors = []
    if (photos.n === 0)
      errors.push({ path: 'photos', message: 'Upload at least one after-photo before reporting the item done.' })
    if (photos.future)
      errors.push({ path: 'body.completedOn', message: 'The completion date cannot be in the future.' })
    if (errors.length > 0) throw invalid('The report is not complete.', errors)
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
  if (!found.ok) throw conflict(`An item in status "${before.status}" cannot take the action "${action}".`)

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
  if (!updated) throw conflict('The item was changed by someone else at the same time; reload it.')
  const after = await visibleItem(tx, user, provinceCode, id)
  await audit(
    tx,
    user,
    { action: `conversion.${action}`, entity: 'conversion_item', entityId: id, before, after },
    requestId,
  )
  return decorateItem(after, user)
}
