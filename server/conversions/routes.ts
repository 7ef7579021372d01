import type { Api } from '../http/api'
import { deps, inTransaction } from '../http/context'
import { dashboard } from './dashboard'
import { importList } from './import'
import { itemDetail, itemLayer, listItems } from './items'
import { addPhoto, readBody, readPhoto } from './photos'
import { createProgramme, listProgrammes, readProgramme, setTolerance } from './programmes'
import {
  dashboardQuery,
  idParams,
  importBody,
  itemFilters,
  listQuery,
  programmeBody,
  programmePatch,
  statusCsvBody,
  transitionBody,
} from './schemas'
import { applyStatusCsv } from './status-csv'
import { transitionItem } from './transitions'

const TAG = 'conversions'
const SO = ['officer', 'inspector', 'admin'] as const

/**
 * The mast conversion programme: programmes and phases, the list import, items and their workflow, photos,
 * dashboard.
 */
export function conversionRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/conversions/programmes',
    tag: TAG,
    access: 'signed-in',
    summary: "The province's conversion programmes with their phases",
    async handler({ req }) {
      const { db, config } = deps(req)
      return { items: await listProgrammes(db, config.provinceCode) }
    },
  })

  api.route({
    method: 'post',
    path: '/api/conversions/programmes',
    tag: TAG,
    access: ['officer'],
    body: programmeBody,
    status: 201,
    summary: 'Create a programme: legal basis, phases with cumulative targets and deadlines, height tolerance',
    handler: ({ body, req }) =>
      inTransaction(req, (tx, c) => createProgramme(tx, c.user, c.provinceCode, body, c.requestId)),
  })

  api.route({
    method: 'get',
    path: '/api/conversions/programmes/{id}',
    tag: TAG,
    access: 'signed-in',
    params: idParams,
    summary: 'One programme with its phases',
    async handler({ params, req }) {
      const { db, config } = deps(req)
      return readProgramme(db, config.provinceCode, params.id)
    },
  })

  api.route({
    method: 'patch',
    path: '/api/conversions/programmes/{id}',
    tag: TAG,
    access: ['officer'],
    params: idParams,
    body: programmePatch,
    summary: "Change the programme's height tolerance for verification (send the version you read)",
    handler: ({ params, body, req }) =>
      inTransaction(req, (tx, c) =>
        setTolerance(tx, c.user, c.provinceCode, params.id, body.version, body.heightToleranceM, c.requestId),
      ),
  })

  api.route({
    method: 'post',
    path: '/api/conversions/programmes/{id}/import',
    tag: TAG,
    access: ['officer'],
    params: idParams,
    body: importBody,
    status: 201,
    summary:
      'Import the programme list (CSV or GeoJSON, by station code or position), all or nothing; ' +
      '422 reports each row with its line and reason',
    handler: ({ params, body, req }) =>
      inTransaction(req, (tx, c) => importList(tx, c.user, c.provinceCode, params.id, body, c.requestId)),
  })

  api.route({
    method: 'get',
    path: '/api/conversions/programmes/{id}/dashboard',
    tag: TAG,
    access: 'signed-in',
    params: idParams,
    query: dashboardQuery,
    summary:
      'Progress against each phase, burn-up, forecast and required pace, ' +
      'breakdowns by district and carrier, overdue items',
    async handler({ params, query, req }) {
      const { db, config } = deps(req)
      return dashboard(db.read(), req.user!, config.provinceCode, params.id, query)
    },
  })

  api.route({
    method: 'get',
    path: '/api/conversions/items',
    tag: TAG,
    access: 'signed-in',
    query: listQuery,
    summary:
      'Programme items the user may see (carrier: its own), filtered by phase, status, carrier, district, overdue',
    async handler({ query, req }) {
      const { db, config } = deps(req)
      return listItems(db, req.user!, config.provinceCode, query)
    },
  })

  api.route({
    method: 'get',
    path: '/api/conversions/items.geojson',
    tag: TAG,
    access: 'signed-in',
    query: itemFilters,
    summary: 'The items as a GeoJSON layer (status, kind, carrier, phase, measured height) for the map',
    async handler({ query, req, res }) {
      const { db, config } = deps(req)
      res.type('application/geo+json').send(JSON.stringify(await itemLayer(db, req.user!, config.provinceCode, query)))
    },
  })

  api.route({
    method: 'post',
    path: '/api/conversions/items/status-csv',
    tag: TAG,
    access: ['carrier'],
    body: statusCsvBody,
    summary:
      "A carrier's status updates from a CSV (item_id, action, measured_height_m, completed_on, note, version), " +
      'all or nothing',
    async handler({ body, req }) {
      const items = await inTransaction(req, (tx, c) =>
        applyStatusCsv(tx, c.user, c.provinceCode, body.csv, c.requestId),
      )
      return { updated: items.length, items }
    },
  })

  api.route({
    method: 'get',
    path: '/api/conversions/items/{id}',
    tag: TAG,
    access: 'signed-in',
    params: idParams,
    summary: 'One item with its photos, its steps and the actions open to the user',
    async handler({ params, req }) {
      const { db, config } = deps(req)
      return itemDetail(db, req.user!, config.provinceCode, params.id)
    },
  })

  api.route({
    method: 'post',
    path: '/api/conversions/items/{id}/transitions',
    tag: TAG,
    access: ['carrier', ...SO],
    params: idParams,
    body: transitionBody,
    summary:
      'Take a step: start, report (measured height, date; needs a photo), ' +
      'verify (height checked against the tolerance), return (reasons)',
    handler: ({ params, body, req }) =>
      inTransaction(req, (tx, c) => transitionItem(tx, c.user, c.provinceCode, params.id, body, c.requestId)),
  })

  api.route({
    method: 'post',
    path: '/api/conversions/items/{id}/photos',
    tag: TAG,
    access: ['carrier'],
    params: idParams,
    status: 201,
    summary:
      'Upload one after-photo as the raw request body ' +
      '(JPEG, PNG or WebP by content; at most 8 MB: 413, other types: 415)',
    async handler({ params, req }) {
      const bytes = await readBody(req)
      return inTransaction(req, (tx, c) => addPhoto(tx, c.user, c.provinceCode, params.id, bytes, c.requestId))
    },
  })

  api.route({
    method: 'get',
    path: '/api/conversions/photos/{id}',
    tag: TAG,
    access: 'signed-in',
    params: idParams,
    summary: "An after-photo's image, for those who may see its item",
    async handler({ params, req, res }) {
      const { db, config } = deps(req)
      const photo = await readPhoto(db, req.user!, config.provinceCode, params.id)
      res.type(photo.mediaType)
      res.setHeader('Content-Disposition', 'inline')
      res.send(photo.content)
    },
  })
}
