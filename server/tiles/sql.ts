import { fromClause, GRID, LAYERS, type Audience } from './layers'

/** MVT extent and clip buffer, in tile units. */
export const EXTENT = 4096
const BUFFER = 64

/**
 * ST_AsMVTGeom without protobuf (the embedded PostGIS refuses even ST_AsMVTGeom): drop lines and
 * polygons smaller than half a pixel, clip to the tile plus buffer, scale to tile units with y down,
 * snap to the integer grid and drop what collapsed — the steps PostGIS's mvt_geom takes.
 */
const PORTABLE_MVT_GEOM = `(SELECT CASE WHEN NOT ST_IsEmpty(t.g) THEN t.g END FROM (SELECT
    ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_TransScale(
      ST_ClipByBox2D(s.g, ST_Expand(b.e3857, (ST_XMax(b.e3857) - ST_XMin(b.e3857)) * ${BUFFER / EXTENT})),
      -ST_XMin(b.e3857), -ST_YMax(b.e3857), ${EXTENT} / (ST_XMax(b.e3857) - ST_XMin(b.e3857)), -${EXTENT} / (ST_YMax(b.e3857) - ST_YMin(b.e3857))), 1)) AS g
    WHERE GeometryType(s.g) IN ('POINT', 'MULTIPOINT')
       OR ST_XMax(s.g) - ST_XMin(s.g) >= (ST_XMax(b.e3857) - ST_XMin(b.e3857)) / ${EXTENT} / 2
       OR ST_YMax(s.g) - ST_YMin(s.g) >= (ST_YMax(b.e3857) - ST_YMin(b.e3857)) / ${EXTENT} / 2) t)`

/** The two statements of one tile query: ST_AsMVT for PostgreSQL, clipped rows for the server-side encoder. */
export interface TileSql {
  mvt: string
  rows: string
  props: string[]
  /** Parameters after z/x/y: the province, and the carrier for a carrier's tiles. */
  extraParams: (provinceCode: string, a: Audience) => unknown[]
}

function build(layer: string, a: Audience, aggregated: boolean): TileSql | null {
  const spec = LAYERS[layer]!
  const filter = spec.filter(a)
  if (filter === null) return null
  const from = fromClause(layer)
  let inner: string
  let props: string[]
  if (aggregated) {
    inner = spec.aggregate.select.replace('%FROM%', from).replace('%FILTER%', filter)
    props = spec.aggregate.props
  } else {
    const detail = spec.detail(a)
    inner = `SELECT t.id, ${detail.map(([expr, name]) => `${expr} AS "${name}"`).join(', ')}, ST_Transform(t.geom, 3857) AS g
               FROM ${from}, b WHERE t.geom && b.e4326 AND ${filter}`
    props = detail.map(([, name]) => name)
  }
  const cols = props.map((p) => `s."${p}"`).join(', ')
  // the tile envelope is transformed to the data's SRID, never the indexed column
  const head = (clip: string) => `
    WITH b AS (
      SELECT e.e3857, ST_Transform(ST_TileEnvelope($1, $2, $3, margin => ${BUFFER / EXTENT}), 4326) AS e4326,
             ST_Transform(e.e3857, 4326) AS e4326s, (ST_XMax(e.e3857) - ST_XMin(e.e3857)) / ${GRID} AS cell
        FROM (SELECT ST_TileEnvelope($1, $2, $3) AS e3857) e
    ), rows AS (
      SELECT s.id, ${cols}, ${clip} AS geom FROM (${inner}) s, b
    )`
  const native = head(`ST_AsMVTGeom(s.g, b.e3857, ${EXTENT}, ${BUFFER}, true)`)
  const portable = head(PORTABLE_MVT_GEOM)
  const usesCarrier = /\$5\b/.test(native)
  return {
    mvt: `${native} SELECT ST_AsMVT(r.*, '${layer.replace(/'/g, "''")}', ${EXTENT}, 'geom', 'id') AS tile FROM rows r WHERE r.geom IS NOT NULL`,
    rows: `${portable} SELECT r.id, ${props.map((p) => `r."${p}"`).join(', ')}, ST_AsGeoJSON(r.geom) AS geom FROM rows r WHERE r.geom IS NOT NULL`,
    props,
    extraParams: (provinceCode, aud) => (usesCarrier && aud.kind === 'carrier' ? [provinceCode, aud.carrierId] : [provinceCode]),
  }
}

const CACHE = new Map<string, TileSql | null>()

/** The tile SQL for a layer, audience and zoom; built once per combination. Null: the audience gets no tile. */
export function tileSql(layer: string, a: Audience, z: number): TileSql | null {
  const aggregated = z < LAYERS[layer]!.aggregate.belowZoom
  const key = `${layer}/${a.kind}/${aggregated}`
  if (!CACHE.has(key)) CACHE.set(key, build(layer, a, aggregated))
  return CACHE.get(key)!
}
