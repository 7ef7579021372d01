import type { Queryable } from '../../server/db/index'

// The oversight records of the report tests, laid on the constructed province of test/helpers/reports.ts (its
// stations S1–S4, pole P1 and route "Ngầm hóa Xa lộ Hà Nội"): carriers' plans through the appraisal, field
// inspections with their follow-ups, and 1022 citizen reports, on fixed dates around Quý I/2024. All times are
// Vietnamese local times.

/** Plan versions: [plan, carrier, number, uploaded, state, returned at (audit), decision number and date, sites]. */
type PlanVersion = [string, string, number, string, string, string | null, string | null, string | null, number]
const PLAN_VERSIONS: PlanVersion[] = [
  [
    'Quy hoạch hạ tầng viễn thông thụ động 2024–2030',
    'viettel',
    1,
    '2024-01-10 09:00',
    'returned',
    '2024-01-25 15:00',
    null,
    null,
    10,
  ],
  [
    'Quy hoạch hạ tầng viễn thông thụ động 2024–2030',
    'viettel',
    2,
    '2024-02-05 09:00',
    'approved',
    null,
    '456/QĐ-UBND',
    '2024-03-15',
    12,
  ],
  ['Quy hoạch trạm BTS 2024–2028', 'mobifone', 1, '2024-03-20 10:00', 'submitted', null, null, null, 5],
  ['Quy hoạch cáp ngầm 2023–2027', 'vnpt', 1, '2023-11-01 08:00', 'approved', null, '789/QĐ-UBND', '2023-12-20', 4],
  ['Quy hoạch cáp ngầm 2023–2027', 'vnpt', 2, '2024-04-02 08:00', 'passed', null, null, null, 6],
  ['Quy hoạch Gmobile 2024', 'gmobile', 1, '2023-12-01 08:00', 'returned', '2024-01-03 10:00', null, null, 2],
]
/** Routes of the versions: [plan, number, metres measured, metres declared or null]. */
const PLAN_ROUTES: [string, number, number, number | null][] = [
  ['Quy hoạch hạ tầng viễn thông thụ động 2024–2030', 2, 1500, null],
  ['Quy hoạch hạ tầng viễn thông thụ động 2024–2030', 2, 1800, 2000],
  ['Quy hoạch hạ tầng viễn thông thụ động 2024–2030', 1, 900, null],
  ['Quy hoạch cáp ngầm 2023–2027', 1, 4000, null],
]

/** Inspections: [key, asset kind, asset, state, verdict, violated rules, recorded at]. */
type Inspection = [string, string, string, string, string | null, string[], string | null]
const INSPECTIONS: Inspection[] = [
  ['I0', 'station', 'S4', 'recorded', 'violation', ['checklist_item'], '2023-12-10 10:00'],
  ['I1', 'station', 'S1', 'recorded', 'compliant', [], '2024-01-15 09:00'],
  ['I2', 'station', 'S2', 'recorded', 'violation', ['height_over', 'checklist_item'], '2024-01-15 14:00'],
  ['I3', 'station', 'S3', 'recorded', 'violation', ['class_mismatch'], '2024-02-01 10:00'],
  ['I4', 'pole', 'P1', 'recorded', 'violation', ['position_off', 'label_missing'], '2024-03-25 16:00'],
  ['I5', 'cable_route', 'Ngầm hóa Xa lộ Hà Nội', 'recorded', 'no_access', [], '2024-03-31 23:30'],
  ['I6', 'station', 'S1', 'recorded', 'violation', ['height_over'], '2024-04-10 09:00'],
  ['I7', 'station', 'S2', 'assigned', null, [], null],
  // the re-checks of I0's and I2's violations (purpose follow_up): S4 compliant, S2 not reached
  ['R0', 'station', 'S4', 'recorded', 'compliant', [], '2024-01-20 10:00'],
  ['R2', 'station', 'S2', 'recorded', 'no_access', [], '2024-02-25 10:00'],
]
/**
 * Follow-ups of the violations: [inspection, due on, answered at, closed at, the re-check that closed it] (opened
 * when the inspection was recorded). A re-check closes a follow-up whatever it finds: I2's closed unresolved.
 */
