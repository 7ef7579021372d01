// The tile layers: an allow-list of tables, the columns each audience may see, and how low zooms are
// aggregated. SQL for every (layer, audience, zoom band) is built once at start; a request binds only
// z/x/y and, where a layer needs them, the province and the carrier.
import { stationScope } from '../stations/access'
import type { Audience } from './audience'

interface Band {
  /** Zooms below this use the aggregated query. */
  belowZoom: number
  /** Its properties, in order. */
  props: string[]
  /** SELECT over %FROM% and envelopes `b` answering id, the properties and `g` (3857) before clipping. */
  select: string
}

export interface LayerSpec {
  table: string
  /** Extra WHERE over `t`, per audience; null means this audience gets no tile. */
  filter: (a: Audience) => string | null
  /** Detailed properties as [SQL over `t`/`o`, name]; the id is `t.id`. */
  detail: (a: Audience) => [string, string][]
  aggregate: Band
}

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`

/** Grid cells per tile side for aggregated point layers: at most 4,096 features per tile. */
export const GRID = 64

// Aggregated points: one feature per grid cell, at the centroid of its points, with their count.
// The id is the cell number, stable for a tile. `&&` only picks candidates through the index: it compares
// float4 boxes, which reach ~1 m beyond the tile, so a point near an edge would count in both tiles. The
// point itself decides, in the tile's own coordinates, with half-open bounds [min, max): every point lies
// in exactly one tile of a zoom, and the counts of a block of tiles add up to the points in it.
const gridSelect = `
  SELECT (floor((ST_X(p) - ST_XMin(b.e3857)) / b.cell) * ${GRID} + floor((ST_Y(p) - ST_YMin(b.e3857)) / b.cell))::int AS id,
         count(*)::int AS count, ST_Centroid(ST_Collect(p)) AS g
    FROM (SELECT ST_Transform(t.geom, 3857) AS p FROM %FROM%, b WHERE t.geom && b.e4326s AND %FILTER%) s, b
   WHERE ST_X(p) >= ST_XMin(b.e3857) AND ST_X(p) < ST_XMax(b.e3857)
     AND ST_Y(p) >= ST_YMin(b.e3857) AND ST_Y(p) < ST_YMax(b.e3857)
   GROUP BY 1`

/** The allow-listed layers. */
export const LAYERS: Record<string, LayerSpec> = {
  poles: {
    table: 'poles',
    // the poles layer is for signed-in users; carrier lists stay out of tiles (only a count)
    filter: (a) => (a.kind === 'public' ? null : 't.province_code = $4'),
    detail: () => [
      ['t.code', 'code'],
      ['o.short_name', 'owner'],
      ['cardinality(t.carrier_ids)', 'carriers'],
    ],
    aggregate: { belowZoom: 13, props: ['count'], select: gridSelect },
  },
  routes: {
    table: 'cable_routes',
    filter: (a) =>
      a.kind === 'public'
        ? null
        : a.kind === 'carrier'
          ? 't.province_code = $4 AND $5::int = ANY (t.carrier_ids)'
          : 't.province_code = $4',
    detail: (a) => [
      ['t.kind', 'kind'],
      ['t.status', 'status'],
      ['t.name', 'name'],
      ['round(t.length_m::numeric, 1)::float8', 'length_m'],
      ...(a.kind === 'staff'
        ? [
            [
              `(SELECT string_agg(c.short_name, ',' ORDER BY c.short_name) FROM carriers c WHERE c.id = ANY (t.carrier_ids))`,
              'carriers',
            ] as [string, string],
          ]
        : []),
    ],
    aggregate: {
      belowZoom: 12,
      props: ['kind', 'status', 'count', 'length_m'],
      // one feature per kind and status: the network's shape without 10,000 separate lines
      select: `
        SELECT (array_position(ARRAY['underground','tidying','relocation','unlicensed'], t.kind) * 10
                + array_position(ARRAY['planned','under_construction','completed','accepted'], t.status))::int AS id,
               t.kind, t.status, count(*)::int AS count, round(sum(t.length_m)::numeric, 1)::float8 AS length_m,
               ST_CollectionExtract(ST_Collect(ST_Transform(t.geom, 3857)), 2) AS g
          FROM %FROM%, b WHERE t.geom && b.e4326 AND %FILTER% GROUP BY t.kind, t.status`,
    },
  },
  stations: {
    table: 'stations',
    // the public sees stations in service with public fields only; a carrier also sees its own in any state;
    // staff see every station except carriers' drafts
    // who sees which station is the stations' rule (stationScope); on the map a carrier also sees what the public sees
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
    aggregate: { belowZoom: 10, props: ['count'], select: gridSelect },
  },
}

/** The FROM clause of a layer: its table as `t`, with the carrier that owns the row as `o` when it has one. */
export function fromClause(layer: string): string {
  const spec = LAYERS[layer]!
  const owner = layer === 'poles' ? 't.owner_carrier_id' : layer === 'stations' ? 't.carrier_id' : null
  return owner ? `${q(spec.table)} t JOIN carriers o ON o.id = ${owner}` : `${q(spec.table)} t`
}
