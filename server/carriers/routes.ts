import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { changeCarrier, createCarrier, listCarriers } from './service'

const carrierBody = z.object({
  name: z.string().trim().min(2).max(120),
  shortName: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,20}$/, 'carrier.short_name_format'),
  kind: z.enum(['mobile', 'fixed', 'cable_tv', 'power_utility']),
  mnc: z
    .string()
    .regex(/^[0-9]{2}$/, 'A mobile network code is two digits.')
    .nullable()
    .optional(),
})
const idParams = z.object({ id: z.coerce.number().int().positive() })

/** Carriers: everyone signed in can list them; the administrator keeps them. */
export function carrierRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/carriers',
    summary: 'List carriers',
    tag: 'carriers',
    access: 'signed-in',
    async handler({ req }) {
      return { items: await listCarriers(deps(req).db) }
    },
  })

  api.route({
    method: 'post',
    path: '/api/carriers',
    summary: 'Add a carrier',
    tag: 'carriers',
    access: ['admin'],
    body: carrierBody,
    status: 201,
    async handler({ body, req }) {
      return createCarrier(deps(req).db, req.user!, body, req.requestId)
    },
  })

  api.route({
    method: 'put',
    path: '/api/carriers/{id}',
    summary: 'Change a carrier',
    tag: 'carriers',
    access: ['admin'],
    params: idParams,
    body: carrierBody,
    async handler({ body, params, req }) {
      return changeCarrier(deps(req).db, req.user!, params.id, body, req.requestId)
    },
  })
}
