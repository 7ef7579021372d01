import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { audit } from '../audit/audit'
import { notFound } from '../http/problems'

const carrierBody = z.object({
  name: z.string().trim().min(2).max(120),
  shortName: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,20}$/, 'Use 2–20 letters, digits, _ or -.'),
  kind: z.enum(['mobile', 'fixed', 'cable_tv', 'power_utility']),
  mnc: z
    .string()
    .regex(/^[0-9]{2}$/, 'A mobile network code is two digits.')
    .nullable()
    .optional(),
})
const idParams = z.object({ id: z.coerce.number().int().positive() })

const SELECT = `SELECT id, name, short_name AS "shortName", kind, mnc FROM carriers`

/** Carriers: everyone signed in can list them; the administrator keeps them. */
export function carrierRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/carriers',
    summary: 'List carriers',
    tag: 'carriers',
    access: 'signed-in',
    async handler({ req }) {
      return { items: await deps(req).db.many(`${SELECT} ORDER BY kind, name`) }
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
      const user = req.user!
      return deps(req).db.transaction(async (tx) => {
        const row = await tx.one(
          `INSERT INTO carriers (name, short_name, kind, mnc) VALUES ($1, $2, $3, $4)
           RETURNING id, name, short_name AS "shortName", kind, mnc`,
          [body.name, body.shortName, body.kind, body.mnc ?? null],
        )
        await audit(
          tx,
          user,
          { action: 'carrier.create', entity: 'carrier', entityId: row.id as number, after: row },
          req.requestId,
        )
        return row
      })
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
      const user = req.user!
      return deps(req).db.transaction(async (tx) => {
        const before = await tx.maybeOne(`${SELECT} WHERE id = $1 FOR UPDATE`, [params.id])
        if (!before) throw notFound('No such carrier.')
        const after = await tx.one(
          `UPDATE carriers SET name = $2, short_name = $3, kind = $4, mnc = $5 WHERE id = $1
           RETURNING id, name, short_name AS "shortName", kind, mnc`,
          [params.id, body.name, body.shortName, body.kind, body.mnc ?? null],
        )
        await audit(
          tx,
          user,
          { action: 'carrier.update', entity: 'carrier', entityId: params.id, before, after },
          req.requestId,
        )
        return after
      })
    },
  })
}
