// Every SQL statement of the tiles: each layer's table, columns per audience and aggregation, the portable
// clip, the two statements of a tile (ST_AsMVT, or rows for the server's encoder) and the data version read.
import { stationScope } from '../stations/access'
import type { Audience } from './audience'
import { AGGREGATE_BELOW, GRID, type LayerName, servesAudience } from './layers'

/** MVT extent and clip buffer, in tile units. */
export const EXTENT = 4096
const BUFFER = 64

/** The data version of a layer in a province (0 before its first write), bumped by migration 080's triggers. */
export const TILE_VERSION = `
  SELECT coalesce((SELECT version FROM tile_versions WHERE layer = $1 AND province_code = $2), 0) AS version`

interface Band {
  /** Its properties, in order. */
  props: string[]
  /** SELECT over %FROM% and envelopes `b` answering id, the properties and `g` (3857) before clipping. */
  select: string
}

interface LayerSql {
  table: string
  /** The column naming the carrier that owns a row, joined as `o`. */
  owner: string | null
  /** WHERE over `t` for an audience the layer serves. */
  filter: (a: Audience) => string
  /** Detailed properties as [SQL over `t`/`o`, name]; the id is `t.id`. */
  detail: (a: Audience) => [string, string][]
  aggregate: Band
}

// Aggregated points: one feature per grid cell, at the centroid of its points, with their count.
// The id is the cell number, stable for a tile. `&&` only picks candidates through the index: it compares
// float4 boxes, which reach ~1 m beyond the tile, so a point near an edge would count in both tiles. The
// point itself decides, in the tile's own coordinates, with half-open bounds [min, max): every point lies
// in exactly one tile of a zoom, and the counts of a block of tiles add up to the points in it.
const GRID_SELECT = `
  SELECT (floor((ST_X(p) - ST_XMin(b.e3857)) / b.cell) * ${GRID}
          + floor((ST_Y(p) - ST_YMin(b.e3857)) / b.cell))::int AS id,
         count(*)::int AS count, ST_Centroid(ST_Collect(p)) AS g
    FROM (SELECT ST_Transform(t.geom, 3857) AS p FROM %FROM%, b WHERE t.geom && b.e4326s AND %FILTER%) s, b
   WHERE ST_X(p) >= ST_XMin(b.e3857) AND ST_X(p) < ST_XMax(b.e3857)
     AND ST_Y(p) >= ST_YMin(b.e3857) AND ST_Y(p) < ST_YMax(b.e3857)
   GROUP BY 1`

// one feature per kind and status: the network's shape without 10,000 separate lines
const ROUTES_SELECT = `
  SELECT (array_position(ARRAY['underground','tidying','relocation','unlicensed'], t.kind) * 10
          + array_position(ARRAY['planned','under_construction','completed','accepted'], t.status))::int AS id,
         t.kind, t.status, count(*)::int AS count, round(sum(t.length_m)::numeric, 1)::float8 AS length_m,
         ST_CollectionExtract(ST_Collect(ST_Transform(t.geom, 3857)), 2) AS g
    FROM %FROM%, b WHERE t.geom && b.e4326 AND %FILTER% GROUP BY t.kind, t.status`

const ROUTE_CARRIERS = `(SELECT string_agg(c.short_name, ',' ORDER BY c.short_name)
     FROM carriers c WHERE c.id = ANY (t.carrier_ids))`

const LAYERS: Record<LayerName, LayerSql> = {
  poles: {
    table: 'poles',
    owner: 't.owner_carrier_id',
    filter: () => 't.province_code = $4',
    detail: () => [
      ['t.code', 'code'],
      ['o.short_name', 'owner'],
      ['cardinality(t.carrier_ids)', 'carriers'],
    ],
    aggregate: { props: ['count'], select: GRID_SELECT },
  },
  routes: {
    table: 'cable_routes',
    owner: null,
    filter: (a) =>
      a.kind === 'carrier' ? 't.province_code = $4 AND $5::int = ANY (t.carrier_ids)' : 't.province_code = $4',
    detail: (a) => [
      ['t.kind', 'kind'],
      ['t.status', 'status'],
      ['t.name', 'name'],
      ['round(t.length_m::numeric, 1)::float8', 'length_m'],
      ...(a.kind === 'staff' ? [[ROUTE_CARRIERS, 'carriers'] as [string, string]] : []),
    ],
    aggregate: { props: ['kind', 'status', 'count', 'length_m'], select: ROUTES_SELECT },
  },
  stations: {
    table: 'stations',
    owner: 't.carrier_id',
    // who sees which station is the stations' rule (stationScope); on the map a carrier also sees what the
    // public sees
    filter: (a) => {
      const scope = (audience: Audience) => stationScope(audience, 't', '$4', '$5::int')
      return a.kind === 'carrier' ? `((${scope(a)}) OR (${scope({ kind: 'public' })}))` : scope(a)
    },
    detail: (a) => [
      ['o.short_name', 'carrier'],
      ['t.mast_class', 'mast_class'],
      ...((a.kind === 'staff'
        ? [
            ['t.site_code', 'site_code'],
            ['t.state', 'state'],
            ['t.mast_height_m::float8', 'height_m'],
          ]
        : a.kind === 'carrier'
          ? [
              ['CASE WHEN t.carrier_id = $5::int THEN t.site_code END', 'site_code'],
              ['CASE WHEN t.carrier_id = $5::int THEN t.state END', 'state'],
            ]
          : []) as [string, string][]),
    ],
    aggregate: { props: ['count'], select: GRID_SELECT },
  },
}

