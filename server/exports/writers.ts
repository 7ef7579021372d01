// The format writers of the exports. Each reads the layer page by page (keyset pages of PAGE_ROWS rows from
// PostGIS) and either streams what it writes (GeoJSON, CSV, XLSX: memory bounded by one page) or, where the
// library needs the whole file at once (KML: tokml; Shapefile: @mapbox/shp-write; GeoPackage: sql.js, an
// in-memory SQLite), builds it in memory, bounded by IN_MEMORY_LIMIT features.
import shpwrite from '@mapbox/shp-write'
import ExcelJS from 'exceljs'
import { strToU8, zipSync } from 'fflate'
import initSqlJs, { type SqlJsStatic } from 'sql.js'
import tokml from 'tokml'
import type { Writable } from 'node:stream'
import type { ZoneCrs } from '../coords/crs'
import type { Zone } from '../coords/service'
import type { Row } from '../db/index'
import { csvLine } from '../http/csv'
import { msg, Problem } from '../http/problems'
import {
  GPKG_INSERT_CONTENTS,
  GPKG_INSERT_GEOMETRY_COLUMN,
  GPKG_INSERT_SRS,
  GPKG_PRAGMAS,
  GPKG_TABLES,
  gpkgFeatureTable,
  gpkgInsertFeature,
} from './gpkg.sql'
import type { Column, ColumnType, GeometryAs, LayerSql } from './sql'

export const FORMATS = ['geojson', 'csv', 'xlsx', 'kml', 'shp', 'gpkg'] as const
export type Format = (typeof FORMATS)[number]

