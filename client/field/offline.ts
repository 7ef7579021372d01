// The field mode's offline side on the page: registers the service worker (client/field/sw.js, emitted at
// /sw.js by vite.config.ts), warms its caches with the answers a reload needs, and fetches the map tiles of
// the assignments' area through it, a bounded number.
import { PMTiles } from 'pmtiles'
import { http } from '../api/http'
import type { BasemapSettings } from '../api/types'
import { fieldApi } from './api'
import type { LonLat } from './geo'
import { tilesToKeep, type TileXYZ } from './tiles'

/** The query that marks the field map's vector tiles: the service worker keeps only these (bounded). */
export const FIELD_TILE_MARK = 'field=1'
/** The vector tile layers the field map draws, and the deepest zoom each is asked at (deeper ones overzoom). */
export const FIELD_TILE_LAYERS = { stations: 16, routes: 14, poles: 14 } as const
export const fieldTileUrl = (layer: string) => `${location.origin}/tiles/${layer}/{z}/{x}/{y}.mvt?${FIELD_TILE_MARK}`

/** Zooms and bounds of the tiles kept per layer (the service worker bounds its caches again). */
export const TILE_ZOOMS = { minZoom: 12 } as const
export const MAX_TILES_PER_LAYER = 60
/** The street basemap stops at its archive's max zoom (15 for Protomaps); fewer of its tiles are kept. */
export const MAX_BASEMAP_TILES = 60

const swSupported = () => 'serviceWorker' in navigator && window.isSecureContext

/** Registers the service worker once; answers whether a worker now controls this page. */
export async function registerServiceWorker(): Promise<boolean> {
  if (!swSupported()) return false
  await navigator.serviceWorker.register('/sw.js', { scope: '/' })
  if (navigator.serviceWorker.controller) return true
  // the worker claims open pages when it activates
  await new Promise<void>((resolve) => {
    const done = () => resolve()
    navigator.serviceWorker.addEventListener('controllerchange', done, { once: true })
    setTimeout(done, 15_000)
  })
  return navigator.serviceWorker.controller !== null
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<unknown>): Promise<number> {
  let ok = 0
  for (let i = 0; i < items.length; i += size) {
    const results = await Promise.allSettled(items.slice(i, i + size).map(run))
    ok += results.filter((r) => r.status === 'fulfilled').length
  }
  return ok
}

/** Fetches one vector tile through the service worker (which keeps it); 204 (empty) counts as kept. */
async function fetchTile(layer: string, t: TileXYZ): Promise<void> {
  const res = await fetch(`/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt?${FIELD_TILE_MARK}`, { credentials: 'same-origin' })
  if (!res.ok) throw new Error(String(res.status))
  await res.arrayBuffer()
}

export interface WarmUp {
  tiles: number
  basemapTiles: number
}

/**
 * With the worker in control: asks again for what a reload of /field needs (the session's start calls, the
 * districts, the assignments and checklists), so the worker has its answers when the network is gone.
 */
export async function warmAnswers(province: string): Promise<void> {
  await Promise.all([
    http.get('/api/health'),
    http.get('/api/basemap'),
    http.get('/api/auth/me'),
    http.get('/api/admin-units', { level: 'district', province }),
    fieldApi.assignments(),
    fieldApi.checklists().catch(() => []),
  ])
}

/** Then the vector tiles and the street basemap's tiles of the assignments' area, through the worker. */
export async function warmTiles(targets: readonly LonLat[], basemap: BasemapSettings | null): Promise<WarmUp> {
  // the same area fetched lately (and its copies not dropped since) is not fetched again at every visit
  const signature = JSON.stringify({ targets, street: basemap?.street ?? null })
  const last = readWarm()
  if (last && last.signature === signature && Date.now() - last.at < REWARM_MS) return { tiles: 0, basemapTiles: 0 }
  let kept = 0
  for (const [layer, maxZoom] of Object.entries(FIELD_TILE_LAYERS)) {
    const tiles = tilesToKeep(targets, { minZoom: TILE_ZOOMS.minZoom, maxZoom, max: MAX_TILES_PER_LAYER })
    kept += await inBatches(tiles, 4, (t) => fetchTile(layer, t))
  }
  let basemapTiles = 0
  const street = basemap?.street
  if (street?.kind === 'pmtiles') {
    const archive = new PMTiles(new URL(street.url, location.href).href)
    const header = await archive.getHeader()
    const zooms = { minZoom: Math.max(TILE_ZOOMS.minZoom, header.minZoom), maxZoom: header.maxZoom }
    const wanted = tilesToKeep(targets, { ...zooms, max: MAX_BASEMAP_TILES })
    basemapTiles = await inBatches(wanted, 4, (t) => archive.getZxy(t.z, t.x, t.y))
  }
  localStorage.setItem(WARM_KEY, JSON.stringify({ signature, at: Date.now() }))
  return { tiles: kept, basemapTiles }
}

const WARM_KEY = 'telgis.field.warm'
const REWARM_MS = 6 * 3600_000

function readWarm(): { signature: string; at: number } | null {
  try {
    return JSON.parse(localStorage.getItem(WARM_KEY) ?? 'null') as { signature: string; at: number } | null
  } catch {
    return null
  }
}

/** Drops the worker's copies of API answers and tiles (at sign-out); the app shell stays. */
export async function forgetOfflineCopies(): Promise<void> {
  localStorage.removeItem(WARM_KEY)
  if (!('caches' in window)) return
  const names = await caches.keys()
  await Promise.all(names.filter((n) => !n.startsWith('telgis-shell-')).map((n) => caches.delete(n)))
}
