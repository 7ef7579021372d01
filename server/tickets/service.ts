// Citizen reports (1022): the decisions. A report is placed in the province, numbered, linked to the nearest assets
// of its category's kind and given its SLA deadline; the office assigns it to a carrier and an inspector; the
// carrier answers and resolves it with a photo; the reporter looks its status up by number and code.
import crypto from 'node:crypto'
import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit, type Actor } from '../audit/audit'
import { addNotification } from '../notifications/service'
import { conflict, fieldError, forbidden, invalid, msg, notFound } from '../http/problems'
import { gateGeometry } from '../geo/gate'
import { placeGeometry } from '../geo/service'
import { vietnamToday } from '../time'
import type { ListQuery, ReportBody, TransitionBody } from './schemas'
import * as sql from './sql'
import {
  allowedActions,
  ASSET_OF,
  CATEGORIES,
  LINK_RADIUS_M,
  step,
  type AssetKind,
  type Category,
  type Status,
} from './workflow'

/** Who wrote a public report in the audit trail: nobody signed in. */
export const PUBLIC_ACTOR: Actor = { id: null, username: 'public' }

/** Assets found near a report and kept with it. */
export const LINKED_ASSETS = 3

/** The check code's letters: no 0/O, 1/I/L that a reporter could misread from a phone's screen. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
/** Six letters of 31: ~887 million codes, against a lookup limited to a few dozen tries per address. */
export function newCheckCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)]).join('')
}

/** The categories' names in notifications (the client has its own labels). */
const CATEGORY_NAME: Record<Category, { vi: string; en: string }> = {
  cable_sagging: { vi: 'cáp võng, rơi', en: 'sagging or fallen cable' },
  pole_unsafe: { vi: 'cột không an toàn', en: 'unsafe pole' },
  bts_construction: { vi: 'xây dựng trạm BTS', en: 'BTS construction' },
  emf_concern: { vi: 'lo ngại sóng điện từ', en: 'EMF concern' },
  cable_unlicensed: { vi: 'cáp không phép', en: 'unlicensed cable' },
}

const isOffice = (user: SessionUser) => user.role === 'officer' || user.role === 'admin'

const NEAREST: Record<AssetKind, string> = {
  pole: sql.NEAREST_POLES,
  cable_route: sql.NEAREST_ROUTES,
  station: sql.NEAREST_STATIONS,
}

export interface LinkedAsset {
  assetKind: AssetKind
  assetId: number
  label: string
  carrierId: number | null
  distanceM: number
}

/** The nearest assets of a kind within its radius of a place, nearest first (KNN on the GiST index, in sql.ts). */
export async function nearestAssets(
  q: Queryable,
  provinceCode: string,
  kind: AssetKind,
  lon: number,
  lat: number,
  limit = LINKED_ASSETS,
): Promise<LinkedAsset[]> {
  return q.many<LinkedAsset>(NEAREST[kind], [lon, lat, provinceCode, LINK_RADIUS_M[kind], limit])
}

/**
 * The reported place through the one geometry gate (finite, inside Việt Nam), then inside the province (its
 * outline with the usual tolerance): a report from elsewhere is not the province's to handle.
 */
async function placeReport(q: Queryable, provinceCode: string, p: { lon: number; lat: number }): Promise<void> {
  const path = 'body.position'
  const gated = gateGeometry({ type: 'Point', coordinates: [p.lon, p.lat] }, { types: ['Point'] })
  if (!gated.ok)
    throw invalid(
      'position.invalid',
      gated.errors.map((e) => ({ path, message: e.message })),
    )
  const placed = await placeGeometry(q, gated.geometry, { provinceCode, noun: 'place' })
  if (!placed.ok) throw invalid('ticket.outside_province', [fieldError(path, 'ticket.outside_province')])
}