/** File extension and media type of each format. */
export const FORMAT_FILES: Record<Format, { ext: string; type: string }> = {
  geojson: { ext: 'geojson', type: 'application/geo+json' },
  csv: { ext: 'csv', type: 'text/csv; charset=utf-8' },
  xlsx: { ext: 'xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  kml: { ext: 'kml', type: 'application/vnd.google-earth.kml+xml' },
  shp: { ext: 'shp.zip', type: 'application/zip' },
  gpkg: { ext: 'gpkg', type: 'application/geopackage+sqlite3' },
}

/** Rows read from PostGIS per page. */
export const PAGE_ROWS = 5_000
/** Features at most in the formats built in memory (KML, Shapefile, GeoPackage): the 150,000 poles fit. */
export const IN_MEMORY_LIMIT = 200_000
/**
 * KML at most: tokml builds the document as one string from every feature object (150,000 poles took ~700 MB
 * and 103 MB of KML), and Google Earth does not draw more usefully anyway.
 */
export const KML_LIMIT = 50_000

/** What a writer exports: the layer, its pages, and the VN-2000 zone of the extra columns (if asked). */
export interface ExportJob {
  layer: LayerSql
  /** The layer's rows in id order, page by page, with their geometry as asked. */
  pages(as: GeometryAs): AsyncIterable<Row[]>
  crs: (ZoneCrs & { zone: Zone }) | null
  /** The title people read (Vietnamese first). */
  title: string
}

/** Where a streaming writer writes; `write` waits while the client is slower than the database. */
export interface Sink {
  write(chunk: string | Uint8Array): Promise<void>
  /** The raw stream (the XLSX writer pipes into it). */
  stream: Writable
}

/** The columns of every row: id first, the layer's, then the VN-2000 pair when asked. */
export function columnsOf(job: ExportJob): Column[] {
  const vn: Column[] = job.crs
    ? [
        { name: 'vn2000_x', sql: '', type: 'real' },
        { name: 'vn2000_y', sql: '', type: 'real' },
      ]
    : []
  return [{ name: 'id', sql: '', type: 'integer' }, ...job.layer.columns, ...vn]
}

/** A cell as its column's type: ids and numbers as numbers (int8 arrives as text), the rest as read. */
function cell(value: unknown, type: ColumnType): string | number | boolean | null {
  if (value === null || value === undefined) return null
  if (type === 'integer' || type === 'real') return Number(value)
  if (type === 'boolean') return Boolean(value)
  return String(value)
}

const propertiesOf = (row: Row, columns: Column[]) =>
  Object.fromEntries(columns.map((c) => [c.name, cell(row[c.name], c.type)]))

/** How the VN-2000 columns are to be read: the zone, its EPSG code and the exact CRS (WKT with TOWGS84). */
function crsNote(crs: ZoneCrs & { zone: Zone }): string {
  return (
    `vn2000_x (easting) and vn2000_y (northing), metres: ${crs.name}, EPSG:${crs.zone.epsg} with the TOWGS84 ` +
    `the database applies (a bare EPSG code lands ~0.8 m away in GDAL/QGIS): ${crs.wkt}`
  )
}

// ---- GeoJSON (streamed) ----------------------------------------------------------------------------------------

export async function writeGeoJson(job: ExportJob, out: Sink): Promise<void> {
  const columns = columnsOf(job)
  const c = job.crs
  const crs = c ? `"vn2000Crs":${JSON.stringify({ name: c.name, epsg: c.zone.epsg, proj: c.proj, wkt: c.wkt })},` : ''
  await out.write(`{"type":"FeatureCollection","name":${JSON.stringify(job.layer.name)},${crs}"features":[`)
  let first = true
  for await (const rows of job.pages('geojson')) {
    const text = rows
      .map(
        (r) =>
          `{"type":"Feature","id":${Number(r.id)},"geometry":${r.geometry},` +
          `"properties":${JSON.stringify(propertiesOf(r, columns))}}`,
      )
      .join(',')
    await out.write((first ? '' : ',') + text)
    first = false
  }
  await out.write(']}\n')
}

// ---- CSV (streamed, through the one CSV writer: BOM, CRLF, formula guard) ---------------------------------------

/** Points as lon/lat columns (what a spreadsheet user wants); lines and areas as WKT (what GDAL reads). */
const geometryColumns = (job: ExportJob) => (job.layer.geometryType === 'Point' ? ['lon', 'lat'] : ['wkt'])

export async function writeCsv(job: ExportJob, out: Sink): Promise<void> {
  const columns = columnsOf(job)
  const extra = [...geometryColumns(job), ...(job.crs ? ['vn2000_crs'] : [])]
  await out.write(`\uFEFF${csvLine([...columns.map((c) => c.name), ...extra])}\r\n`)
  for await (const rows of job.pages('columns')) {
    const lines = rows.map((r) => {
      const values: unknown[] = columns.map((c) => cell(r[c.name], c.type))
      for (const g of geometryColumns(job)) values.push(r[g])
      if (job.crs) values.push(job.crs.wkt)
      return `${csvLine(values)}\r\n`
    })
    await out.write(lines.join(''))
  }
}

// ---- XLSX (streamed by exceljs's WorkbookWriter, row by row) ---------------------------------------------------

/** Excel keeps at most this many characters in a cell; a longer WKT is left out and counted on the notes sheet. */
const XLSX_CELL_MAX = 32_767

export async function writeXlsx(job: ExportJob, out: Sink): Promise<void> {
  const columns = columnsOf(job)
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out.stream, useStyles: true, useSharedStrings: true })
  const sheet = book.addWorksheet(job.layer.name, { views: [{ state: 'frozen', ySplit: 1 }] })
  const header = sheet.addRow([...columns.map((c) => c.name), ...geometryColumns(job)])
  header.font = { bold: true }
  header.commit()
  let tooLong = 0
  let count = 0
  for await (const rows of job.pages('columns')) {
    for (const r of rows) {
      const values: unknown[] = columns.map((c) => cell(r[c.name], c.type))
      for (const g of geometryColumns(job)) {
        const v = r[g]
        if (typeof v === 'string' && v.length > XLSX_CELL_MAX) {
          tooLong++
          values.push(null)
        } else values.push(v)
      }
      sheet.addRow(values).commit()
      count++
    }
  }
  sheet.commit()
  const notes = book.addWorksheet('ghi_chu')
  for (const line of [
    [job.title],
    ['Số đối tượng / Features', count],
    ['Toạ độ / Coordinates', 'WGS 84 (EPSG:4326), kinh độ lon, vĩ độ lat; đường và vùng: WKT'],
    ...(job.crs ? [['VN-2000', crsNote(job.crs)]] : []),
    ...(tooLong > 0 ? [['WKT quá dài cho ô Excel (bỏ trống) / WKT too long for a cell (left empty)', tooLong]] : []),
  ])
    notes.addRow(line).commit()
  notes.commit()
  await book.commit()
}

// ---- the formats built in memory -------------------------------------------------------------------------------

interface Feature {
  type: 'Feature'
  id: number
  geometry: { type: string; coordinates: unknown }
  properties: Record<string, string | number | boolean | null>
}

