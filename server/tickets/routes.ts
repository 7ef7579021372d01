import type { Response } from 'express'
import type { Api } from '../http/api'
import { deps, inTransaction } from '../http/context'
import { csvDocument } from '../http/csv'
import { readPhotoUpload } from '../http/upload'
import { countRequest } from './limits'
import { addPublicPhoto, addTicketPhoto, readPublicPhoto, readTicketPhoto } from './photos'
import {
  codeQuery,
  idParams,
  listQuery,
  numberParams,
  numberPhotoParams,
  photoQuery,
  reportBody,
  slaBody,
  slaParams,
  transitionBody,
} from './schemas'
import {
  createReport,
  exportTickets,
  inspectors,
  listTickets,
  publicLookup,
  setSla,
  slaTable,
  ticketDetail,
  transitionTicket,
  type InspectionMaker,
} from './service'
import { createTicketInspection } from './inspections'

const TAG = 'tickets'
const OFFICE = ['officer', 'admin'] as const
const STAFF_AND_CARRIERS = ['officer', 'admin', 'inspector', 'carrier'] as const

const sendImage = (res: Response, photo: { mediaType: string; content: Buffer }) => {
  res.type(photo.mediaType).setHeader('X-Content-Type-Options', 'nosniff')
  res.send(photo.content)
  return undefined
}

const inspectionMaker: InspectionMaker = createTicketInspection

/**
 * Citizen reports through the 1022 hotline: the public form and lookup (rate-limited per address, no sign-in),
 * the office's intake of phone calls, lists, steps, photos and the SLA table.
 */
