import type { Queryable } from '../../server/db/index'

// A small constructed province for the report tests: four districts until 2021 (Quận 1, Quận Thủ Đức, Quận 9,
// Quận 2), then, as in the 2021 merger, Quận 1 and Thành phố Thủ Đức; stations, applications, conversions,
// cable routes and shared ducts on fixed dates of 2023–2024.

const square = (x0: number, x1: number) => `ST_Multi(ST_MakeEnvelope(${x0}, 10.76, ${x1}, 10.78, 4326))`

const UNITS = `
INSERT INTO admin_units (level, code, name, province_code, geom, valid_from, valid_to, source) VALUES
  ('province', '79', 'Thành phố Hồ Chí Minh', '79', ${square(106.68, 106.76)}, '2015-01-01', NULL, 'test'),
  ('district', '760', 'Quận 1', '79', ${square(106.68, 106.7)}, '2015-01-01', '2021-01-01', 'test'),
  ('district', '762', 'Quận Thủ Đức', '79', ${square(106.7, 106.72)}, '2015-01-01', '2021-01-01', 'test'),
  ('district', '763', 'Quận 9', '79', ${square(106.72, 106.74)}, '2015-01-01', '2021-01-01', 'test'),
  ('district', '769', 'Quận 2', '79', ${square(106.74, 106.76)}, '2015-01-01', '2021-01-01', 'test'),
  ('district', '760', 'Quận 1', '79', ${square(106.68, 106.7)}, '2021-01-01', NULL, 'test'),
  ('district', '769', 'Thành phố Thủ Đức', '79', ${square(106.7, 106.76)}, '2021-01-01', NULL, 'test')`

/** Stations: [site, carrier, lon, state, decision date, decommissioned on]. */
const STATIONS: [string, string, number, string, string | null, string | null][] = [
  ['S1', 'viettel', 106.69, 'in_service', '2023-05-10', null],
  ['S2', 'viettel', 106.71, 'in_service', '2024-02-15', null],
  ['S3', 'mobifone', 106.73, 'in_service', '2024-03-20', null],
  ['S4', 'mobifone', 106.75, 'decommissioned', '2022-01-01', '2024-03-05'],
  ['S5', 'vnpt', 106.755, 'built', '2024-05-02', null],
  ['S7', 'vnpt', 106.685, 'approved', '2024-03-28', null],
  ['S8', 'viettel', 106.715, 'rejected', null, null],
  ['S9', 'mobifone', 106.725, 'submitted', null, null],
  ['S10', 'viettel', 106.745, 'approved', '2024-04-25', null],
]

/** Workflow history: [site, action, state, Vietnamese local time]. */
const HISTORY: [string, string, string, string][] = [
  ['S7', 'submit', 'submitted', '2024-03-01 09:00'],
  ['S7', 'approve', 'approved', '2024-03-28 10:00'],
  ['S8', 'submit', 'submitted', '2024-02-01 08:30'],
  ['S8', 'reject', 'rejected', '2024-02-11 16:00'],
  ['S9', 'submit', 'submitted', '2024-03-30 23:30'],
  ['S10', 'submit', 'submitted', '2024-04-10 10:00'],
  ['S10', 'approve', 'approved', '2024-04-25 10:00'],
]

/** Conversion items: [site, kind, verified on (Vietnamese day)]. */
const ITEMS: [string, string, string][] = [
  ['S1', 'lower', '2023-06-01'],
  ['S2', 'lower', '2024-01-20'],
  ['S3', 'camouflage', '2024-02-10'],
  ['S4', 'lower', '2024-03-15'],
  ['S5', 'lower', '2024-05-05'],
]

const id = (q: Queryable, site: string) =>
  q.one<{ id: number }>('SELECT id FROM stations WHERE site_code = $1', [site]).then((r) => r.id)

