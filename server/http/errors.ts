import type { ErrorRequestHandler, RequestHandler } from 'express'
import { log } from '../log'
import { NoRowError } from '../db/index'
import { notFound, Problem, problemFromSqlState } from './problems'

/** Answers unknown /api paths with a 404 problem instead of the SPA page. */
export const apiNotFound: RequestHandler = (req, _res, next) =>
  next(notFound(`No API route ${req.method} ${req.path}.`))

interface BodyParserError {
  type?: string
  status?: number
  expose?: boolean
}

function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err
  if (err instanceof NoRowError) return notFound()
  const e = err as BodyParserError & { code?: string; limit?: number }
  if (e.type === 'entity.too.large')
    return new Problem(413, 'Payload too large', `The request body is larger than the limit of ${e.limit} bytes.`)
  if (e.type === 'entity.parse.failed') return new Problem(400, 'Bad request', 'The request body is not valid JSON.')
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported')
    return new Problem(415, 'Unsupported media type', 'Send UTF-8 JSON.')
  if (typeof e.code === 'string') {
    const mapped = problemFromSqlState(e)
    if (mapped) return mapped
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose)
    return new Problem(e.status, 'Bad request', String((err as Error).message))
  return new Problem(500, 'Internal server error', 'Something went wrong on the server. The error was logged.')
}

/** The one error middleware: every failure leaves as application/problem+json. */
export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const problem = toProblem(err)
  if (problem.status >= 500) {
    log.error('request failed', {
      requestId: req.requestId,
      method: req.method,
      path: req.path,
      error: (err as Error).message,
      code: (err as { code?: string }).code,
      stack: (err as Error).stack,
    })
  }
  if (problem.status === 429 && typeof problem.extra.retryAfter === 'number')
    res.setHeader('Retry-After', String(problem.extra.retryAfter))
  res
    .status(problem.status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: problem.type,
        title: problem.title,
        status: problem.status,
        detail: problem.message,
        instance: req.originalUrl,
        ...problem.extra,
      }),
    )
}
