import { z } from 'zod'
import type { Api } from '../http/api'
import { deps, inTransaction } from '../http/context'
import {
  campaignAnswer,
  campaignBody,
  dashboardAnswer,
  generateBody,
  idParams,
  previewAnswer,
  selectionBody,
} from './schemas'
import {
  campaignDashboard,
  createCampaign,
  generateCampaign,
  listCampaigns,
  listInspectors,
  previewSelection,
  readCampaign,
} from './service'

const TAG = 'campaigns'
/** Who defines and generates campaigns. */
const OFFICERS = ['officer', 'admin'] as const
/** Who reads them: an inspector only the campaigns in which an inspection is assigned to them. */
const READERS = ['officer', 'admin', 'inspector'] as const

/**
 * Inspection campaigns (issue 13): an officer chooses assets by area and attributes, previews them, generates one
 * inspection per asset in one transaction and follows progress on a dashboard. Carriers have no access here: they
 * see their assets' inspections and results through /api/inspections.
 */
export function campaignRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/campaigns',
    tag: TAG,
    access: READERS,
    response: z.object({ items: campaignAnswer.array() }),
    summary: "The province's campaigns with their progress (an inspector: those they have assignments in)",
    async handler({ req }) {
      const { db, config } = deps(req)
      return { items: await listCampaigns(db, req.user!, config.provinceCode) }
    },
  })

  api.route({
    method: 'get',
    path: '/api/campaigns/inspectors',
    tag: TAG,
    access: OFFICERS,
    summary: 'The active inspectors a campaign may be assigned to',
    async handler({ req }) {
      return { items: await listInspectors(deps(req).db) }
    },
  })

  api.route({
    method: 'post',
    path: '/api/campaigns/preview',
    tag: TAG,
    access: OFFICERS,
    body: selectionBody,
    response: previewAnswer,
    summary: 'How many assets a selection holds (by district), a sample and their points; nothing is stored',
    async handler({ body, req }) {
      const { db, config } = deps(req)
      return previewSelection(db.read(), config.provinceCode, body)
    },
  })

  api.route({
    method: 'post',
    path: '/api/campaigns',
    tag: TAG,
    access: OFFICERS,
    body: campaignBody,
    response: campaignAnswer,
    status: 201,
    summary:
      'Define a campaign: name, period, asset kind and selection (districts in force, a drawn polygon, ' +
      'mast classes, height range, carriers, states, route kinds)',
    handler: ({ body, req }) =>
      inTransaction(req, (tx, c) => createCampaign(tx, c.user, c.provinceCode, body, c.requestId)),
  })

  api.route({
    method: 'get',
    path: '/api/campaigns/{id}',
    tag: TAG,
    access: READERS,
    params: idParams,
    response: campaignAnswer,
    summary: 'One campaign with its selection and progress',
    async handler({ params, req }) {
      const { db, config } = deps(req)
      return readCampaign(db, req.user!, config.provinceCode, params.id)
    },
  })

  api.route({
    method: 'post',
    path: '/api/campaigns/{id}/generate',
    tag: TAG,
    access: OFFICERS,
    params: idParams,
    body: generateBody,
    response: campaignAnswer,
    status: 201,
    summary:
      "Generate one inspection per selected asset in one transaction, each district's assets to one inspector " +
      '(round-robin, the largest districts first); 409 when the campaign was generated already',
    handler: ({ params, body, req }) =>
      inTransaction(req, (tx, c) => generateCampaign(tx, c.user, c.provinceCode, params.id, body, c.requestId)),
  })

  api.route({
    method: 'get',
    path: '/api/campaigns/{id}/dashboard',
    tag: TAG,
    access: READERS,
    params: idParams,
    response: dashboardAnswer,
    summary: 'Done, violations, no access, overdue and remaining inspections: totals, by district, by inspector',
    async handler({ params, req }) {
      const { db, config } = deps(req)
      return campaignDashboard(db.read(), req.user!, config.provinceCode, params.id)
    },
  })
}