/** Every feature of the job as GeoJSON objects, at most IN_MEMORY_LIMIT (a 413 names the streamed formats). */
async function allFeatures(
  job: ExportJob,
  format: string,
  as: GeometryAs = 'geojson',
  limit = IN_MEMORY_LIMIT,
): Promise<Feature[]> {
  const columns = columnsOf(job)
  const features: Feature[] = []
  for await (const rows of job.pages(as)) {
    if (features.length + rows.length > limit) throw tooBig(format, limit)
    for (const r of rows)
      features.push({
        type: 'Feature',
        id: Number(r.id),
        geometry: JSON.parse(String(r.geometry)),
        properties: propertiesOf(r, columns),
      })
  }
  return features
}

const tooBig = (format: string, limit = IN_MEMORY_LIMIT) => new Problem(413, msg('export.too_big', { format, limit }))

/** The property that labels a placemark in KML when a record has no name, by layer. */
const LABEL_COLUMN: Record<string, string> = {
  stations: 'site_code',
  poles: 'code',
  conversion_items: 'site_code',
}

/**
 * KML: one Placemark per feature, every column in ExtendedData. GDAL and Google Earth read a `name` value as
 * the placemark's name, so `name` is the record's name, or its label (site code, pole code) when it has none.
 */
export async function kml(job: ExportJob): Promise<Buffer> {
  const features = await allFeatures(job, 'KML', 'geojson', KML_LIMIT)
  const label = LABEL_COLUMN[job.layer.name]
  for (const f of features) {
    const p = f.properties
    if (!p.name) p.name = (label ? p[label] : null) ?? p.operator ?? null
    // KML has no null: an empty value stays empty
    for (const [k, v] of Object.entries(p)) if (v === null) p[k] = ''
  }
  const text = tokml(
    { type: 'FeatureCollection', features },
    {
      documentName: job.title,
      documentDescription: job.crs ? crsNote(job.crs) : 'WGS 84',
      name: 'name',
      description: 'description',
      simplestyle: false,
      timestamp: 'timestamp',
    },
  )
  return Buffer.from(text, 'utf8')
}

// The DBF of a Shapefile keeps 254 bytes of text per field; the `dbf` writer shp-write uses writes one byte per
// JS character, so text is handed to it as its UTF-8 bytes (one character per byte) and the .cpg says UTF-8.
const DBF_TEXT_BYTES = 254

function dbfText(value: string): string {
  let bytes = Buffer.from(value, 'utf8')
  if (bytes.length > DBF_TEXT_BYTES) {
    // cut at a character boundary: never inside a multi-byte sequence (continuation bytes are 10xxxxxx)
    let end = DBF_TEXT_BYTES
    while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--
    bytes = bytes.subarray(0, end)
  }
  return bytes.toString('latin1')
}

const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],' +
  'PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]'

const SHP_TYPES: Record<LayerSql['geometryType'], 'POINT' | 'POLYLINE' | 'POLYGON'> = {
  Point: 'POINT',
  MultiLineString: 'POLYLINE',
  MultiPolygon: 'POLYGON',
}

/** The bytes of a DataView the shp-write writer answers. */
const bytesOf = (view: DataView) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength)

/**
 * A zipped Shapefile: .shp/.shx/.dbf from shp-write's writer (one record per feature; its zip() would merge
 * every line into one record), .prj (WGS 84), .cpg (UTF-8) and a README saying where the VN-2000 columns are.
 * Outer rings arrive clockwise from PostGIS, as the format wants.
 */
export async function shapefileZip(job: ExportJob): Promise<Buffer> {
  const features = await allFeatures(job, 'Shapefile', 'shape')
  const columns = columnsOf(job)
  // every row carries every field (the DBF's fields are the union of the rows'), text as its UTF-8 bytes
  const rows = features.map((f) =>
    Object.fromEntries(
      columns.map((c) => {
        const v = f.properties[c.name]
        return [c.name, typeof v === 'string' ? dbfText(v) : (v ?? null)]
      }),
    ),
  )
  const name = job.layer.name
  const files: Record<string, Uint8Array> = {}
  if (features.length > 0) {
    const geometries = features.map((f) => f.geometry.coordinates as object)
    shpwrite.write(rows, SHP_TYPES[job.layer.geometryType], geometries, (err, out) => {
      if (err) throw err
      files[`${name}.shp`] = bytesOf(out.shp)
      files[`${name}.shx`] = bytesOf(out.shx)
      files[`${name}.dbf`] = bytesOf(out.dbf)
    })
    files[`${name}.prj`] = strToU8(WGS84_PRJ)
    files[`${name}.cpg`] = strToU8('UTF-8')
  }
  files['README.txt'] = strToU8(
    `${job.title}\r\nWGS 84 (EPSG:4326). Text in UTF-8 (${name}.cpg).\r\n` +
      (job.crs ? `${crsNote(job.crs)}\r\n` : '') +
      (features.length === 0 ? 'No features: the Shapefile format cannot hold an empty layer.\r\n' : ''),
  )
  return Buffer.from(zipSync(files))
}

