import type { Request, Response } from 'express'
import type { Queryable } from '../db/index'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { badRequest, fieldError } from '../http/problems'
import { readPhotoUpload } from '../http/upload'
import { answerFollowUp, listFollowUps } from './follow-ups'
import {
  addFollowUpPhoto,
  addInspectionPhoto,
  mayAddFollowUpPhoto,
  mayAddInspectionPhoto,
  readInspectionPhoto,
} from './photos'
import { recordResult } from './record'
import {
  answerBody,
  assetParams,
  assignBody,
  cancelBody,
  checklistBody,
  clientIdHeader,
  createBody,
  followUpQuery,
  idParams,
  kindParams,
  listQuery,
  resultBody,
  rulesBody,
} from './schemas'
import {
  assetInspections,
  assignInspection,
  cancelInspection,
  checklistOf,
  checklists,
  createOne,
  inspectionDetail,
  inspectionRules,
  inspectors,
  listInspections,
  saveChecklist,
  saveRules,
} from './service'

const TAG = 'inspections'

/** The device's id of an uploaded photo, from the X-Client-Id header (a uuid), or 400. */
function clientIdOf(req: Request): string {
  const parsed = clientIdHeader.safeParse(req.get('x-client-id') ?? '')
  if (!parsed.success) throw badRequest('request.invalid', [fieldError('header.X-Client-Id', 'inspection.client_id')])
  return parsed.data
}

type Upload = Awaited<ReturnType<typeof readPhotoUpload>>

/**
 * A photo sent as the raw request body: `may` refuses before the body is read, `add` stores it once per
 * X-Client-Id; answers 201 with the photo, or 200 with the same photo on a replay.
 */
async function receivePhoto(
  req: Request,
  res: Response,
  may: (db: Queryable) => Promise<void>,
  add: (tx: Queryable, clientId: string, photo: Upload) => Promise<{ created: boolean; photo: unknown }>,
): Promise<undefined> {
  const { db } = deps(req)
  const clientId = clientIdOf(req)
  await may(db)
  const photo = await readPhotoUpload(req)
  const out = await db.transaction((tx) => add(tx, clientId, photo))
  res.status(out.created ? 201 : 200).json(out.photo)
  return undefined
}

