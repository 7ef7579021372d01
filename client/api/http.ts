/** The one place the client talks HTTP: JSON in and out, problem+json errors as `ApiError`. */
import type { Problem } from './types.gen'

/** One `{path, message}` of a validation problem. */
export type FieldError = NonNullable<Problem['errors']>[number]

/** An RFC 9457 problem answered by the server (or a network failure, status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** The problem's stable code (server/http/messages.en.ts), when the server gave one. */
    readonly code?: string,
    /** The whole problem document, with any members a route adds (e.g. a conflict's `current`). */
    readonly problem?: Record<string, unknown>,
  ) {
    super(detail || title)
  }
}

let language = 'vi'

/** The UI language, sent as Accept-Language on every API call so that problems come back in it. */
export function setApiLanguage(lang: string): void {
  language = lang
}

/** The language API calls ask their answers in (the UI language). */
export const apiLanguage = (): string => language

type Query = Record<string, string | number | undefined | null>

const unauthorizedListeners = new Set<() => void>()

/** Calls `listener` when a call is refused for want of a session (it expired or was ended elsewhere). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener)
  return () => {
    unauthorizedListeners.delete(listener)
  }
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

async function request<T>(
  method: string,
  path: string,
  options: {
    query?: Query
    body?: unknown
    file?: Blob
    signal?: AbortSignal
    headers?: Record<string, string>
  } = {},
): Promise<T> {
  let res: Response
  const json = options.body !== undefined
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': language,
        ...(json ? { 'Content-Type': 'application/json' } : {}),
        ...(options.file ? { 'Content-Type': options.file.type || 'application/octet-stream' } : {}),
        ...options.headers,
      },
      body: json ? JSON.stringify(options.body) : options.file,
      signal: options.signal,
    })
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err
    throw new ApiError(0, 'Network error', (err as Error).message)
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  let data: unknown = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    data = null
  }
  if (!res.ok) {
    const p = (data ?? {}) as Partial<Problem>
    // The sign-in and "who am I" calls answer 401 as part of their job; anywhere else it means the session is gone.
    if (res.status === 401 && !path.startsWith('/api/auth/')) for (const listener of unauthorizedListeners) listener()
    const errors = Array.isArray(p.errors) ? p.errors : []
    const whole = data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined
    throw new ApiError(res.status, p.title ?? res.statusText, p.detail ?? '', errors, p.code, whole)
  }
  return data as T
}

/** Typed JSON calls to the API. */
export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
  /** Sends a file as the raw request body (the server decides its type from its bytes); `headers` are added. */
  upload: <T>(path: string, file: Blob, headers?: Record<string, string>) =>
    request<T>('POST', path, { file, headers }),
}