/** What the reporter is given: the number and code to look the status up with, and what happens next. */
export interface ReportReceipt {
  id: number
  number: string
  checkCode: string
  status: Status
  category: Category
  districtName: string | null
  createdAt: string
  dueAt: string
}

/**
 * Records a report: from the public form (`user` null, channel web) or an officer's intake of a phone call
 * (channel phone). Numbered per province and year, linked to the nearest assets, with its SLA deadline from the
 * province's table, a status event, an audit row without the reporter's contact, and a notification to the office.
 */
export async function createReport(
  tx: Queryable,
  user: SessionUser | null,
  provinceCode: string,
  body: ReportBody,
  requestId: string | undefined,
): Promise<ReportReceipt> {
  const { lon, lat } = body.position
  await placeReport(tx, provinceCode, body.position)
  const place = await tx.one<{ districtCode: string | null; districtName: string | null }>(sql.DISTRICT_AT, [
    lon,
    lat,
    provinceCode,
  ])
  const sla = await tx.maybeOne<{ hours: number }>(sql.SLA_HOURS, [provinceCode, body.category])
  if (!sla) throw conflict(msg('ticket.no_sla', { category: body.category }))
  const assets = await nearestAssets(tx, provinceCode, ASSET_OF[body.category], lon, lat)
  const year = Number(vietnamToday().slice(0, 4))
  const { last } = await tx.one<{ last: number }>(sql.NEXT_NUMBER, [provinceCode, year])
  const number = `1022-${year}-${String(last).padStart(6, '0')}`
  const checkCode = newCheckCode()
  const linked = assets[0]
  const contactName = body.contact?.name || null
  const contactPhone = body.contact?.phone || null
  const row = await tx.one<{ id: number; number: string; status: Status; createdAt: Date; dueAt: Date }>(
    sql.INSERT_TICKET,
    [
      provinceCode,
      number,
      checkCode,
      user ? 'phone' : 'web',
      body.category,
      body.description,
      body.placeNote || null,
      lon,
      lat,
      place.districtCode,
      contactName,
      contactPhone,
      linked?.assetKind ?? null,
      linked?.assetId ?? null,
      sla.hours,
      user?.id ?? null,
    ],
  )
  for (const [i, a] of assets.entries())
    await tx.exec(sql.INSERT_TICKET_ASSET, [row.id, i + 1, a.assetKind, a.assetId, a.label, a.carrierId, a.distanceM])
  await tx.exec(sql.INSERT_EVENT, [row.id, 'create', null, 'received', user?.id ?? null, null, false])
  await audit(
    tx,
    user ?? PUBLIC_ACTOR,
    {
      action: 'ticket.create',
      entity: 'ticket',
      entityId: row.id,
      // the reporter's contact is personal data: the trail records only that one was given
      after: {
        number,
        channel: user ? 'phone' : 'web',
        category: body.category,
        districtCode: place.districtCode,
        asset: linked ? { kind: linked.assetKind, id: linked.assetId, distanceM: linked.distanceM } : null,
        slaHours: sla.hours,
        contactGiven: contactName !== null || contactPhone !== null,
      },
    },
    requestId,
  )
  const name = CATEGORY_NAME[body.category]
  await addNotification(tx, {
    recipient: { role: 'officer' },
    entity: 'ticket',
    entityId: String(row.id),
    kind: 'ticket.received',
    messageVi: `Phản ánh 1022 mới ${number}: ${name.vi}${place.districtName ? `, ${place.districtName}` : ''}.`,
    messageEn: `New 1022 report ${number}: ${name.en}${place.districtName ? `, ${place.districtName}` : ''}.`,
  })
  return {
    id: row.id,
    number: row.number,
    checkCode,
    status: row.status,
    category: body.category,
    districtName: place.districtName,
    createdAt: row.createdAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
  }
}

/** The parameters of a user's scope (after the province). */
function scopeParams(user: SessionUser, param: 'none' | 'carrier' | 'inspector'): unknown[] {
  if (param === 'carrier') return [user.carrierId]
  if (param === 'inspector') return [user.id]
  return []
}

