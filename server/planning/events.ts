import { z } from 'zod'
import { type Actor, audit } from '../audit/audit'
import type { Queryable, Row } from '../db/index'
import { isoDate } from '../http/dates'
import { badRequest } from '../http/problems'
import { EVENT_EXISTS, INSERT_EVENT, LIST_EVENTS } from './sql'
import { areaGeometry, geometryErrors } from './zones'

/** An event with temporary stations and mobile BTS trucks: name, dates and an optional area. */
export const eventBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    startsOn: isoDate,
    endsOn: isoDate,
    area: areaGeometry.nullable().optional(),
  })
  .refine((e) => e.endsOn >= e.startsOn, { path: ['endsOn'], message: 'event.ends_before' })
export type EventBody = z.infer<typeof eventBody>

/** The province's events, newest first, each with how many submitted stations it has. */
export function listEvents(q: Queryable, provinceCode: string): Promise<Row[]> {
  return q.many(LIST_EVENTS, [provinceCode])
}

/** Whether event `id` exists in the province (a station may name only such an event). */
export async function eventExists(q: Queryable, provinceCode: string, id: number): Promise<boolean> {
  return (await q.maybeOne(EVENT_EXISTS, [id, provinceCode])) !== undefined
}

/** An officer adds an event: its area checked (400 when not valid), stored and audited; answers it. */
export async function createEvent(
  tx: Queryable,
  user: Actor,
  provinceCode: string,
  body: EventBody,
  requestId: string | undefined,
): Promise<Row> {
  if (body.area) {
    const bad = await geometryErrors(tx, provinceCode, body.area, 'body.area')
    if (bad.length > 0) throw badRequest('event.area_invalid', bad)
  }
  const area = body.area ? JSON.stringify(body.area) : null
  const event = await tx.one(INSERT_EVENT, [provinceCode, body.name, body.startsOn, body.endsOn, area])
  await audit(
    tx,
    user,
    { action: 'station_event.create', entity: 'station_event', entityId: event.id as number, after: event },
    requestId,
  )
  return event
}
