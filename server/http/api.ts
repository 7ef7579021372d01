import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express'
import { z, type ZodType } from 'zod'
import { badRequest, type FieldError } from './problems'
import { loadSession, requireRole, type Access } from '../auth/middleware'
import { nfcQuery, nfcReviver } from './text'
import { langOf, type Lang } from './messages'

/** zod's own messages (a type is wrong, a number too small…) in the request's language. */
const ZOD_LOCALE: Record<Lang, z.core.$ZodErrorMap> = {
  vi: z.locales.vi().localeError!,
  en: z.locales.en().localeError!,
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** A route: its schemas validate the request and also describe it in /api/openapi.json. */
export interface RouteSpec<B, Q, P> {
  method: Method
  path: string
  summary: string
  tag: string
  access: Access
  body?: ZodType<B>
  query?: ZodType<Q>
  params?: ZodType<P>
  /** Status of a successful answer (default 200). */
  status?: number
  /** The shape of a successful JSON answer, for the OpenAPI document and the client's generated types. */
  response?: ZodType
  /** A body limit above the global one (e.g. '20mb'), sized to the route's schema; read only for allowed roles. */
  bodyLimit?: string
  /**
   * The JSON body arrives unparsed, as its bytes in `req.body` (none: an empty Buffer), for a route that reads
   * it off the event loop; `body` then only documents it, and the handler validates it.
   */
  rawBody?: boolean
  handler(input: { body: B; query: Q; params: P; req: Request; res: Response }): Promise<unknown>
}

interface Documented {
  method: Method
  path: string
  summary: string
  tag: string
  access: Access
  body?: ZodType
  query?: ZodType
  params?: ZodType
  status: number
  response?: ZodType
}

/** Turns zod issues into `{path, message}` pairs, prefixed with where they came from. */
export function fieldErrors(error: z.ZodError, where: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }))
}

/** Collects routes on an Express router and keeps their specs for the OpenAPI document. */
export class Api {
  readonly router = express.Router()
  /** Body parsers of the routes with their own limit; mounted before the global parser, which then skips them. */
  readonly bodies = express.Router()
  private readonly docs: Documented[] = []

  route<B = undefined, Q = undefined, P = undefined>(spec: RouteSpec<B, Q, P>): void {
    const parse: RequestHandler = (req, _res, next) => {
      const errors: FieldError[] = []
      const lang = langOf(req.get('accept-language'))
      const input = { body: undefined as unknown, query: undefined as unknown, params: undefined as unknown }
      for (const part of ['body', 'query', 'params'] as const) {
        const schema = spec[part] as ZodType | undefined
        if (!schema || (part === 'body' && spec.rawBody)) continue
        const raw = part === 'query' ? nfcQuery(req.query as Record<string, unknown>) : (req[part] ?? {})
        const result = schema.safeParse(raw, { error: ZOD_LOCALE[lang] })
        if (result.success) input[part] = result.data
        else errors.push(...fieldErrors(result.error, part))
      }
      if (errors.length > 0) return next(badRequest('request.invalid', errors))
      if (spec.rawBody) input.body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      req.input = input
      next()
    }
    const run = async (req: Request, res: Response, next: NextFunction) => {
      try {
        const { body, query, params } = req.input as { body: B; query: Q; params: P }
        const result = await spec.handler({ body, query, params, req, res })
        if (res.headersSent) return
        if (result === undefined) res.status(spec.status ?? 204).end()
        else res.status(spec.status ?? 200).json(result)
      } catch (err) {
        next(err)
      }
    }
    const expressPath = spec.path.replace(/\{(\w+)\}/g, ':$1')
    if (spec.bodyLimit) {
      // the session is checked first so that only a caller allowed on the route gets a large body read
      const body = spec.rawBody
        ? express.raw({ type: 'application/json', limit: spec.bodyLimit })
        : express.json({ limit: spec.bodyLimit, reviver: nfcReviver })
      this.bodies[spec.method](expressPath, loadSession, requireRole(spec.access), body)
    }
    this.router[spec.method](expressPath, requireRole(spec.access), parse, run)
    this.docs.push({ ...spec, status: spec.status ?? 200 } as Documented)
  }

  /** The OpenAPI 3.1 document generated from the registered schemas. */
  openapi(info: { title: string; version: string }): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {}
    for (const d of this.docs) {
      const parameters: unknown[] = []
      for (const [where, schema] of [
        ['path', d.params],
        ['query', d.query],
      ] as const) {
        if (!schema) continue
        const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
          properties?: Record<string, unknown>
          required?: string[]
        }
        for (const [name, s] of Object.entries(json.properties ?? {})) {
          parameters.push({
            name,
            in: where,
            required: where === 'path' || (json.required ?? []).includes(name),
            schema: s,
          })
        }
      }
      const operation: Record<string, unknown> = {
        summary: d.summary,
        tags: [d.tag],
        'x-access': d.access,
        parameters,
        responses: {
          [String(d.status)]: d.response
            ? {
                description: 'Success',
                content: {
                  'application/json': { schema: z.toJSONSchema(d.response, { io: 'output', unrepresentable: 'any' }) },
                },
              }
            : { description: 'Success' },
          default: {
            description: 'Problem',
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        },
      }
      if (d.access !== 'public') operation.security = [{ session: [] }]
      if (d.body) {
        operation.requestBody = {
          required: true,
          content: { 'application/json': { schema: z.toJSONSchema(d.body, { io: 'input', unrepresentable: 'any' }) } },
        }
      }
      paths[d.path] = { ...paths[d.path], [d.method]: operation }
    }
    return {
      openapi: '3.1.0',
      info,
      paths,
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } },
        schemas: {
          Problem: {
            type: 'object',
            required: ['type', 'title', 'status', 'code'],
            description: 'title, detail and errors[].message are in the language of Accept-Language (vi by default)',
            properties: {
              type: { type: 'string' },
              title: { type: 'string' },
              status: { type: 'integer' },
              detail: { type: 'string' },
              code: { type: 'string', description: 'stable machine code of the detail (server/http/messages.en.ts)' },
              params: { type: 'object', additionalProperties: true },
              constraint: { type: 'string', description: 'the database constraint a SQLSTATE problem broke' },
              errors: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['path', 'message'],
                  properties: {
                    path: { type: 'string' },
                    message: { type: 'string' },
                    code: { type: 'string' },
                    params: { type: 'object', additionalProperties: true },
                  },
                },
              },
            },
          },
        },
      },
    }
  }
}
