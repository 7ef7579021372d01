/** One field-level validation message, as listed in a problem+json `errors` array. */
export interface FieldError {
  path: string
  message: string
}

/** An error that is answered as RFC 9457 problem+json. Domain code throws these. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title)
  }
  get type(): string {
    return `/problems/${this.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}`
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new Problem(400, 'Bad request', detail, errors ? { errors } : {})
export const invalid = (detail: string, errors: FieldError[]) =>
  new Problem(422, 'Validation failed', detail, { errors })
export const unauthorized = (detail = 'Sign in to continue.') => new Problem(401, 'Unauthorized', detail)
export const forbidden = (detail = 'Your role does not allow this.') => new Problem(403, 'Forbidden', detail)
export const notFound = (detail = 'Not found.') => new Problem(404, 'Not found', detail)
export const conflict = (detail: string) => new Problem(409, 'Conflict', detail)
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new Problem(429, 'Too many requests', detail, { retryAfter: retryAfterSeconds })

/**
 * Maps a PostgreSQL error to a problem by its SQLSTATE code (never by message text).
 * Answers undefined for codes that are the server's fault (XX000, PostgreSQL's internal error, among them:
 * input that reaches it got past a gate that should have refused it).
 */
export function problemFromSqlState(err: { code?: string; constraint?: string; detail?: string }): Problem | undefined {
  const code = err.code ?? ''
  const constraint = err.constraint ? ` (${err.constraint})` : ''
  switch (code) {
    case '23505':
      return new Problem(409, 'Conflict', `A record with the same key already exists${constraint}.`)
    case '23503':
      return new Problem(
        422,
        'Validation failed',
        `A referenced record does not exist or is still in use${constraint}.`,
      )
    case '23502':
    case '23514':
    case '23P01':
      return new Problem(422, 'Validation failed', `The values break a rule of the data${constraint}.`)
    case '40001':
    case '40P01':
      return new Problem(409, 'Conflict', 'The record was changed at the same time by someone else; try again.')
    case '57014':
      return new Problem(503, 'Query timeout', 'The database took too long to answer.')
    case '42501':
      return new Problem(403, 'Forbidden', 'This record cannot be changed.')
    default:
      if (code.startsWith('22'))
        return new Problem(400, 'Bad request', 'A value has the wrong format or is out of range.')
      return undefined
  }
}
