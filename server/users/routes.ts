import { z } from 'zod'
import type { Api } from '../http/api'
import { deps, ROLES } from '../http/context'
import { audit } from '../audit/audit'
import { badRequest, conflict, notFound } from '../http/problems'
import { hashPassword } from '../auth/passwords'
import { passwordProblem } from '../auth/password-policy'
import { insertUser, USER_COLUMNS } from './service'
import { containsPattern, containsSql } from '../http/text'

const role = z.enum(ROLES as [string, ...string[]]) as z.ZodType<(typeof ROLES)[number]>
const carrierRule = { message: 'A carrier user needs a carrier; other roles must not have one.', path: ['carrierId'] }
const newUser = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{3,40}$/, 'Use 3–40 letters, digits, ".", "_" or "-".'),
    displayName: z.string().trim().min(1).max(120),
    password: z.string().max(200),
    role,
    carrierId: z.number().int().positive().nullable().default(null),
  })
  .refine((u) => (u.role === 'carrier') === (u.carrierId !== null), carrierRule)
  .superRefine((u, ctx) => {
    const problem = passwordProblem(u.password, u.username)
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem })
  })
const changeUser = z
  .object({
    displayName: z.string().trim().min(1).max(120),
    role,
    carrierId: z.number().int().positive().nullable(),
    active: z.boolean(),
    password: z.string().max(200).optional(),
  })
  .refine((u) => (u.role === 'carrier') === (u.carrierId !== null), carrierRule)
const listQuery = z.object({
  role: role.optional(),
  q: z.string().max(60).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
const idParams = z.object({ id: z.coerce.number().int().positive() })

const FROM = 'FROM users u LEFT JOIN carriers c ON c.id = u.carrier_id'

/** User administration (administrator only). */
export function userRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/users',
    summary: 'List users (paged)',
    tag: 'users',
    access: ['admin'],
    query: listQuery,
    async handler({ query, req }) {
      const { db } = deps(req)
      const search = `${containsSql('u.username', '$2')} OR ${containsSql('u.display_name', '$2')}`
      const where = `WHERE ($1::text IS NULL OR u.role = $1) AND ($2::text IS NULL OR ${search})`
      const params = [query.role ?? null, query.q === undefined ? null : containsPattern(query.q)]
      const [items, total] = await Promise.all([
        db.many(`SELECT ${USER_COLUMNS} ${FROM} ${where} ORDER BY u.username OFFSET $3 LIMIT $4`, [
          ...params,
          query.offset,
          query.limit,
        ]),
        db.one<{ n: number }>(`SELECT count(*) AS n ${FROM} ${where}`, params),
      ])
      return { items, total: total.n, offset: query.offset, limit: query.limit }
    },
  })

  api.route({
    method: 'post',
    path: '/api/users',
    summary: 'Create a user',
    tag: 'users',
    access: ['admin'],
    body: newUser,
    status: 201,
    async handler({ body, req }) {
      const actor = req.user!
      return deps(req).db.transaction(async (tx) => {
        const user = await insertUser(tx, body)
        await audit(
          tx,
          actor,
          { action: 'user.create', entity: 'user', entityId: user.id as number, after: user },
          req.requestId,
        )
        return user
      })
    },
  })

  api.route({
    method: 'put',
    path: '/api/users/{id}',
    summary: 'Change a user (role, carrier, active, password)',
    tag: 'users',
    access: ['admin'],
    params: idParams,
    body: changeUser,
    async handler({ body, params, req }) {
      const actor = req.user!
      return deps(req).db.transaction(async (tx) => {
        const before = await tx.maybeOne(`SELECT ${USER_COLUMNS} ${FROM} WHERE u.id = $1 FOR UPDATE OF u`, [params.id])
        if (!before) throw notFound('No such user.')
        const weak = body.password === undefined ? null : passwordProblem(body.password, before.username as string)
        if (weak) throw badRequest('The request is not valid.', [{ path: 'body.password', message: weak }])
        if (before.role === 'admin' && before.active && (body.role !== 'admin' || !body.active)) {
          // Locks every active admin row, so two admins demoting each other at once cannot both succeed.
          const admins = await tx.many<{ id: number }>(
            `SELECT id FROM users WHERE role = 'admin' AND active FOR UPDATE`,
          )
          if (!admins.some((a) => a.id !== params.id)) {
            throw conflict('This is the last active administrator: make another user an active administrator first.')
          }
        }
        const hash = body.password ? await hashPassword(body.password) : null
        await tx.exec(
          `UPDATE users SET display_name = $2, role = $3, carrier_id = $4, active = $5, password_hash = coalesce($6, password_hash) WHERE id = $1`,
          [params.id, body.displayName, body.role, body.carrierId, body.active, hash],
        )
        if (!body.active || hash) await tx.exec('DELETE FROM sessions WHERE user_id = $1', [params.id])
        const after = await tx.one(`SELECT ${USER_COLUMNS} ${FROM} WHERE u.id = $1`, [params.id])
        await audit(
          tx,
          actor,
          {
            action: 'user.update',
            entity: 'user',
            entityId: params.id,
            before,
            after: { ...after, passwordChanged: hash !== null },
          },
          req.requestId,
        )
        return after
      })
    },
  })
}
