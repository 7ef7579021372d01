// The tile layers: the allow-list, which audience gets which layer, and the zoom below which a layer is
// drawn aggregated. The SQL of each layer (its table, columns per audience and aggregation) is in sql.ts.
import type { Audience } from './audience'

/** The allow-listed layers. */
export const LAYER_NAMES = ['poles', 'routes', 'stations'] as const
export type LayerName = (typeof LAYER_NAMES)[number]

export const isLayer = (name: string | undefined): name is LayerName =>
  name !== undefined && (LAYER_NAMES as readonly string[]).includes(name)

/**
 * Zooms below these draw one feature per grid cell (points) or per kind and status (routes), so a tile over the
 * whole city stays small.
 */
export const AGGREGATE_BELOW: Record<LayerName, number> = { poles: 13, routes: 12, stations: 10 }

/** Grid cells per tile side for aggregated point layers: at most 4,096 features per tile. */
export const GRID = 64

/**
 * Whether an audience gets a layer at all: the public sees stations only (poles and routes are for signed-in
 * users; carrier lists stay out of public tiles).
 */
export const servesAudience = (layer: LayerName, a: Audience): boolean => layer === 'stations' || a.kind !== 'public'

/** The audience's part of a tile's cache key and ETag: public, staff, or one carrier. */
export const audienceKey = (a: Audience): string => (a.kind === 'carrier' ? `c${a.carrierId}` : a.kind)