let sqlJs: Promise<SqlJsStatic> | undefined

const GPKG_TYPES: Record<ColumnType, string> = {
  text: 'TEXT',
  integer: 'INTEGER',
  real: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
}
const GPKG_GEOMETRY: Record<LayerSql['geometryType'], string> = {
  Point: 'POINT',
  MultiLineString: 'MULTILINESTRING',
  MultiPolygon: 'MULTIPOLYGON',
}

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],' +
  'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],' +
  'AUTHORITY["EPSG","4326"]]'

/**
 * A GeoPackage geometry: the binary header (magic "GP", version 0, flags: little-endian, envelope [minx, maxx,
 * miny, maxy] for lines and areas, none for points; the SRS id) followed by PostGIS's own WKB.
 */
function gpkgGeometry(row: Row, srsId: number, point: boolean): Uint8Array {
  const wkb = Buffer.from(String(row.wkb), 'hex')
  const header = Buffer.alloc(point ? 8 : 40)
  header.write('GP', 0, 'latin1')
  header.writeUInt8(0, 2)
  header.writeUInt8(point ? 0b0000_0001 : 0b0000_0011, 3)
  header.writeInt32LE(srsId, 4)
  if (!point) {
    header.writeDoubleLE(Number(row.minX), 8)
    header.writeDoubleLE(Number(row.maxX), 16)
    header.writeDoubleLE(Number(row.minY), 24)
    header.writeDoubleLE(Number(row.maxY), 32)
  }
  return Buffer.concat([header, wkb])
}

export async function geoPackage(job: ExportJob): Promise<Buffer> {
  sqlJs ??= initSqlJs()
  const SQL = await sqlJs
  const db = new SQL.Database()
  try {
    db.exec(GPKG_PRAGMAS)
    db.exec(GPKG_TABLES)
    db.run(GPKG_INSERT_SRS, ['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian'])
    db.run(GPKG_INSERT_SRS, ['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic'])
    db.run(GPKG_INSERT_SRS, ['WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude, WGS 84'])
    if (job.crs)
      // the zone of the vn2000_x/vn2000_y columns, exactly as the database applies it (not used by a geometry)
      db.run(GPKG_INSERT_SRS, [
        job.crs.name,
        job.crs.zone.srid,
        'TELGIS',
        job.crs.zone.srid,
        job.crs.wkt,
        crsNote(job.crs),
      ])
    const table = job.layer.name
    const columns = columnsOf(job).filter((c) => c.name !== 'id')
    db.exec(
      gpkgFeatureTable(
        table,
        GPKG_GEOMETRY[job.layer.geometryType],
        columns.map((c) => [c.name, GPKG_TYPES[c.type]]),
      ),
    )
    const point = job.layer.geometryType === 'Point'
    const extent = [Infinity, Infinity, -Infinity, -Infinity]
    let count = 0
    const insert = db.prepare(
      gpkgInsertFeature(
        table,
        columns.map((c) => c.name),
      ),
    )
    try {
      for await (const rows of job.pages('wkb')) {
        count += rows.length
        if (count > IN_MEMORY_LIMIT) throw tooBig('GeoPackage')
        db.exec('BEGIN')
        for (const r of rows) {
          extent[0] = Math.min(extent[0]!, Number(r.minX))
          extent[1] = Math.min(extent[1]!, Number(r.minY))
          extent[2] = Math.max(extent[2]!, Number(r.maxX))
          extent[3] = Math.max(extent[3]!, Number(r.maxY))
          const values = columns.map((c) => {
            const v = cell(r[c.name], c.type)
            return typeof v === 'boolean' ? (v ? 1 : 0) : v
          })
          insert.run([Number(r.id), gpkgGeometry(r, 4326, point), ...values])
        }
        db.exec('COMMIT')
      }
    } finally {
      insert.free()
    }
    const box = count > 0 ? extent : [null, null, null, null]
    db.run(GPKG_INSERT_CONTENTS, [table, job.title, job.crs ? crsNote(job.crs) : '', ...box, 4326] as (
      | string
      | number
      | null
    )[])
    db.run(GPKG_INSERT_GEOMETRY_COLUMN, [table, GPKG_GEOMETRY[job.layer.geometryType], 4326])
    return Buffer.from(db.export())
  } finally {
    db.close()
  }
}
