// SQL of the programme dashboard (server/conversions/dashboard.ts).
//
// Two ways to the same figures: `FIGURES_SCAN` reads the filtered items (any WHERE clause from access.ts);
// `FIGURES_COUNTS` reads the counts kept by migration 072 for the scopes the dashboard asks for (every item, a
// carrier, a district, or both), so its cost does not grow with the items. The dashboard uses the counts; the scan
// stays for a filter the counts do not hold (a carrier user asking for another carrier) and as the independent
// reference of the tests.
import { ITEM_COLUMNS, ITEM_FROM, TODAY, VERIFIED_DAY } from '../sql'

const OVERDUE = `(i.status <> 'verified' AND i.due_date < ${TODAY})`
/** The ten most overdue items of the filtered set (partial index conversion_items_open_due_idx). */
export const OVERDUE_ITEMS = (where: string) => `
SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE ${where} AND ${OVERDUE} ORDER BY i.due_date, i.id LIMIT 10`

// Counts over the filtered set `f`.
const COUNTS = `count(*) AS items,
  count(*) FILTER (WHERE f.status = 'planned') AS planned,
  count(*) FILTER (WHERE f.status = 'in_progress') AS "inProgress",
  count(*) FILTER (WHERE f.status = 'reported') AS reported,
  count(*) FILTER (WHERE f.status = 'returned') AS returned,
  count(*) FILTER (WHERE f.status = 'verified') AS verified,
  count(*) FILTER (WHERE f.overdue) AS overdue`

/**
 * Every count of the dashboard in one statement scanning the items: the filtered items are read once and each
 * breakdown aggregates that set, so the figures cannot disagree with each other.
 */
export const FIGURES_SCAN = (from: string, where: string) => `
WITH f AS MATERIALIZED (
  SELECT i.status, ph.seq, s.district_code AS district, c.short_name, c.name AS carrier_name, ${OVERDUE} AS overdue,
         CASE WHEN i.status = 'verified' THEN ${VERIFIED_DAY} END AS day
    FROM ${from} WHERE ${where}
)
SELECT ${TODAY}::text AS today,
  (SELECT to_jsonb(x) FROM (SELECT ${COUNTS} FROM f) x) AS totals,
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.seq), '[]')
     FROM (SELECT f.seq, count(*) AS items FROM f GROUP BY f.seq) x) AS "bySeq",
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.date), '[]')
     FROM (SELECT f.day::text AS date, count(*) AS count FROM f WHERE f.day IS NOT NULL GROUP BY f.day) x) AS history,
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.code), '[]') FROM (
     SELECT f.district AS code, district_name(f.district, current_date) AS name, ${COUNTS}
       FROM f GROUP BY f.district) x) AS "byDistrict",
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.items DESC, x."shortName"), '[]') FROM (
     SELECT f.short_name AS "shortName", f.carrier_name AS name, ${COUNTS}
       FROM f GROUP BY f.short_name, f.carrier_name) x) AS "byCarrier"`

// Sums over the count rows `k` (with k.n items each).
const SUMS = `coalesce(sum(k.n), 0) AS items,
  coalesce(sum(k.n) FILTER (WHERE k.status = 'planned'), 0) AS planned,
  coalesce(sum(k.n) FILTER (WHERE k.status = 'in_progress'), 0) AS "inProgress",
  coalesce(sum(k.n) FILTER (WHERE k.status = 'reported'), 0) AS reported,
  coalesce(sum(k.n) FILTER (WHERE k.status = 'returned'), 0) AS returned,
  coalesce(sum(k.n) FILTER (WHERE k.status = 'verified'), 0) AS verified,
  coalesce(sum(k.n) FILTER (WHERE k.status <> 'verified' AND k.due_date < ${TODAY}), 0) AS overdue`

/**
 * The same figures as FIGURES_SCAN from the counts: $1 programme, $2 carrier id (0: every carrier), $3 district
 * code ('*': every district). The breakdown by district is within the carrier scope, the one by carrier within
 * the district scope.
 */
export const FIGURES_COUNTS = `
WITH k AS (
  SELECT k.carrier_id, k.district_code, k.status, k.due_date, k.n, ph.seq
    FROM conversion_item_counts k JOIN conversion_phases ph ON ph.id = k.phase_id
   WHERE k.programme_id = $1 AND k.n <> 0
     AND (k.carrier_id = $2 OR ($2 = 0 AND k.carrier_id <> 0))
     AND (k.district_code = $3 OR ($3 = '*' AND k.district_code <> '*'))
), own AS (
  SELECT * FROM k WHERE k.carrier_id = $2 AND k.district_code = $3
)
SELECT ${TODAY}::text AS today,
  (SELECT to_jsonb(x) FROM (SELECT ${SUMS} FROM own k) x) AS totals,
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.seq), '[]')
     FROM (SELECT k.seq, sum(k.n) AS items FROM own k GROUP BY k.seq HAVING sum(k.n) > 0) x) AS "bySeq",
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.date), '[]')
     FROM (SELECT v.day::text AS date, v.n AS count FROM conversion_verified_days v
            WHERE v.programme_id = $1 AND v.carrier_id = $2 AND v.district_code = $3 AND v.n <> 0) x) AS history,
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.code), '[]') FROM (
     SELECT nullif(k.district_code, '') AS code, district_name(nullif(k.district_code, ''), current_date) AS name,
            ${SUMS}
       FROM k WHERE k.carrier_id = $2 AND k.district_code <> '*'
      GROUP BY k.district_code HAVING sum(k.n) > 0) x) AS "byDistrict",
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.items DESC, x."shortName"), '[]') FROM (
     SELECT c.short_name AS "shortName", c.name, ${SUMS}
       FROM k JOIN carriers c ON c.id = k.carrier_id
      WHERE k.carrier_id <> 0 AND k.district_code = $3
      GROUP BY c.short_name, c.name HAVING sum(k.n) > 0) x) AS "byCarrier"`

/** $1 programme: its phases with their cumulative targets. */
export const PHASES = `
SELECT id, seq, name, deadline, cumulative_target AS target FROM conversion_phases WHERE programme_id = $1 ORDER BY seq`

/** $1 carrier short name: its id (a dashboard filtered by carrier reads that carrier's counts). */
export const CARRIER_ID = 'SELECT id FROM carriers WHERE short_name = $1'