/**
 * Which rows of a layer an audience sees, as WHERE over `t` ($4 the province, $5 the carrier), or null when the
 * audience gets no such layer; OGC API Features serves the same rows (server/ogc/collections.ts).
 */
export function layerFilter(layer: LayerName, a: Audience): string | null {
  return servesAudience(layer, a) ? LAYERS[layer].filter(a) : null
}

/** The FROM clause of a layer: its table as `t`, with the carrier that owns the row as `o` when it has one. */
function fromClause(layer: LayerName): string {
  const spec = LAYERS[layer]
  return spec.owner ? `${spec.table} t JOIN carriers o ON o.id = ${spec.owner}` : `${spec.table} t`
}

// tile units: x from the envelope's left edge, y down from its top edge
const SCALE_X = `${EXTENT} / (ST_XMax(b.e3857) - ST_XMin(b.e3857))`
const SCALE_Y = `${EXTENT} / (ST_YMax(b.e3857) - ST_YMin(b.e3857))`
const CLIP_BOX = `ST_MakeEnvelope(-${BUFFER}, -${BUFFER}, ${EXTENT + BUFFER}, ${EXTENT + BUFFER})`

/**
 * ST_AsMVTGeom without protobuf (the embedded PostGIS refuses even ST_AsMVTGeom), in the order PostGIS's
 * mvt_geom takes its steps, so both encoders draw the same integers (test/integration/tiles-encoders.test.ts):
 * drop lines smaller than half a pixel both ways (judged, as PostGIS does, on the float box a geometry of more
 * than two points stores; points and two-point lines have none and are never dropped here), scale to tile
 * units with y down, snap to the integer grid, remove points on straight lines, clip to the tile plus buffer,
 * snap again (the clip makes new points) and drop what collapsed.
 */
const PORTABLE_MVT_GEOM = `(SELECT CASE WHEN NOT ST_IsEmpty(c.g) THEN c.g END FROM (SELECT
    ST_SnapToGrid(ST_ClipByBox2D(t.g, ${CLIP_BOX}), 1) AS g
    FROM (SELECT ST_Simplify(ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Affine(s.g,
      ${SCALE_X}, 0, 0, -(${SCALE_Y}),
      -ST_XMin(b.e3857) * (${SCALE_X}),
      ST_YMax(b.e3857) * (${SCALE_Y})), 1)), 0) AS g) t
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

function build(layer: LayerName, a: Audience, aggregated: boolean): TileSql | null {
  const filter = layerFilter(layer, a)
  if (filter === null) return null
  const spec = LAYERS[layer]
  const from = fromClause(layer)
  let inner: string
  let props: string[]
  if (aggregated) {
    inner = spec.aggregate.select.replace('%FROM%', from).replace('%FILTER%', filter)
    props = spec.aggregate.props
  } else {
    const detail = spec.detail(a)
    inner = `SELECT t.id, ${detail.map(([expr, name]) => `${expr} AS "${name}"`).join(', ')},
                    ST_Transform(t.geom, 3857) AS g
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
    mvt: `${native}
      SELECT ST_AsMVT(r.*, '${layer}', ${EXTENT}, 'geom', 'id') AS tile FROM rows r WHERE r.geom IS NOT NULL`,
    rows: `${portable}
      SELECT r.id, ${props.map((p) => `r."${p}"`).join(', ')}, ST_AsGeoJSON(r.geom) AS geom
        FROM rows r WHERE r.geom IS NOT NULL`,
    props,
    extraParams: (provinceCode, aud) =>
      usesCarrier && aud.kind === 'carrier' ? [provinceCode, aud.carrierId] : [provinceCode],
  }
}

const BUILT = new Map<string, TileSql | null>()

/** The tile SQL for a layer, audience and zoom; built once per combination. Null: the audience gets no tile. */
export function tileSql(layer: LayerName, a: Audience, z: number): TileSql | null {
  const aggregated = z < AGGREGATE_BELOW[layer]
  const key = `${layer}/${a.kind}/${aggregated}`
  if (!BUILT.has(key)) BUILT.set(key, build(layer, a, aggregated))
  return BUILT.get(key)!
}
