// The SQLite statements of a GeoPackage 1.3 (OGC 12-128r18): the required metadata tables, one feature table.
// They run in sql.js (SQLite compiled to WebAssembly), never on PostgreSQL.

/** 'GPKG' as the SQLite application id, and GeoPackage 1.3.0 as the user version. */
export const GPKG_PRAGMAS = 'PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;'

export const GPKG_TABLES = `
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));`

/** $1 name, $2 id, $3 organization, $4 its code, $5 WKT, $6 description. */
export const GPKG_INSERT_SRS = `
INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description)
VALUES (?, ?, ?, ?, ?, ?)`

/** The table's contents row: $1 table, $2 identifier, $3 description, $4–$7 extent, $8 SRS. */
export const GPKG_INSERT_CONTENTS = `
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?)`

/** $1 table, $2 geometry type name, $3 SRS. */
export const GPKG_INSERT_GEOMETRY_COLUMN = `
INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)
VALUES (?, 'geom', ?, ?, 0, 0)`

/** The feature table: fid, geometry, then the columns as [quoted name, SQLite type]. */
export const gpkgFeatureTable = (table: string, geometryType: string, columns: [string, string][]) =>
  `CREATE TABLE "${table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom ${geometryType}` +
  columns.map(([name, type]) => `, "${name}" ${type}`).join('') +
  ')'

/** One feature: fid, geometry blob, then the columns in order. */
export const gpkgInsertFeature = (table: string, columns: string[]) =>
  `INSERT INTO "${table}" (fid, geom${columns.map((c) => `, "${c}"`).join('')}) ` +
  `VALUES (?, ?${columns.map(() => ', ?').join('')})`