/** Loads the constructed province (run once on a fresh test database with the carriers). */
export async function loadReportFixture(q: Queryable): Promise<void> {
  await q.exec(UNITS)
  for (const [site, carrier, lon, state, decided, gone] of STATIONS) {
    await q.exec(
      `INSERT INTO stations (province_code, carrier_id, site_code, geom, district_code, mast_class, mast_height_m,
                             state, state_since, decision_no, decision_date)
       SELECT '79', c.id, $2, ST_SetSRID(ST_MakePoint($3, 10.77), 4326),
              district_at('79', ST_SetSRID(ST_MakePoint($3, 10.77), 4326), current_date), 'A2b', 30, $4,
              coalesce($6::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', now()),
              CASE WHEN $5::date IS NOT NULL THEN 'QĐ-' || $2 END, $5::date
         FROM carriers c WHERE c.short_name = $1`,
      [carrier, site, lon, state, decided, gone],
    )
  }
  for (const [site, action, state, at] of HISTORY) {
    await q.exec(
      `INSERT INTO station_history (station_id, version, action, state, actor_name, snapshot, at)
       VALUES ($1, (SELECT coalesce(max(version), 0) + 1 FROM station_history WHERE station_id = $1), $2, $3,
               'test', '{}', $4::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`,
      [await id(q, site), action, state, at],
    )
  }
  const programme = await q.one<{ id: number }>(
    `INSERT INTO conversion_programmes (province_code, name, decision_no, decision_date, starts_on)
     VALUES ('79', 'Kế hoạch chuyển đổi cột ăng-ten thế hệ mới', '1234/QĐ-UBND', '2023-01-01', '2023-01-01')
     RETURNING id`,
  )
  await q.exec(
    `INSERT INTO conversion_phases (programme_id, seq, name, deadline, cumulative_target)
     VALUES ($1, 1, 'Giai đoạn 1', '2023-12-31', 3), ($1, 2, 'Giai đoạn 2', '2025-12-31', 6)`,
    [programme.id],
  )
  for (const [site, kind, day] of ITEMS) {
    const camouflage = kind === 'camouflage'
    await q.exec(
      `INSERT INTO conversion_items (programme_id, phase_id, station_id, carrier_id, kind, from_class, from_height_m,
                                     to_class, to_height_m, to_design, due_date, status, measured_height_m,
                                     completed_on, verified_at, verified_by)
       SELECT $1, ph.id, s.id, s.carrier_id, $3, 'A2b', 18, $4, 12, $5, '2025-12-31', 'verified', 12, $6::date,
              ($6::date + time '15:00') AT TIME ZONE 'Asia/Ho_Chi_Minh', 'test'
         FROM stations s, conversion_phases ph
        WHERE s.site_code = $2 AND ph.programme_id = $1 AND ph.seq = 2`,
      [programme.id, site, kind, camouflage ? 'A1c' : 'A2b', camouflage ? 'street_light' : null, day],
    )
  }
  await q.exec(
    `INSERT INTO poles (province_code, code, owner_carrier_id, geom, district_code)
     SELECT '79', 'P' || i, (SELECT id FROM carriers WHERE short_name = 'evn'), g, district_at('79', g, current_date)
       FROM generate_series(1, 3) i, ST_SetSRID(ST_MakePoint(106.682 + i * 0.002, 10.771), 4326) g`,
  )
  const routes: [string, string, string, number[], string, string | null, string][] = [
    ['Ngầm hóa Xa lộ Hà Nội', 'underground', 'completed', [106.705, 106.735], '2023-11-01', '2024-02-01', 'viettel'],
    ['Chỉnh trang Lê Lợi', 'tidying', 'completed', [106.681, 106.689], '2024-03-01', '2024-03-10', 'vnpt'],
    ['Ngầm hóa Mai Chí Thọ', 'underground', 'under_construction', [106.745, 106.758], '2024-01-05', null, 'viettel'],
  ]
  for (const [name, kind, status, [x0, x1], started, completed, carrier] of routes) {
    await q.exec(
      `WITH g AS (SELECT ST_Multi(ST_MakeLine(ST_MakePoint($4, 10.771), ST_MakePoint($5, 10.771)))::geometry AS g)
       INSERT INTO cable_routes (province_code, name, kind, status, carrier_ids, started_on, completed_on, geom,
                                 length_m)
       SELECT '79', $1, $2, $3, ARRAY[(SELECT id FROM carriers WHERE short_name = $8)], $6, $7,
              ST_SetSRID(g, 4326), ST_Length(ST_SetSRID(g, 4326)::geography, true)
         FROM g`,
      [name, kind, status, x0, x1, started, completed, carrier],
    )
  }
  await q.exec(
    `INSERT INTO route_poles (route_id, pole_id)
     SELECT r.id, p.id FROM cable_routes r, poles p WHERE r.kind = 'tidying'`,
  )
  await q.exec('SELECT split_route_lengths(array_agg(id)) FROM cable_routes')
  await q.exec(
    `INSERT INTO duct_capacities (route_id, ducts, tubes_per_duct, price_vnd_per_m_month)
     SELECT id, 2, 4, 1000 FROM cable_routes WHERE name = 'Ngầm hóa Xa lộ Hà Nội'`,
  )
  await q.exec(
    `INSERT INTO duct_allocations (route_id, carrier_id, tubes, from_date)
     SELECT r.id, c.id, a.tubes, a.from_date::date
       FROM cable_routes r,
            (VALUES ('viettel', 2, '2024-02-15'), ('mobifone', 1, '2024-05-01')) a(carrier, tubes, from_date)
       JOIN carriers c ON c.short_name = a.carrier
      WHERE r.name = 'Ngầm hóa Xa lộ Hà Nội'`,
  )
}
