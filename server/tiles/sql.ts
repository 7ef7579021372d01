import type { Audience } from './audience'
import { fromClause, GRID, LAYERS } from './layers'

/** MVT extent and clip buffer, in tile units. */
export const EXTENT = 4096
const BUFFER = 64

/**
 * ST_AsMVTGeom without protobuf (the embedded PostGIS refuses even ST_AsMVTGeom), in the order PostGIS's
 * mvt_geom takes its steps, so both encoders draw the same integers (test/integration/tiles-encoders.test.ts):
 * drop lines smaller than half a pixel both ways (judged, as PostGIS does, on the float box a geometry of more than
 * two points stores; points and two-point lines have none and are never dropped here), scale to tile
 * units with y down, snap to the integer grid, remove points on straight lines, clip to the tile plus buffer,
 * snap again (the clip makes new points) and drop what collapsed.
 */
const PORTABLE_MVT_GEOM = `(SELECT CASE WHEN NOT ST_IsEmpty(c.g) THEN c.g END FROM (SELECT
    ST_SnapToGrid(ST_ClipByBox2D(t.g, ST_MakeEnvelope(-${BUFFER}, -${BUFFER}, ${EXTENT + BUFFER}, ${EXTENT + BUFFER})), 1) AS g
    FROM (SELECT ST_Simplify(ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Affine(s.g,
      ${EXTENT} / (ST_XMax(b.e3857) - ST_XMin(b.e3857)), 0, 0, -(${EXTENT} / (ST_YMax(b.e3857) - ST_YMin(b.e3857))),
      -ST_XMin(b.e3857) * (${EXTENT} / (ST_XMax(b.e3857) - ST_XMin(b.e3857))),
      ST_YMax(b.e3857) * (${EXTENT} / (ST_YMax(b.e3857) - ST_YMin(b.e3857)))), 1)), 0) AS g) t
    WHERE NOT ST_IsEmpty(t.g) AND (ST_NPoints(s.g) <= 2
       OR ST_XMax(Box2D(s.g)) - ST_XMin(Box2D(s.g)) >= (ST_XMax(b.e3857) - ST_XMin(b.e3857)) / ${EXTENT} / 2
       OR ST_YMax(Box2D(s.g)) - ST_YMin(Box2D(s.g)) >= (ST_YMax(b.e3857) - ST_YMin(b.e3857)) / ${EXTENT} / 2)) c)`

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
    extraParams: (provinceCode, aud) =>
      usesCarrier && aud.kind === 'carrier' ? [provinceCode, aud.carrierId] : [provinceCode],
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
