// The per-address limit of the public report routes. Counted in PostgreSQL (the app servers are stateless, and a
// limit kept in one server's memory would be one per server), in fixed windows, one atomic statement per request.
import crypto from 'node:crypto'
import { isIPv4, isIPv6 } from 'node:net'
import type { Request } from 'express'
import type { Queryable } from '../db/index'
import { msg, problem } from '../http/problems'
import { HIT, PURGE_HITS } from './sql'

export interface Limit {
  /** Requests allowed per address in one window. */
  max: number
  windowS: number
}

/**
 * The public routes' limits per address: a report is a few a day from one household, a photo a few per report;
 * looking a ticket up is cheap but must not let anyone try codes.
 */
export const PUBLIC_LIMITS = {
  report: { max: 5, windowS: 3600 },
  photo: { max: 12, windowS: 3600 },
  lookup: { max: 30, windowS: 600 },
  /** The lookup page's photos: a few per look-up. */
  view: { max: 120, windowS: 600 },
} as const satisfies Record<string, Limit>
export type LimitScope = keyof typeof PUBLIC_LIMITS

/**
 * What one client is counted as: its IPv4 address, or the /64 of its IPv6 address (a home gets a whole /64 and
 * could otherwise rotate through it). The address is the one Express resolved under the configured proxy hops
 * (TRUST_PROXY), never a header the client writes itself.
 */
export function clientKey(ip: string | undefined): string {
  const address = ip ?? 'unknown'
  const v4 = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address
  if (!isIPv6(v4)) return v4
  const [head = '', tail = ''] = v4.split('::')
  const h = head ? head.split(':') : []
  const t = v4.includes('::') && tail ? tail.split(':') : []
  const groups = [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t]
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

/** Counts the request against its address; past the limit a 429 problem with Retry-After. */
export async function countRequest(q: Queryable, req: Request, scope: LimitScope): Promise<void> {
  const limit = PUBLIC_LIMITS[scope]
  const key = crypto
    .createHash('sha256')
    .update(`${scope}:${clientKey(req.ip)}`)
    .digest('hex')
  const row = await q.one<{ hits: number; retryAfter: number }>(HIT, [scope, key, limit.windowS])
  await q.exec(PURGE_HITS)
  if (row.hits > limit.max)
    throw problem(429, msg('ticket.too_many', { limit: limit.max, windowS: limit.windowS }), {
      retryAfter: row.retryAfter,
    })
}