/** The WHERE clause of a user's filtered list, scope first; parameters from $1. */
function listWhere(user: SessionUser, provinceCode: string, f: Partial<ListQuery>) {
  const scope = sql.ticketScope(user.role, 1)
  const params: unknown[] = [provinceCode, ...scopeParams(user, scope.param)]
  const parts = [scope.sql]
  const add = (filter: keyof typeof sql.FILTERS, value: unknown) => {
    params.push(value)
    parts.push(sql.FILTERS[filter](`$${params.length}`))
  }
  if (f.status) add('status', f.status)
  if (f.category) add('category', f.category)
  if (f.district) add('district', f.district)
  if (f.carrier !== undefined && user.role !== 'carrier') add('carrier', f.carrier)
  if (f.channel) add('channel', f.channel)
  if (f.number) add('number', `%${f.number}%`)
  if (f.overdue !== undefined) parts.push(f.overdue ? sql.OVERDUE_ONLY : sql.NOT_OVERDUE)
  return { sql: parts.join(' AND '), params }
}

/** Adds what the user may do next. */
function decorate(ticket: Row, user: SessionUser): Row {
  return { ...ticket, allowedActions: allowedActions(ticket.status as Status, user.role) }
}

/**
 * One page of the tickets a user may see (office: all; inspector: assigned to them; carrier: assigned to it),
 * overdue first, then by deadline; the reporter's contact only in the office's answer.
 */
export async function listTickets(q: Queryable, user: SessionUser, provinceCode: string, query: ListQuery) {
  const where = listWhere(user, provinceCode, query)
  const n = where.params.length
  const items = await q.many(sql.ticketPage(where.sql, n, isOffice(user)), [...where.params, query.limit, query.offset])
  const { total } = await q.one<{ total: number }>(sql.countTickets(where.sql), where.params)
  return { items: items.map((t) => decorate(t, user)), total, offset: query.offset, limit: query.limit }
}

/** Rows an export holds at most (a province's tickets of a few years). */
export const MAX_EXPORT_ROWS = 20_000

/**
 * The filtered tickets as CSV rows (header first) in the list's order. The reporter's name and phone are columns
 * of the office's file only: a carrier's or an inspector's has no such column at all.
 */
export async function exportTickets(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  query: Omit<ListQuery, 'limit' | 'offset'>,
): Promise<unknown[][]> {
  const where = listWhere(user, provinceCode, query)
  const n = where.params.length
  const office = isOffice(user)
  const rows = await q.many(sql.ticketPage(where.sql, n, office), [...where.params, MAX_EXPORT_ROWS, 0])
  const columns = [
    'number',
    'channel',
    'category',
    'status',
    'districtCode',
    'districtName',
    'lon',
    'lat',
    'assetKind',
    'assetLabel',
    'carrierName',
    'inspectorName',
    'slaHours',
    'createdAt',
    'dueAt',
    'overdue',
    'respondedAt',
    'resolvedAt',
    'description',
    'carrierResponse',
    'resolutionNote',
    ...(office ? ['reporterName', 'reporterPhone'] : []),
  ]
  const cell = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'boolean' ? String(v) : v)
  return [columns, ...rows.map((r) => columns.map((c) => cell(r[c])))]
}

/** A ticket the user may reach, or 404 (another carrier's ticket is "not found", not "forbidden"). */
export async function visibleTicket(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  id: number,
  lock = false,
): Promise<Row> {
  const scope = sql.ticketScope(user.role, 2)
  const row = await q.maybeOne(sql.ticketById(scope.sql, isOffice(user), lock), [
    id,
    provinceCode,
    ...scopeParams(user, scope.param),
  ])
  if (!row) throw notFound('ticket.not_found')
  return row
}