/** Field inspections of any asset: assignment, results (exactly once), photos, follow-ups, checklists, rules. */
export function inspectionRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/inspections',
    summary:
      'Inspections the user may see, paged (inspector: assigned to them; carrier: recorded ones of its assets; ' +
      'officer, admin: all of the province)',
    tag: TAG,
    access: 'signed-in',
    query: listQuery,
    async handler({ query, req }) {
      const { db, config } = deps(req)
      return listInspections(db, req.user!, config.provinceCode, query)
    },
  })

  api.route({
    method: 'post',
    path: '/api/inspections',
    summary: 'Assign an inspection of an asset to an inspector (no inspector: to be assigned later)',
    tag: TAG,
    access: ['officer', 'admin'],
    body: createBody,
    status: 201,
    async handler({ body, req }) {
      const { db, config } = deps(req)
      return db.transaction((tx) => createOne(tx, req.user!, config.provinceCode, body, req.requestId))
    },
  })

  api.route({
    method: 'get',
    path: '/api/inspections/inspectors',
    summary: 'The active inspectors to assign, with how many open inspections each holds',
    tag: TAG,
    access: ['officer', 'admin'],
    async handler({ req }) {
      const { db, config } = deps(req)
      return inspectors(db, config.provinceCode)
    },
  })

  api.route({
    method: 'get',
    path: '/api/inspections/checklists',
    summary: "Every asset kind's checklist for the province",
    tag: TAG,
    access: 'signed-in',
    async handler({ req }) {
      const { db, config } = deps(req)
      return checklists(db, config.provinceCode)
    },
  })

  api.route({
    method: 'get',
    path: '/api/inspections/checklists/{kind}',
    summary: "One asset kind's checklist for the province",
    tag: TAG,
    access: 'signed-in',
    params: kindParams,
    async handler({ params, req }) {
      const { db, config } = deps(req)
      return checklistOf(db, config.provinceCode, params.kind)
    },
  })

  api.route({
    method: 'put',
    path: '/api/inspections/checklists/{kind}',
    summary: "Save the province's checklist of an asset kind (send the version read)",
    tag: TAG,
    access: ['officer', 'admin'],
    params: kindParams,
    body: checklistBody,
    async handler({ params, body, req }) {
      const { db, config } = deps(req)
      return db.transaction((tx) => saveChecklist(tx, req.user!, config.provinceCode, params.kind, body, req.requestId))
    },
  })

  api.route({
    method: 'get',
    path: '/api/inspections/rules',
    summary: "The province's inspection rule values (tolerances, follow-up and re-check days)",
    tag: TAG,
    access: 'signed-in',
    async handler({ req }) {
      const { db, config } = deps(req)
      return inspectionRules(db, config.provinceCode)
    },
  })

  api.route({
    method: 'put',
    path: '/api/inspections/rules',
    summary: "Save the province's inspection rule values",
    tag: TAG,
    access: ['officer', 'admin'],
    body: rulesBody,
    async handler({ body, req }) {
      const { db, config } = deps(req)
      return db.transaction((tx) => saveRules(tx, req.user!, config.provinceCode, body, req.requestId))
    },
  })

  api.route({
    method: 'get',
    path: '/api/inspections/follow-ups',
    summary:
      'Follow-ups of violations, overdue first (officer, admin: all; inspector: of their inspections; ' +
      'carrier: its own); overdue=1 only those open past their due date',
    tag: TAG,
    access: 'signed-in',
    query: followUpQuery,
    async handler({ query, req }) {
      const { db, config } = deps(req)
      return listFollowUps(db, req.user!, config.provinceCode, query)
    },
  })

  api.route({
    method: 'post',
    path: '/api/inspections/follow-ups/{id}/photos',
    summary:
      "The carrier's photo of its answer, as the raw request body with header X-Client-Id (a uuid; a replay " +
      'answers 200 with the same photo); JPEG, PNG or WebP by content (415), at most 8 MB (413)',
    tag: TAG,
    access: ['carrier'],
    params: idParams,
    status: 201,
    async handler({ params, req, res }) {
      const province = deps(req).config.provinceCode
      return receivePhoto(
        req,
        res,
        (db) => mayAddFollowUpPhoto(db, req.user!, province, params.id),
        (tx, clientId, photo) => addFollowUpPhoto(tx, req.user!, province, params.id, clientId, photo, req.requestId),
      )
    },
  })

  api.route({
    method: 'post',
    path: '/api/inspections/follow-ups/{id}/answer',
    summary: "The carrier's answer to a violation (text, and a photo uploaded first); asks for the re-check",
    tag: TAG,
    access: ['carrier'],
    params: idParams,
    body: answerBody,
    async handler({ params, body, req }) {
      const { db, config } = deps(req)
      return db.transaction((tx) => answerFollowUp(tx, req.user!, config.provinceCode, params.id, body, req.requestId))
    },
  })

  api.route({
    method: 'get',
    path: '/api/inspections/photos/{id}',
    summary: "An inspection photo's image, for those who may see the inspection",
    tag: TAG,
    access: 'signed-in',
    params: idParams,
    async handler({ params, req, res }) {
      const { db, config } = deps(req)
      const photo = await readInspectionPhoto(db, req.user!, config.provinceCode, params.id)
      res.type(photo.mediaType)
      res.send(photo.content)
      return undefined
    },
  })

  api.route({
    method: 'get',
    path: '/api/inspections/{id}',
    summary: 'One inspection with its asset, photos and follow-up',
    tag: TAG,
    access: 'signed-in',
    params: idParams,
    async handler({ params, req }) {
      const { db, config } = deps(req)
      return inspectionDetail(db, req.user!, config.provinceCode, params.id)
    },
  })

  api.route({
    method: 'patch',
    path: '/api/inspections/{id}',
    summary: 'Assign (or re-assign) an open inspection to an inspector, with a due date; send the version read',
    tag: TAG,
    access: ['officer', 'admin'],
    params: idParams,
    body: assignBody,
    async handler({ params, body, req }) {
      const { db, config } = deps(req)
      return db.transaction((tx) =>
        assignInspection(tx, req.user!, config.provinceCode, params.id, body, req.requestId),
      )
    },
  })

  api.route({
    method: 'post',
    path: '/api/inspections/{id}/cancel',
    summary: 'Cancel an open inspection, with a reason',
    tag: TAG,
    access: ['officer', 'admin'],
    params: idParams,
    body: cancelBody,
    async handler({ params, body, req }) {
      const { db, config } = deps(req)
      return db.transaction((tx) =>
        cancelInspection(tx, req.user!, config.provinceCode, params.id, body, req.requestId),
      )
    },
  })

  api.route({
    method: 'post',
    path: '/api/inspections/{id}/result',
    summary:
      'Record the result (the assigned inspector): 201 once per clientId, 200 with the same record on a replay; ' +
      "409 'inspection.asset_changed' with the asset as it is now when its version moved (acceptChanged records)",
    tag: TAG,
    access: ['inspector'],
    params: idParams,
    body: resultBody,
    status: 201,
    async handler({ params, body, req, res }) {
      const { db, config } = deps(req)
      const out = await db.transaction((tx) =>
        recordResult(tx, req.user!, config.provinceCode, params.id, body, req.requestId),
      )
      res.status(out.created ? 201 : 200).json(out.inspection)
      return undefined
    },
  })

  api.route({
    method: 'post',
    path: '/api/inspections/{id}/photos',
    summary:
      'Add a photo to an inspection (the assigned inspector) as the raw request body with header X-Client-Id ' +
      '(a uuid; a replay answers 200 with the same photo); JPEG, PNG or WebP by content (415), at most 8 MB (413); ' +
      'EXIF time and GPS are kept',
    tag: TAG,
    access: ['inspector'],
    params: idParams,
    status: 201,
    async handler({ params, req, res }) {
      const province = deps(req).config.provinceCode
      return receivePhoto(
        req,
        res,
        (db) => mayAddInspectionPhoto(db, req.user!, province, params.id),
        (tx, clientId, photo) => addInspectionPhoto(tx, req.user!, province, params.id, clientId, photo, req.requestId),
      )
    },
  })

  api.route({
    method: 'get',
    path: '/api/assets/{kind}/{id}/inspections',
    summary: "An asset's inspection history for its page (recorded inspections; a carrier: of its own assets)",
    tag: TAG,
    access: 'signed-in',
    params: assetParams,
    async handler({ params, req }) {
      const { db, config } = deps(req)
      return assetInspections(db, req.user!, config.provinceCode, params.kind, params.id)
    },
  })
}
