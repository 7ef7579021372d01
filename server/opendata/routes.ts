import type { Request, Response } from 'express'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { datasetUpdated, publicCount, publicStations, stationsCsv, stationsGeoJson } from './service'

/** The stable addresses of the open data. */
export const OPEN_DATA = {
  index: '/api/open-data',
  csv: '/api/open-data/stations.csv',
  geojson: '/api/open-data/stations.geojson',
} as const

// Public data: a browser, a proxy or a CDN may keep it for a while (the app's default is private, no-store).
const publicCache = (res: Response) => res.setHeader('Cache-Control', 'public, max-age=600')
const origin = (req: Request) => `${req.protocol}://${req.get('host')}`

async function metadata(req: Request) {
  const { db, config } = deps(req)
  const updated = await datasetUpdated(db, config.provinceCode)
  return {
    title: 'Trạm BTS đang hoạt động · Base stations in service',
    province: config.provinceCode,
    licence: config.openDataLicence,
    updated,
    positionDecimals: config.openDataDecimals ?? null,
    crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
  }
}

type Stations = Awaited<ReturnType<typeof publicStations>>

/** A handler answering the stations in service as the file `bts-<province>.<ending>`, which anyone may cache. */
function stationsFile(ending: string, mediaType: string, write: (stations: Stations, req: Request) => Promise<string>) {
  return async ({ req, res }: { req: Request; res: Response }) => {
    const { db, config } = deps(req)
    const file = await write(await publicStations(db, config.provinceCode, config.openDataDecimals), req)
    publicCache(res)
    res.setHeader('Content-Disposition', `attachment; filename="bts-${config.provinceCode}.${ending}"`)
    res.type(mediaType).send(file)
  }
}

/** Open data of the stations in service: metadata, CSV and GeoJSON at stable addresses, and the OGC API. */
export function openDataRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: OPEN_DATA.index,
    summary: 'Open data: what is published, under which licence, when it last changed, and where',
    tag: 'open-data',
    access: 'public',
    async handler({ req, res }) {
      const { db, config } = deps(req)
      const count = await publicCount(db, config.provinceCode)
      publicCache(res)
      const o = origin(req)
      return {
        ...(await metadata(req)),
        count,
        downloads: [
          { format: 'CSV', mediaType: 'text/csv', href: o + OPEN_DATA.csv },
          { format: 'GeoJSON', mediaType: 'application/geo+json', href: o + OPEN_DATA.geojson },
        ],
        ogc: `${o}/ogc/collections/stations`,
      }
    },
  })

  api.route({
    method: 'get',
    path: OPEN_DATA.csv,
    summary: 'Open data: the stations in service as CSV (UTF-8 with BOM)',
    tag: 'open-data',
    access: 'public',
    handler: stationsFile('csv', 'text/csv; charset=utf-8', async (stations) => stationsCsv(stations)),
  })

  api.route({
    method: 'get',
    path: OPEN_DATA.geojson,
    summary: 'Open data: the stations in service as GeoJSON',
    tag: 'open-data',
    access: 'public',
    handler: stationsFile('geojson', 'application/geo+json', async (stations, req) =>
      stationsGeoJson(stations, await metadata(req)),
    ),
  })
}
