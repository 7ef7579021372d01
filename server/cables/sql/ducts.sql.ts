// SQL of shared ducts on underground routes: capacity, price and each carrier's allocated tubes.

/**
 * The shared ducts of the routes of province $1 ($3 one route or NULL for all): capacity, allocated tubes and
 * each allocation's monthly rent (tubes × length × price). $2 a carrier, who sees the routes it is on or rents in
 * and only its own allocations, or NULL for every route and allocation.
 */
export const DUCT_REPORT = `
  SELECT r.id AS "routeId", r.name, round(r.length_m::numeric, 1)::float8 AS "lengthM", d.ducts,
         d.tubes_per_duct AS "tubesPerDuct", d.ducts * d.tubes_per_duct AS "tubes",
         d.price_vnd_per_m_month::float8 AS "priceVndPerMMonth", d.version,
         COALESCE(sum(a.tubes), 0)::int AS "allocatedTubes",
         round(COALESCE(sum(a.tubes), 0)::numeric / (d.ducts * d.tubes_per_duct), 4)::float8 AS occupancy,
         COALESCE(json_agg(json_build_object('carrier', c.short_name, 'carrierName', c.name, 'tubes', a.tubes,
                                             'fromDate', to_char(a.from_date, 'YYYY-MM-DD'),
                                             'monthlyRentVnd',
                                             round(a.tubes * r.length_m::numeric * d.price_vnd_per_m_month))
                           ORDER BY c.short_name)
                  FILTER (WHERE a.id IS NOT NULL AND ($2::int IS NULL OR a.carrier_id = $2::int)), '[]') AS allocations
    FROM duct_capacities d
    JOIN cable_routes r ON r.id = d.route_id
    LEFT JOIN duct_allocations a ON a.route_id = d.route_id
    LEFT JOIN carriers c ON c.id = a.carrier_id
   WHERE r.province_code = $1 AND ($3::bigint IS NULL OR r.id = $3::bigint)
     AND ($2::int IS NULL OR $2::int = ANY (r.carrier_ids)
          OR EXISTS (SELECT 1 FROM duct_allocations x WHERE x.route_id = r.id AND x.carrier_id = $2::int))
   GROUP BY r.id, d.route_id
   ORDER BY r.id`

/** Locks route $1 of province $2 before its ducts change; answers its kind. */
export const LOCK_ROUTE_KIND = 'SELECT kind FROM cable_routes WHERE id = $1 AND province_code = $2 FOR UPDATE'

/** Sets the duct capacity of route $1: $2 ducts, $3 tubes per duct, $4 price (VND per metre and month). */
export const UPSERT_DUCTS = `
  INSERT INTO duct_capacities (route_id, ducts, tubes_per_duct, price_vnd_per_m_month) VALUES ($1, $2, $3, $4)
  ON CONFLICT (route_id) DO UPDATE
     SET ducts = $2, tubes_per_duct = $3, price_vnd_per_m_month = $4, version = duct_capacities.version + 1,
         updated_at = now()`

/** Drops the duct allocations of route $1 before they are stored again. */
export const CLEAR_ALLOCATIONS = 'DELETE FROM duct_allocations WHERE route_id = $1'

/** Allocates tubes of route $1: $2 carriers (int[]), $3 tubes (int[]), $4 from dates (text[]), paired. */
export const INSERT_ALLOCATIONS = `
  INSERT INTO duct_allocations (route_id, carrier_id, tubes, from_date)
  SELECT $1, c, t, f::date FROM unnest($2::int[], $3::int[], $4::text[]) AS x(c, t, f)`
