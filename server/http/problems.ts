export { msg, type Msg } from './messages'
import { msg, render, type MessageArgs, type MessageCode, type Msg } from './messages'

/**
 * One field-level validation message, as listed in a problem+json `errors` array. `code` and `params` name a
 * server message (messages.en.ts): the answer then carries `message` in the request's language.
 */
export interface FieldError {
  path: string
  message: string
  code?: string
  params?: Record<string, unknown>
}

/** A field error by message code; `message` is the English text until the answer renders it. */
export function fieldError<K extends MessageCode>(path: string, code: K, ...args: MessageArgs<K>): FieldError {
  const m = msg(code, ...args)
  return { path, code: m.code, params: m.params, message: render(m, 'en') }
}

/** A field error carrying a message already made (e.g. a geometry's verdict), rendered in the request's language. */
export function fieldErrorFrom(path: string, m: Msg): FieldError {
  return { path, code: m.code, params: m.params, message: render(m, 'en') }
}

export type Status = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 416 | 422 | 429 | 500 | 503

/**
 * An error that is answered as RFC 9457 problem+json. Domain code throws these. The detail is a message by code
 * (`code` in the answer, for clients); title and detail are rendered in the request's language.
 */
export class Problem extends Error {
  constructor(
    readonly status: Status,
    readonly detailMsg: Msg,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(render(detailMsg, 'en'))
  }
  get code(): MessageCode {
    return this.detailMsg.code
  }
  get titleMsg(): Msg {
    return msg(`title.${this.status}`)
  }
  /** The English title (e.g. "Validation failed"). */
  get title(): string {
    return render(this.titleMsg, 'en')
  }
  get type(): string {
    return `/problems/${this.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}`
  }
}

/** A message: a code that takes no parameters, or `msg(code, params)`. */
export type Detail = Msg | FixedCode
type FixedCode = { [K in MessageCode]: MessageArgs<K> extends [] ? K : never }[MessageCode]
const asMsg = (d: Detail): Msg => (typeof d === 'string' ? msg(d) : d)

export const badRequest = (detail: Detail, errors?: FieldError[]) =>
  new Problem(400, asMsg(detail), errors ? { errors } : {})
export const invalid = (detail: Detail, errors: FieldError[]) => new Problem(422, asMsg(detail), { errors })
export const unauthorized = (detail: Detail = 'auth.sign_in') => new Problem(401, asMsg(detail))
export const forbidden = (detail: Detail = 'auth.role_forbidden') => new Problem(403, asMsg(detail))
export const notFound = (detail: Detail = 'not_found') => new Problem(404, asMsg(detail))
export const conflict = (detail: Detail) => new Problem(409, asMsg(detail))
export const tooManyRequests = (retryAfterSeconds: number) =>
  new Problem(429, msg('auth.too_many'), { retryAfter: retryAfterSeconds })
/** A problem with its own status and extra members. */
export const problem = (status: Status, detail: Detail, extra: Record<string, unknown> = {}) =>
  new Problem(status, asMsg(detail), extra)

/**
 * Maps a PostgreSQL error to a problem by its SQLSTATE code (never by message text). The constraint's name is
 * kept in `constraint`, for whoever reads the answer's JSON, never in the human text.
 * Answers undefined for codes that are the server's fault (XX000, PostgreSQL's internal error, among them:
 * input that reaches it got past a gate that should have refused it).
 */
export function problemFromSqlState(err: { code?: string; constraint?: string; detail?: string }): Problem | undefined {
  const code = err.code ?? ''
  const extra = err.constraint ? { constraint: err.constraint, sqlstate: code } : { sqlstate: code }
  switch (code) {
    case '23505':
      return new Problem(409, msg('db.duplicate'), extra)
    case '23503':
      return new Problem(422, msg('db.reference'), extra)
    case '23502':
    case '23514':
    case '23P01':
      return new Problem(422, msg('db.rule'), extra)
    case '40001':
    case '40P01':
      return new Problem(409, msg('db.concurrent'), extra)
    case '57014':
      return new Problem(503, msg('db.timeout'), extra)
    case '42501':
      return new Problem(403, msg('db.read_only'), extra)
    default:
      if (code.startsWith('22')) return new Problem(400, msg('db.format'), extra)
      return undefined
  }
}