/** A ticket with its linked assets, photos (the EXIF time and place for the department only) and steps. */
export async function ticketDetail(q: Queryable, user: SessionUser, provinceCode: string, id: number): Promise<Row> {
  const ticket = await visibleTicket(q, user, provinceCode, id)
  const office = isOffice(user)
  const assets = await q.many(sql.TICKET_ASSETS, [id])
  const photos = (await q.many(sql.TICKET_PHOTOS, [id])).map((p) => ({
    ...p,
    // the photo's own EXIF position stays with the department; carriers get the copy without metadata
    ...(office || user.role === 'inspector' ? {} : { takenAt: null, lon: null, lat: null }),
    url: `/api/tickets/photos/${p.id}`,
  }))
  const events = await q.many(sql.TICKET_EVENTS, [id])
  return { ...decorate(ticket, user), assets, photos, events }
}

/**
 * Takes one step through the transition table (403 for a role that never may, 409 when stale or not from this
 * status), writes the ticket with its version, a status event, an audit row and the notifications.
 */
export async function transitionTicket(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  id: number,
  body: TransitionBody,
  requestId: string | undefined,
  createInspection: InspectionMaker,
): Promise<Row> {
  const before = await visibleTicket(tx, user, provinceCode, id, true)
  const found = step(before.status as Status, body.action, user.role)
  if (!found.ok && found.reason === 'role') throw forbidden(msg('ticket.role', { action: body.action }))
  if (before.version !== body.version)
    throw conflict(msg('ticket.stale', { have: before.version as number, sent: body.version }))
  if (!found.ok) throw conflict(msg('ticket.bad_action', { status: String(before.status), action: body.action }))

  const next = {
    status: found.to,
    carrierId: before.carrierId as number | null,
    inspectorId: before.inspectorId as number | null,
    assetKind: before.assetKind as AssetKind | null,
    assetId: before.assetId as number | null,
    response: before.carrierResponse as string | null,
    respondedAt: before.respondedAt as Date | null,
    resolution: before.resolutionNote as string | null,
    resolvedAt: before.resolvedAt as Date | null,
  }
  let note: string | null = null
  let publicNote = false
  const notices: { carrierId?: number; role?: string; vi: string; en: string; kind: string }[] = []
  let newInspector: { id: number; displayName: string } | null = null

  if (body.action === 'assign') {
    if (body.asset) {
      const asset = await tx.one<{ label: string | null }>(sql.ASSET_EXISTS, [
        body.asset.kind,
        body.asset.id,
        provinceCode,
      ])
      if (asset.label === null)
        throw invalid('ticket.no_such_asset', [fieldError('body.asset', 'ticket.no_such_asset')])
      next.assetKind = body.asset.kind
      next.assetId = body.asset.id
    }
    const linked = (
      await tx.many<{ assetKind: string; assetId: number; carrierId: number | null }>(sql.TICKET_ASSETS, [id])
    ).find((a) => a.assetKind === next.assetKind && a.assetId === next.assetId)
    next.carrierId = body.carrierId === undefined ? (linked?.carrierId ?? next.carrierId) : body.carrierId
    if (next.carrierId !== null && !(await tx.maybeOne(sql.CARRIER, [next.carrierId])))
      throw invalid('ticket.no_such_carrier', [fieldError('body.carrierId', 'ticket.no_such_carrier')])
    if (body.inspectorId !== undefined && body.inspectorId !== null && body.inspectorId !== before.inspectorId) {
      newInspector =
        (await tx.maybeOne<{ id: number; displayName: string }>(sql.ACTIVE_INSPECTOR, [body.inspectorId])) ?? null
      if (!newInspector)
        throw invalid('ticket.no_such_inspector', [fieldError('body.inspectorId', 'ticket.no_such_inspector')])
      if (next.assetKind === null || next.assetId === null)
        throw invalid('ticket.inspect_needs_asset', [fieldError('body.inspectorId', 'ticket.inspect_needs_asset')])
    }
    if (body.inspectorId !== undefined) next.inspectorId = body.inspectorId
    if (next.carrierId === null && next.inspectorId === null)
      throw invalid('ticket.assign_someone', [fieldError('body.carrierId', 'ticket.assign_someone')])
    note = body.note ?? null
    const name = CATEGORY_NAME[before.category as Category]
    if (next.carrierId !== null && next.carrierId !== before.carrierId)
      notices.push({
        carrierId: next.carrierId,
        kind: 'ticket.assigned',
        vi: `Sở giao phản ánh ${before.number} (${name.vi}) cho doanh nghiệp xử lý.`,
        en: `The department assigned report ${before.number} (${name.en}) to you.`,
      })
  } else if (body.action === 'respond') {
    next.response = body.response
    next.respondedAt = new Date()
    note = body.response
    notices.push({
      role: 'officer',
      kind: 'ticket.responded',
      vi: `Doanh nghiệp đã trả lời phản ánh ${before.number}.`,
      en: `The carrier answered report ${before.number}.`,
    })
  } else if (body.action === 'resolve') {
    const { n } = await tx.one<{ n: number }>(sql.COUNT_PHOTOS, [id, 'resolution'])
    if (n === 0) throw conflict('ticket.resolution_photo')
    next.resolution = body.note
    next.resolvedAt = new Date()
    note = body.note
    publicNote = true
    if (user.role === 'carrier')
      notices.push({
        role: 'officer',
        kind: 'ticket.resolved',
        vi: `Doanh nghiệp báo đã xử lý xong phản ánh ${before.number}.`,
        en: `The carrier resolved report ${before.number}.`,
      })
  } else if (body.action === 'reject') {
    note = body.note
    publicNote = true
    next.resolution = body.note
  } else if (body.action === 'reopen') {
    note = body.note ?? null
    next.resolution = null
    next.resolvedAt = null
  }
  if (next.status !== 'resolved') next.resolvedAt = null
  if (['reject', 'reopen'].includes(body.action) && before.carrierId !== null)
    notices.push({
      carrierId: before.carrierId as number,
      kind: `ticket.${body.action}`,
      vi: `Sở đã ${body.action === 'reject' ? 'đóng' : 'mở lại'} phản ánh ${before.number}.`,
      en: `The department ${body.action === 'reject' ? 'closed' : 'reopened'} report ${before.number}.`,
    })

  const updated = await tx.maybeOne<{ version: number }>(sql.UPDATE_TICKET, [
    id,
    body.version,
    next.status,
    next.carrierId,
    next.inspectorId,
    next.assetKind,
    next.assetId,
    next.response,
    next.respondedAt,
    next.resolution,
    next.resolvedAt,
  ])
  if (!updated) throw conflict(msg('ticket.stale', { have: before.version as number, sent: body.version }))
  if (newInspector) {
    const inspectionId = await createInspection(
      tx,
      user,
      provinceCode,
      {
        ticketId: id,
        assetKind: next.assetKind!,
        assetId: next.assetId!,
        inspectorId: newInspector.id,
        dueOn: vietnamDay(before.dueAt as Date),
      },
      requestId,
    )
    await tx.exec(sql.SET_INSPECTION, [id, inspectionId])
  }
  await tx.exec(sql.INSERT_EVENT, [id, body.action, before.status, next.status, user.id, note, publicNote])
  await audit(
    tx,
    user,
    {
      action: `ticket.${body.action}`,
      entity: 'ticket',
      entityId: id,
      before: {
        number: before.number,
        status: before.status,
        carrierId: before.carrierId,
        inspectorId: before.inspectorId,
      },
      after: {
        number: before.number,
        status: next.status,
        carrierId: next.carrierId,
        inspectorId: next.inspectorId,
        asset: next.assetKind ? { kind: next.assetKind, id: next.assetId } : null,
        ...(note ? { note } : {}),
      },
    },
    requestId,
  )
  for (const n of notices)
    await addNotification(tx, {
      recipient: n.carrierId !== undefined ? { carrierId: n.carrierId } : { role: n.role! },
      entity: 'ticket',
      entityId: String(id),
      kind: n.kind,
      messageVi: n.vi,
      messageEn: n.en,
    })
  return ticketDetail(tx, user, provinceCode, id)
}

