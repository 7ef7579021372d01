import { z } from 'zod'
import type { Request } from 'express'
import type { Api } from '../http/api'
import type { Queryable } from '../db/index'
import { deps } from '../http/context'
import * as routes from './service'
import * as poles from './poles'
import { ductReport, setDucts } from './ducts'
import { summarize, summaryPage } from './summary'
import { summaryCells, summaryXlsx } from './export'
import { csvDocument } from '../http/csv'
import { importRoutes } from './import/import'
import { importBody } from './import/body'
import { answer, ANSWERS, listInvitations } from './participation'
import {
  ductBody,
  idParams,
  periodQuery,
  type PeriodQuery,
  poleBody,
  poleListQuery,
  poleUpdateBody,
  routeBody,
  routeDetailAnswer,
  routeListQuery,
  routePageAnswer,
  routeUpdateBody,
  statusBody,
  versionQuery,
} from './schemas'

const STAFF = ['admin', 'officer', 'inspector'] as const
const EDITORS = ['admin', 'officer', 'carrier'] as const
const OFFICE = ['admin', 'officer'] as const

const participationBody = z.object({ action: z.enum(ANSWERS) })

const scope = (req: Request): routes.Scope => ({
  provinceCode: deps(req).config.provinceCode,
  user: req.user!,
  requestId: req.requestId,
})

/** Runs one service step in a transaction, with the request's scope. */
const inTransaction = <T>(req: Request, work: (tx: Queryable, scope: routes.Scope) => Promise<T>): Promise<T> =>
  deps(req).db.transaction((tx) => work(tx, scope(req)))

/** A route written in one transaction, answered with the actions the user may take on it next. */
const writtenRoute = async (req: Request, work: (tx: Queryable, scope: routes.Scope) => Promise<object>) =>
  routes.withActions(await inTransaction(req, work), req.user!)

/** The summary for the period asked, as the user may see it (a carrier: its own routes), read from a replica. */
const summaryFor = (req: Request, query: PeriodQuery) =>
  summarize(deps(req).db.read(), deps(req).config.provinceCode, query, routes.carrierOf(req.user!))

