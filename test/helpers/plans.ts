// Plan test helpers: a plan of a carrier, uploads, and generated features inside the demo province.
import type { TestApp } from './app'

/** Defaults that let a bare geometry (the geojsonhint fixtures carry no plan properties) be a plan feature. */
export const DEFAULTS = { mastClass: 'A2a', heightM: 30, year: 2027, routeKind: 'underground' }

/** Creates a 2026–2030 plan as the carrier and answers its id. */
export async function newPlan(app: TestApp, cookie: string, title = 'Quy hoạch 2026–2030'): Promise<number> {
  const res = await app.request('POST', '/api/plans', { cookie, body: { title, periodFrom: 2026, periodTo: 2030 } })
  if (res.status !== 201) throw new Error(`plan: ${res.status} ${await res.text()}`)
  return (await res.json()).id
}

/** Uploads a file as the plan's next version. */
export const upload = (
  app: TestApp,
  cookie: string,
  planId: number,
  format: string,
  content: string,
  defaults: Record<string, unknown> = DEFAULTS,
) =>
  app.request('POST', `/api/plans/${planId}/versions`, {
    cookie,
    body: { format, fileName: `plan.${format}`, content, defaults },
  })

/** A site feature at a grid position `i` inside the demo province (~100 m apart). */
export const siteAt = (i: number, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: { code: `S${i}`, mastClass: 'A2a', height: 24, year: 2027, ...properties },
  geometry: { type: 'Point', coordinates: [106.6 + (i % 100) * 0.001, 10.75 + Math.floor(i / 100) * 0.0008] },
})

export const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features })
