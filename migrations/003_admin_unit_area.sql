-- Ellipsoidal area of every unit version, computed once when the boundary is written (never per request,
-- never in a projection), so the map and reports show the same figure.
ALTER TABLE admin_units ADD COLUMN area_m2 double precision GENERATED ALWAYS AS (ST_Area(geom::geography, true)) STORED;
