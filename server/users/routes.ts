import { z } from 'zod'
import type { Api } from '../http/api'
import { deps, ROLES } from '../http/context'
import { passwordProblem } from '../auth/password-policy'
import { changeUser, createUser, listUsers } from './service'

const role = z.enum(ROLES as [string, ...string[]]) as z.ZodType<(typeof ROLES)[number]>
const carrierRule = { message: 'A carrier user needs a carrier; other roles must not have one.', path: ['carrierId'] }
const newUser = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{3,40}$/, 'user.username_format'),
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
const changeUserBody = z
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
      return listUsers(deps(req).db, query)
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
      return createUser(deps(req).db, req.user!, body, req.requestId)
    },
  })

  api.route({
    method: 'put',
    path: '/api/users/{id}',
    summary: 'Change a user (role, carrier, active, password)',
    tag: 'users',
    access: ['admin'],
    params: idParams,
    body: changeUserBody,
    async handler({ body, params, req }) {
      return changeUser(deps(req).db, req.user!, params.id, body, req.requestId)
    },
  })
}
