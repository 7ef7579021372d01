// SQL of the two work lists: the carrier's applications in progress and the officer's (inspector's) queue.
// Values are bind parameters; both lists are served by indexes (stations_carrier_state_idx, stations_queue_idx).
import { STATION_COLUMNS, STATION_FROM } from './stations.sql'

/** The states in which an application is still in progress (the carrier's work list). */
export const OPEN_STATES = ['draft', 'returned', 'submitted', 'field_checked'] as const

/**
 * $1 carrier id, $2 province, $3 start of this month (timestamptz, Vietnam time): how many of the carrier's
 * applications are in each open state, and how many were decided (approved or rejected) since $3.
 */
export const APPLICATION_COUNTS = `
SELECT s.state, count(*)::int AS n
  FROM stations s
 WHERE s.carrier_id = $1 AND s.province_code = $2
   AND (s.state IN ('draft', 'returned', 'submitted', 'field_checked')
        OR (s.state IN ('approved', 'rejected') AND s.state_since >= $3))
 GROUP BY s.state`

/**
 * $1 carrier id, $2 province, $3 states, $4 decided since (NULL: any time), $5 limit, $6 offset: a page of the
 * carrier's applications in those states, most recently changed first, with the total.
 */
export const APPLICATION_PAGE = `
SELECT ${STATION_COLUMNS}, count(*) OVER ()::int AS "totalRows"
  FROM ${STATION_FROM}
 WHERE s.carrier_id = $1 AND s.province_code = $2 AND s.state = ANY ($3::text[])
   AND ($4::timestamptz IS NULL OR s.state_since >= $4)
 ORDER BY s.updated_at DESC, s.id DESC LIMIT $5 OFFSET $6`

/**
 * $1 province, $2 waiting states: the queue counted by state, carrier and district together (a few hundred rows
 * at most), from which each facet is summed with the other filters applied.
 */
export const QUEUE_CUBE = `
SELECT s.state, c.short_name AS carrier, c.name AS "carrierName", s.district_code AS district,
       district_name(s.district_code, current_date) AS "districtName", count(*)::int AS n
  FROM ${STATION_FROM}
 WHERE s.province_code = $1 AND s.state = ANY ($2::text[])
 GROUP BY s.state, c.short_name, c.name, s.district_code`

/**
 * $1 province, $2 states, $3 carrier short name, $4 district code (NULL: any), $5 limit, $6 offset: a page of
 * the queue, longest-waiting first.
 */
export const QUEUE_PAGE = `
SELECT ${STATION_COLUMNS}, extract(epoch FROM now() - s.state_since) / 3600 AS "waitingHours"
  FROM ${STATION_FROM}
 WHERE s.province_code = $1 AND s.state = ANY ($2::text[])
   AND ($3::text IS NULL OR c.short_name = $3) AND ($4::text IS NULL OR s.district_code = $4)
 ORDER BY s.state_since, s.id LIMIT $5 OFFSET $6`
