// The PostGIS half of the geometry gate: validity and the province's outline.

// $1: text[] of GeoJSON geometries (already through the pure gate); $2: province code or NULL;
// $3: tolerance in metres around the province; $4: repair invalid geometries (boolean).
// A geometry inside the province's outline passes at once (prepared ST_Covers); only one that is not has
// its vertices measured, so a large import costs one point-in-polygon test per geometry.
// ST_CollectionExtract keeps the repaired result in the dimension submitted (a polygon stays a polygon).
export const CHECK_GEOMETRIES = `
WITH input AS (
  SELECT i, ST_SetSRID(ST_GeomFromGeoJSON(j), 4326) AS g FROM unnest($1::text[]) WITH ORDINALITY AS t(j, i)
), province AS (
  SELECT geom, geom::geography AS area FROM admin_units
   WHERE level = 'province' AND code = $2::text
     AND valid_from <= current_date AND (valid_to IS NULL OR valid_to > current_date)
   LIMIT 1
), checked AS (
  SELECT i, g, ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason,
         p.geom IS NULL OR ST_Covers(p.geom, g)
           OR NOT EXISTS (SELECT 1 FROM ST_DumpPoints(g) d WHERE NOT ST_DWithin(d.geom::geography, p.area, $3::float8))
           AS inside,
         p.geom IS NOT NULL AS has_province
    FROM input LEFT JOIN province p ON true
)
SELECT i::int, valid, reason, inside, has_province AS "hasProvince",
       CASE WHEN NOT valid AND $4::boolean
            THEN ST_AsGeoJSON(ST_CollectionExtract(ST_MakeValid(g), ST_Dimension(g) + 1), 7) END AS repaired
  FROM checked ORDER BY i`
