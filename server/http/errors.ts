import type { ErrorRequestHandler, RequestHandler } from 'express'
import { log } from '../log'
import { NoRowError } from '../db/index'
import { isMessageCode, langOf, msg, render, type Lang } from './messages'
import { notFound, Problem, problemFromSqlState, type FieldError } from './problems'

/** Answers unknown /api paths with a 404 problem instead of the SPA page. */
export const apiNotFound: RequestHandler = (req, _res, next) =>
  next(notFound(msg('api.no_route', { method: req.method, path: req.path })))

interface BodyParserError {
  type?: string
  status?: number
  expose?: boolean
}

function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err
  if (err instanceof NoRowError) return notFound()
  const e = err as BodyParserError & { code?: string; limit?: number }
  if (e.type === 'entity.too.large') return new Problem(413, msg('body.too_large', { limit: e.limit ?? 0 }))
  if (e.type === 'entity.parse.failed') return new Problem(400, msg('body.not_json'))
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return new Problem(415, msg('body.utf8'))
  if (typeof e.code === 'string') {
    const mapped = problemFromSqlState(e)
    if (mapped) return mapped
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose)
    return new Problem(400, msg('request.unreadable'), { reason: String((err as Error).message) })
  return new Problem(500, msg('server.error'))
}

/** A field error's message in `lang` when it names a server message (by `code`, or as a custom zod message). */
function localField(e: FieldError, lang: Lang): FieldError {
  if (isMessageCode(e.code)) return { ...e, message: render({ code: e.code, params: e.params ?? {} }, lang) }
  if (isMessageCode(e.message)) return { ...e, code: e.message, message: render({ code: e.message, params: {} }, lang) }
  return e
}

/** A failure as its problem+json body in `lang`; `instance` is the URL of the request that failed. */
export function problemBody(err: unknown, lang: Lang, instance: string): Record<string, unknown> & { status: number } {
  const problem = toProblem(err)
  const extra = Array.isArray(problem.extra.errors)
    ? { ...problem.extra, errors: (problem.extra.errors as FieldError[]).map((e) => localField(e, lang)) }
    : problem.extra
  return {
    type: problem.type,
    title: render(problem.titleMsg, lang),
    status: problem.status,
    detail: render(problem.detailMsg, lang),
    code: problem.code,
    params: problem.detailMsg.params,
    instance,
    ...extra,
  }
}

/** Logs a failure that is the server's fault (a 5xx answer), with the request it came from. */
export function logServerError(err: unknown, req: { requestId: string; method: string; path: string }): void {
  if (toProblem(err).status < 500) return
  log.error('request failed', {
    requestId: req.requestId,
    method: req.method,
    path: req.path,
    error: (err as Error).message,
    code: (err as { code?: string }).code,
    stack: (err as Error).stack,
  })
}

/** The one error middleware: every failure leaves as application/problem+json. */
export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const problem = toProblem(err)
  logServerError(err, req)
  if (problem.status === 429 && typeof problem.extra.retryAfter === 'number')
    res.setHeader('Retry-After', String(problem.extra.retryAfter))
  const lang = langOf(req.get('accept-language'))
  res
    .status(problem.status)
    .setHeader('Content-Language', lang)
    .setHeader('Vary', 'Accept-Language')
    .type('application/problem+json')
    .send(JSON.stringify(problemBody(err, lang, req.originalUrl)))
}