const FOLLOW_UPS: [string, string, string | null, string | null, string | null][] = [
  ['I0', '2024-01-09', '2024-01-05 10:00', '2024-01-20 10:00', 'R0'],
  ['I2', '2024-02-20', '2024-02-10 10:00', '2024-02-25 10:00', 'R2'],
  ['I3', '2024-03-01', null, null, null],
  ['I4', '2024-04-24', null, null, null],
  ['I6', '2024-05-10', '2024-05-05 10:00', null, null],
]

/** Citizen reports: [number, category, lon, status, received at, hours of its SLA, resolved at]. */
const TICKETS: [string, string, number, string, string, number, string | null][] = [
  ['1022-2023-000009', 'cable_sagging', 106.69, 'resolved', '2023-12-31 20:00', 24, '2024-01-01 06:00'],
  ['1022-2024-000001', 'cable_sagging', 106.69, 'resolved', '2024-01-05 08:00', 24, '2024-01-05 20:00'],
  ['1022-2024-000002', 'pole_unsafe', 106.71, 'resolved', '2024-02-01 08:00', 24, '2024-02-03 08:00'],
  ['1022-2024-000003', 'bts_construction', 106.73, 'resolved', '2024-03-10 08:00', 240, '2024-03-11 14:00'],
  ['1022-2024-000004', 'emf_concern', 106.75, 'received', '2024-03-30 10:00', 360, null],
  ['1022-2024-000005', 'cable_unlicensed', 106.705, 'rejected', '2024-02-15 09:00', 240, null],
  ['1022-2024-000006', 'emf_concern', 106.69, 'resolved', '2024-04-05 09:00', 360, '2024-04-20 09:00'],
]