/** The calendar day in Vietnam of an instant (an inspection is due on a day). */
function vietnamDay(at: Date): string {
  return vietnamToday(at)
}

/** What a ticket asks of the inspections domain: one inspection of its asset, purpose citizen_report. */
export interface InspectionRequest {
  ticketId: number
  assetKind: AssetKind
  assetId: number
  inspectorId: number
  dueOn: string
}
/** Creates the inspection in the caller's transaction and answers its id. */
export type InspectionMaker = (
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  request: InspectionRequest,
  requestId: string | undefined,
) => Promise<number>

/** The active inspectors a ticket can be given to. */
export function inspectors(q: Queryable): Promise<Row[]> {
  return q.many(sql.INSPECTORS)
}

// ---- the public lookup ---------------------------------------------------------------------------------------

/**
 * The status as the reporter may see it, by number and check code (404 alike for a wrong number or code): status,
 * category, district, dates, the public notes and photos. Never the reporter's contact, the description (which
 * may name people) or the exact place.
 */
export async function publicLookup(q: Queryable, provinceCode: string, number: string, code: string): Promise<Row> {
  const ticket = await q.maybeOne(sql.PUBLIC_TICKET, [provinceCode, number, code])
  if (!ticket) throw notFound('ticket.not_found')
  const id = ticket.id as number
  const events = await q.many(sql.PUBLIC_EVENTS, [id])
  const photos = (await q.many<{ id: number; purpose: string; createdAt: Date }>(sql.PUBLIC_PHOTOS, [id])).map((p) => ({
    ...p,
    url: `/api/public/tickets/${number}/photos/${p.id}?code=${code}`,
  }))
  const { id: _id, ...shown } = ticket
  return { ...shown, overdue: isOverdue(ticket), events, photos }
}