export function ticketRoutes(api: Api): void {
  api.route({
    method: 'post',
    path: '/api/public/tickets',
    summary:
      'Report a problem (no sign-in): place, category, text, optional contact (never shown publicly nor to ' +
      'carriers); answers the ticket number and the check code to look it up; 429 past the per-address limit',
    tag: TAG,
    access: 'public',
    body: reportBody,
    status: 201,
    async handler({ body, req }) {
      const { db, config } = deps(req)
      await countRequest(db, req, 'report')
      return db.transaction((tx) => createReport(tx, null, config.provinceCode, body, req.requestId))
    },
  })

  api.route({
    method: 'post',
    path: '/api/public/tickets/{number}/photos',
    summary:
      'Add a photo to the report just sent (raw body: JPEG, PNG or WebP by content, at most 8 MB: 413, other ' +
      'types: 415), by number and check code, within two hours while it waits for the department',
    tag: TAG,
    access: 'public',
    params: numberParams,
    query: codeQuery,
    status: 201,
    async handler({ params, query, req }) {
      const { db, config } = deps(req)
      await countRequest(db, req, 'photo')
      const photo = await readPhotoUpload(req)
      return db.transaction((tx) =>
        addPublicPhoto(tx, config.provinceCode, params.number, query.code, photo, req.requestId),
      )
    },
  })

  api.route({
    method: 'get',
    path: '/api/public/tickets/{number}',
    summary:
      "A report's status by number and check code: category, district, dates, public notes and photos, " +
      'never personal data (404 alike for a wrong number or code)',
    tag: TAG,
    access: 'public',
    params: numberParams,
    query: codeQuery,
    async handler({ params, query, req }) {
      const { db, config } = deps(req)
      await countRequest(db, req, 'lookup')
      return publicLookup(db, config.provinceCode, params.number, query.code)
    },
  })

  api.route({
    method: 'get',
    path: '/api/public/tickets/{number}/photos/{photoId}',
    summary: "A report's photo as the public sees it: re-encoded, without EXIF (no time, no GPS)",
    tag: TAG,
    access: 'public',
    params: numberPhotoParams,
    query: codeQuery,
    async handler({ params, query, req, res }) {
      const { db, config } = deps(req)
      await countRequest(db, req, 'view')
      return sendImage(res, await readPublicPhoto(db, config.provinceCode, params.number, query.code, params.photoId))
    },
  })

  api.route({
    method: 'post',
    path: '/api/tickets',
    summary: "The office's intake of a phone call: the public form's fields, channel phone",
    tag: TAG,
    access: OFFICE,
    body: reportBody,
    status: 201,
    handler: ({ body, req }) =>
      inTransaction(req, (tx, c) => createReport(tx, c.user, c.provinceCode, body, c.requestId)),
  })

  api.route({
    method: 'get',
    path: '/api/tickets',
    summary:
      'Tickets the user may see (office: all; inspector: assigned to them; carrier: assigned to it, never the ' +
      "reporter's contact), filtered by status, category, district, carrier, overdue; paged",
    tag: TAG,
    access: STAFF_AND_CARRIERS,
    query: listQuery,
    async handler({ query, req }) {
      const { db, config } = deps(req)
      return listTickets(db, req.user!, config.provinceCode, query)
    },
  })

  api.route({
    method: 'get',
    path: '/api/tickets/export.csv',
    summary: "The filtered tickets as CSV (the reporter's contact only in the office's file)",
    tag: TAG,
    access: STAFF_AND_CARRIERS,
    query: listQuery.omit({ limit: true, offset: true }),
    async handler({ query, req, res }) {
      const { db, config } = deps(req)
      const rows = await exportTickets(db.read(), req.user!, config.provinceCode, query)
      res
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', 'attachment; filename="tickets-1022.csv"')
        .send(csvDocument(rows))
      return undefined
    },
  })

  api.route({
    method: 'get',
    path: '/api/tickets/sla',
    summary: 'Hours to resolve a ticket, per category, in the province (its own values or the defaults)',
    tag: TAG,
    access: STAFF_AND_CARRIERS,
    async handler({ req }) {
      const { db, config } = deps(req)
      return { items: await slaTable(db, config.provinceCode) }
    },
  })

  api.route({
    method: 'put',
    path: '/api/tickets/sla/{category}',
    summary: "Set the province's hours for a category (new tickets get the new deadline)",
    tag: TAG,
    access: OFFICE,
    params: slaParams,
    body: slaBody,
    handler: ({ params, body, req }) =>
      inTransaction(req, async (tx, c) => ({
        items: await setSla(tx, c.user, c.provinceCode, params.category, body.hours, c.requestId),
      })),
  })

  api.route({
    method: 'get',
    path: '/api/tickets/inspectors',
    summary: 'The active inspectors a ticket can be given to',
    tag: TAG,
    access: OFFICE,
    async handler({ req }) {
      return { items: await inspectors(deps(req).db) }
    },
  })

  api.route({
    method: 'get',
    path: '/api/tickets/photos/{id}',
    summary: "A ticket photo: the original (EXIF kept) for the department's staff, the copy without it for carriers",
    tag: TAG,
    access: STAFF_AND_CARRIERS,
    params: idParams,
    async handler({ params, req, res }) {
      const { db, config } = deps(req)
      return sendImage(res, await readTicketPhoto(db, req.user!, config.provinceCode, params.id))
    },
  })

  api.route({
    method: 'get',
    path: '/api/tickets/{id}',
    summary: 'One ticket with its linked assets, photos, steps and the actions open to the user',
    tag: TAG,
    access: STAFF_AND_CARRIERS,
    params: idParams,
    async handler({ params, req }) {
      const { db, config } = deps(req)
      return ticketDetail(db, req.user!, config.provinceCode, params.id)
    },
  })

  api.route({
    method: 'post',
    path: '/api/tickets/{id}/transitions',
    summary:
      'Take a step: assign (carrier, default the linked asset’s; inspector → an inspection), respond (carrier), ' +
      'resolve (needs a resolution photo), reject (public reason), reopen',
    tag: TAG,
    access: ['officer', 'admin', 'carrier'],
    params: idParams,
    body: transitionBody,
    handler: ({ params, body, req }) =>
      inTransaction(req, (tx, c) =>
        transitionTicket(tx, c.user, c.provinceCode, params.id, body, c.requestId, inspectionMaker),
      ),
  })

  api.route({
    method: 'post',
    path: '/api/tickets/{id}/photos',
    summary:
      'Add a photo (raw body: JPEG, PNG or WebP by content, at most 8 MB): the office a report or resolution ' +
      'photo, the assigned carrier a resolution photo',
    tag: TAG,
    access: ['officer', 'admin', 'carrier'],
    params: idParams,
    query: photoQuery,
    status: 201,
    async handler({ params, query, req }) {
      const photo = await readPhotoUpload(req)
      return inTransaction(req, (tx, c) =>
        addTicketPhoto(tx, c.user, c.provinceCode, params.id, query.purpose, photo, c.requestId),
      )
    },
  })
}