/** Cable ledger: routes with their workflow, poles, shared ducts, summaries with export, and route import. */
export function cableRoutes(api: Api): void {
  const tag = 'cables'
  api.route({
    method: 'get',
    path: '/api/cables/routes',
    summary: 'List cable routes the user may see',
    tag,
    access: [...STAFF, 'carrier'],
    query: routeListQuery,
    response: routePageAnswer,
    handler: async ({ query, req }) => {
      const page = await routes.listRoutes(deps(req).db, scope(req), query)
      return { ...page, items: page.items.map((r) => routes.withActions(r as object, req.user!)) }
    },
  })
  api.route({
    method: 'get',
    path: '/api/cables/routes/{id}',
    summary: 'One cable route with geometry, per-district lengths and poles',
    tag,
    access: [...STAFF, 'carrier'],
    params: idParams,
    response: routeDetailAnswer,
    handler: async ({ params, req }) =>
      routes.withActions(await routes.getRoute(deps(req).db, scope(req), params.id), req.user!),
  })
  api.route({
    method: 'post',
    path: '/api/cables/routes',
    summary: 'Create a planned route (length measured on the ellipsoid)',
    tag,
    access: EDITORS,
    body: routeBody,
    status: 201,
    response: routeDetailAnswer,
    handler: ({ body, req }) => writtenRoute(req, (tx, s) => routes.createRoute(tx, s, body)),
  })
  api.route({
    method: 'put',
    path: '/api/cables/routes/{id}',
    summary: 'Change a route (version must match)',
    tag,
    access: EDITORS,
    params: idParams,
    body: routeUpdateBody,
    response: routeDetailAnswer,
    handler: ({ params, body, req }) => writtenRoute(req, (tx, s) => routes.updateRoute(tx, s, params.id, body)),
  })
  api.route({
    method: 'post',
    path: '/api/cables/routes/{id}/status',
    summary: 'Move a route through planned → under construction → completed → accepted',
    tag,
    access: [...STAFF, 'carrier'],
    params: idParams,
    body: statusBody,
    response: routeDetailAnswer,
    handler: ({ params, body, req }) => writtenRoute(req, (tx, s) => routes.changeStatus(tx, s, params.id, body)),
  })
  api.route({
    method: 'delete',
    path: '/api/cables/routes/{id}',
    summary: 'Delete a route (?version=)',
    tag,
    access: EDITORS,
    params: idParams,
    query: versionQuery,
    handler: async ({ params, query, req }) =>
      void (await inTransaction(req, (tx, s) => routes.deleteRoute(tx, s, params.id, query.version))),
  })
  api.route({
    method: 'post',
    path: '/api/cables/routes/import',
    summary: 'Import routes from GeoJSON, KML, KMZ (base64) or CSV with WKT (all or nothing)',
    tag,
    access: EDITORS,
    body: importBody,
    rawBody: true,
    status: 201,
    bodyLimit: '21mb',
    handler: ({ req }) => importRoutes(deps(req).db, scope(req), (req.input as { body: Buffer }).body),
  })

  api.route({
    method: 'get',
    path: '/api/cables/invitations',
    tag,
    access: [...STAFF, 'carrier'],
    summary: "Invitations to shared routes not yet answered (a carrier: its own), with each route's line",
    handler: async ({ req }) => ({ items: await listInvitations(deps(req).db, scope(req)) }),
  })
  api.route({
    method: 'post',
    path: '/api/cables/routes/{id}/participation',
    tag,
    access: ['carrier'],
    params: idParams,
    body: participationBody,
    summary:
      'A carrier accepts or declines an invitation to a route, or leaves a shared route (only its own participation)',
    handler: ({ params, body, req }) =>
      inTransaction(req, async (tx, s) => {
        await answer(tx, s, params.id, body.action)
        return body.action === 'accept' ? routes.getRoute(tx, s, params.id) : undefined
      }),
  })

  api.route({
    method: 'get',
    path: '/api/cables/poles',
    summary: 'Poles in a bounding box',
    tag,
    access: 'signed-in',
    query: poleListQuery,
    handler: async ({ query, req }) => ({
      items: await poles.listPoles(deps(req).db, scope(req), query.bbox, query.limit),
    }),
  })
  api.route({
    method: 'get',
    path: '/api/cables/poles/{id}',
    summary: 'One pole',
    tag,
    access: 'signed-in',
    params: idParams,
    handler: ({ params, req }) => poles.getPole(deps(req).db, scope(req), params.id),
  })
  api.route({
    method: 'post',
    path: '/api/cables/poles',
    summary: 'Add a pole',
    tag,
    access: OFFICE,
    body: poleBody,
    status: 201,
    handler: ({ body, req }) => inTransaction(req, (tx, s) => poles.createPole(tx, s, body)),
  })
  api.route({
    method: 'put',
    path: '/api/cables/poles/{id}',
    summary: 'Change a pole (version must match)',
    tag,
    access: OFFICE,
    params: idParams,
    body: poleUpdateBody,
    handler: ({ params, body, req }) => inTransaction(req, (tx, s) => poles.updatePole(tx, s, params.id, body)),
  })
  api.route({
    method: 'delete',
    path: '/api/cables/poles/{id}',
    summary: 'Delete a pole (?version=)',
    tag,
    access: OFFICE,
    params: idParams,
    query: versionQuery,
    handler: async ({ params, query, req }) =>
      void (await inTransaction(req, (tx, s) => poles.deletePole(tx, s, params.id, query.version))),
  })

  api.route({
    method: 'put',
    path: '/api/cables/routes/{id}/ducts',
    summary: 'Set the shared-duct capacity, price and allocations of an underground route',
    tag,
    access: OFFICE,
    params: idParams,
    body: ductBody,
    handler: ({ params, body, req }) => inTransaction(req, (tx, s) => setDucts(tx, s, params.id, body)),
  })
  api.route({
    method: 'get',
    path: '/api/cables/ducts',
    summary: 'Shared-duct occupancy report (a carrier sees the routes it rents on)',
    tag,
    access: [...STAFF, 'carrier'],
    handler: async ({ req }) => ({ items: await ductReport(deps(req).db, scope(req)) }),
  })

  api.route({
    method: 'get',
    path: '/api/cables/summary',
    summary: "The officers' sentence and its table for a period",
    tag,
    access: [...STAFF, 'carrier'],
    query: periodQuery,
    handler: ({ query, req }) => summaryFor(req, query),
  })
  api.route({
    method: 'get',
    path: '/api/cables/summary/page',
    summary: 'Everything the summary page shows in one answer: the summary and the cumulative trend by year end',
    tag,
    access: [...STAFF, 'carrier'],
    query: periodQuery,
    handler: ({ query, req }) =>
      summaryPage(deps(req).db.read(), deps(req).config.provinceCode, query, routes.carrierOf(req.user!)),
  })
  api.route({
    method: 'get',
    path: '/api/cables/summary.csv',
    summary: 'The summary table as CSV',
    tag,
    access: [...STAFF, 'carrier'],
    query: periodQuery,
    handler: async ({ query, req, res }) => {
      const s = await summaryFor(req, query)
      res
        .type('text/csv; charset=utf-8')
        .attachment(`tong-hop-cap-${s.period.to}.csv`)
        .send(csvDocument(summaryCells(query.groupBy, s.rows)))
    },
  })
  api.route({
    method: 'get',
    path: '/api/cables/summary.xlsx',
    summary: 'The summary table as XLSX',
    tag,
    access: [...STAFF, 'carrier'],
    query: periodQuery,
    handler: async ({ query, req, res }) => {
      const s = await summaryFor(req, query)
      res
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`tong-hop-cap-${s.period.to}.xlsx`)
        .send(await summaryXlsx(s))
    },
  })
}