/** Loads the oversight records; `userId` is any user (the uploader, inspector and officer of them all). */
export async function loadOversightFixture(q: Queryable, userId: number): Promise<void> {
  const plans = new Map<string, number>()
  for (const [title, carrier, number, uploaded, state, returned, decision, decided, sites] of PLAN_VERSIONS) {
    if (!plans.has(title)) {
      const p = await q.one<{ id: number }>(
        `INSERT INTO plans (province_code, carrier_id, title, period_from, period_to, created_by)
         SELECT '79', id, $2, 2024, 2030, $3 FROM carriers WHERE short_name = $1 RETURNING id`,
        [carrier, title, userId],
      )
      plans.set(title, p.id)
    }
    const v = await q.one<{ id: number }>(
      `INSERT INTO plan_versions (plan_id, number, state, uploaded_by, uploaded_at, source_name, source_format,
                                  feature_count, site_count, route_count, area_count, decision_number,
                                  decision_date, decided_by)
       VALUES ($1, $2, $3, $4, $5::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', 'plan.geojson', 'geojson', $6, $6, 0, 0,
               $7, $8::date,
               CASE WHEN $7::text IS NULL THEN NULL ELSE $4::int END)
       RETURNING id`,
      [plans.get(title), number, state, userId, uploaded, sites, decision, decided],
    )
    if (returned)
      await q.exec(
        `INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, before, after)
         VALUES (($2::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'), $3, 'test', 'plan_version.return', 'plan_version',
                 $1::text, '{"state": "submitted"}', '{"state": "returned"}')`,
        [v.id, returned, userId],
      )
  }
  for (const [i, [title, number, measured, declared]] of PLAN_ROUTES.entries()) {
    await q.exec(
      `INSERT INTO planned_routes (version_id, feature_index, kind, year, length_m, declared_length_m, length_source,
                                   geom)
       SELECT v.id, $3, 'underground', 2025, $4, $5, CASE WHEN $5::numeric IS NULL THEN 'geometry' ELSE 'declared' END,
              ST_SetSRID(ST_MakeLine(ST_MakePoint(106.7, 10.77), ST_MakePoint(106.71, 10.77)), 4326)
         FROM plan_versions v WHERE v.plan_id = $1 AND v.number = $2`,
      [plans.get(title), number, i, measured, declared],
    )
  }

  const inspections = new Map<string, number>()
  for (const [key, kind, asset, state, verdict, rules, recorded] of INSPECTIONS) {
    const assetId = await q.one<{ id: number; carrier: number | null }>(
      kind === 'station'
        ? 'SELECT id, carrier_id AS carrier FROM stations WHERE site_code = $1'
        : kind === 'pole'
          ? 'SELECT id, NULL::int AS carrier FROM poles WHERE code = $1'
          : 'SELECT id, carrier_ids[1] AS carrier FROM cable_routes WHERE name = $1',
      [asset],
    )
    const violations = rules.map((rule) => ({ rule, params: {} }))
    const followUp = FOLLOW_UPS.find((f) => f[0] === key)
    const row = await q.one<{ id: number }>(
      `INSERT INTO inspections (province_code, asset_kind, asset_id, asset_version, purpose, carrier_id, inspector_id,
                                state, verdict, violations, follow_up_due, client_id, recorded_at, recorded_by,
                                created_by, created_at)
       VALUES ('79', $1, $2, 1, $10, $3, $4, $5, $6, $7, $8::date,
               CASE WHEN $9::timestamp IS NULL THEN NULL ELSE gen_random_uuid() END,
               $9::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', $4, $4,
               coalesce($9::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', now()))
       RETURNING id`,
      [
        kind,
        assetId.id,
        assetId.carrier,
        userId,
        state,
        verdict,
        JSON.stringify(violations),
        followUp?.[1] ?? null,
        recorded,
        key.startsWith('R') ? 'follow_up' : 'routine',
      ],
    )
    inspections.set(key, row.id)
  }
  for (const [key, due, answered, closed, recheck] of FOLLOW_UPS) {
    const inspection = await q.one<{ id: number; carrier: number | null; recorded: string }>(
      `SELECT id, carrier_id AS carrier, (recorded_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::text AS recorded
         FROM inspections WHERE id = $1`,
      [inspections.get(key)],
    )
    await q.exec(
      `INSERT INTO inspection_follow_ups (province_code, inspection_id, carrier_id, due_on, state, answer,
                                          answered_at, answered_by, closed_at, created_at,
                                          recheck_inspection_id)
       VALUES ('79', $1, $2, $3::date,
               CASE WHEN $5::timestamp IS NOT NULL THEN 'closed' WHEN $4::timestamp IS NOT NULL THEN 'answered'
                    ELSE 'open' END,
               CASE WHEN $4::timestamp IS NOT NULL THEN 'Đã khắc phục' END,
               $4::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', CASE WHEN $4::timestamp IS NOT NULL THEN $6::int END,
               $5::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', $7::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', $8)`,
      [
        inspection.id,
        inspection.carrier,
        due,
        answered,
        closed,
        userId,
        inspection.recorded,
        recheck ? inspections.get(recheck) : null,
      ],
    )
  }

  for (const [number, category, lon, status, received, hours, resolved] of TICKETS) {
    await q.exec(
      `WITH g AS (SELECT ST_SetSRID(ST_MakePoint($3, 10.772), 4326) AS g)
       INSERT INTO tickets (province_code, number, check_code, channel, category, description, geom, district_code,
                            status, inspector_id, sla_hours, due_at, resolution_note, resolved_at, created_at,
                            updated_at)
       SELECT '79', $1, 'ABCDEF', 'web', $2, 'Phản ánh ' || $1, g, district_at('79', g, current_date), $4,
              CASE WHEN $4 IN ('assigned', 'in_progress') THEN $8::int END, $6,
              ($5::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') + make_interval(hours => $6),
              CASE WHEN $7::timestamp IS NOT NULL THEN 'Đã xử lý' END,
              $7::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', $5::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh',
              coalesce($7::timestamp, $5::timestamp) AT TIME ZONE 'Asia/Ho_Chi_Minh'
         FROM g`,
      [number, category, lon, status, received, hours, resolved, userId],
    )
  }
}
