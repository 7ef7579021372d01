// The first-run checklist's questions, each over its own domain's tables (read only). $1 province code.

/** The province's name and VN-2000 zone. */
export const PROVINCE_ZONE = `
SELECT z.province_code AS "provinceCode", z.province_name AS "provinceName", z.central_meridian AS "centralMeridian",
       z.srid, z.epsg
  FROM vn2000_zones z WHERE z.province_code = $1`

/** The districts in force today: how many, how many demo, from which date. */
export const DISTRICTS_IN_FORCE = `
SELECT count(*) AS total, count(*) FILTER (WHERE is_demo) AS demo, min(valid_from)::text AS "validFrom"
  FROM units_in_force(current_date) WHERE level = 'district' AND province_code = $1`

/** The province's rule values: present, and when an officer last saved them. */
export const RULES_STATE = `
SELECT (SELECT count(*) FROM station_rules WHERE province_code = $1) > 0 AS present,
       (SELECT reviewed_at FROM station_rules WHERE province_code = $1) AS "reviewedAt",
       (SELECT count(*) FROM district_area_kinds WHERE province_code = $1) AS "classifiedDistricts"`

/** Active users by role, demo accounts apart. */
export const USERS_BY_ROLE = `
SELECT role, count(*) FILTER (WHERE NOT is_demo) AS real, count(*) FILTER (WHERE is_demo) AS demo
  FROM users WHERE active GROUP BY role ORDER BY role`

/** Carriers by kind. */
export const CARRIERS_BY_KIND = `SELECT kind, count(*) AS n FROM carriers GROUP BY kind ORDER BY kind`