function isOverdue(t: Row): boolean {
  return !['resolved', 'rejected'].includes(t.status as string) && (t.dueAt as Date).getTime() < Date.now()
}

/** The ticket behind a number and code (locked when `lock`), or 404. */
export async function publicTicketId(q: Queryable, provinceCode: string, number: string, code: string, lock = false) {
  const ticket = await q.maybeOne<{ id: number; status: Status; createdAt: Date }>(sql.publicTicketRef(lock), [
    provinceCode,
    number,
    code,
  ])
  if (!ticket) throw notFound('ticket.not_found')
  return ticket
}

// ---- SLA -----------------------------------------------------------------------------------------------------

/** The hours to resolve each category in the province (its own value or the default). */
export async function slaTable(q: Queryable, provinceCode: string): Promise<Row[]> {
  const rows = await q.many(sql.SLA_TABLE, [provinceCode])
  return CATEGORIES.map((c) => rows.find((r) => r.category === c)).filter((r): r is Row => r !== undefined)
}

/** Sets the province's hours for a category (new tickets only: a ticket keeps the deadline it was given). */
export async function setSla(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  category: Category,
  hours: number,
  requestId: string | undefined,
): Promise<Row[]> {
  const row = await tx.one<{ before: number | null }>(sql.SET_SLA, [provinceCode, category, hours, user.id])
  await audit(
    tx,
    user,
    {
      action: 'ticket_sla.update',
      entity: 'ticket_sla',
      entityId: `${provinceCode}:${category}`,
      before: row.before === null ? undefined : { category, hours: row.before },
      after: { category, hours },
    },
    requestId,
  )
  return slaTable(tx, provinceCode)
}
