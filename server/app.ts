import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import express, { type RequestHandler } from 'express'
import helmet from 'helmet'
import { Api } from './http/api'
import type { AppDeps } from './http/context'
import { apiNotFound, problemHandler } from './http/errors'
import { forbidden } from './http/problems'
import { loadSession } from './auth/middleware'
import { log } from './log'
import { authRoutes } from './auth/routes'
import { auditRoutes } from './audit/routes'
import { healthRoutes } from './health/routes'
import { carrierRoutes } from './carriers/routes'
import { setupRoutes } from './setup/routes'
import { userRoutes } from './users/routes'
import { coordinateRoutes } from './coords/routes'
import { cableRoutes } from './cables/routes'
import { tileRouter } from './tiles/routes'
import { BOUNDARY_IMPORT_PATH, boundaryImportBody, boundaryRoutes } from './boundaries/routes'
import { publicStationRoutes, stationPhotoRoutes, stationRoutes } from './stations/routes'
import { planningRoutes } from './planning/routes'
import { notificationRoutes } from './notifications/routes'
import { conversionRoutes } from './conversions/routes'
import { basemapRouter, basemapRoutes } from './basemap/routes'
import { OGC_PREFIXES, ogcRoutes } from './ogc/routes'
import { openDataRoutes } from './opendata/routes'
import { exportRoutes } from './exports/routes'
import { planRoutes } from './plans/routes'
import { reportRoutes } from './reports/routes'
import { searchRoutes } from './search/routes'
import { inspectionRoutes } from './inspections/routes'
import { campaignRoutes } from './campaigns/routes'
import { ticketRoutes } from './tickets/routes'
import { apiTokenAuth } from './ogc/tokens'
import { nfcReviver } from './http/text'

const CLIENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/client')

const requestContext: RequestHandler = (req, res, next) => {
  req.requestId = crypto.randomUUID()
  res.setHeader('X-Request-Id', req.requestId)
  const started = process.hrtime.bigint()
  res.on('finish', () => {
    if (!req.path.startsWith('/api')) return
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    log.info('request', {
      requestId: req.requestId,
      method: req.method,
      path: req.path,
      status: res.statusCode,
      ms: Math.round(ms * 10) / 10,
      user: req.user?.username,
    })
  })
  next()
}

// A cross-site page cannot send JSON with our cookie past SameSite=Lax; this also refuses
// unsafe requests whose Origin names another site.
const sameOrigin: RequestHandler = (req, _res, next) => {
  const origin = req.headers.origin
  if (!origin || ['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next()
  try {
    if (new URL(origin).host === req.headers.host) return next()
  } catch {
    // fall through: an unparsable Origin is as foreign as another site's
  }
  next(forbidden('request.cross_site'))
}

// Answers about a signed-in user's data must not outlive the session in a shared browser's cache or a proxy;
// public answers (public map, public tiles, static files) set their own caching and override this.
const privateByDefault: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'private, no-store')
  next()
}

/** The OpenAPI document's title and version. */
export const API_INFO = { title: 'Telecom infrastructure GIS API', version: '0.1.0' }

/**
 * Every API route, registered once: the app serves them and /api/openapi.json (and the client's types) describe
 * them. Each domain's registrars are called here, so this list shows every feature.
 */
export function buildApi(): Api {
  const api = new Api()
  healthRoutes(api)
  authRoutes(api)
  userRoutes(api)
  carrierRoutes(api)
  setupRoutes(api)
  auditRoutes(api)
  coordinateRoutes(api)
  boundaryRoutes(api)
  cableRoutes(api)
  stationRoutes(api)
  stationPhotoRoutes(api)
  planningRoutes(api)
  planRoutes(api)
  publicStationRoutes(api)
  notificationRoutes(api)
  conversionRoutes(api)
  basemapRoutes(api)
  ogcRoutes(api)
  openDataRoutes(api)
  exportRoutes(api)
  reportRoutes(api)
  searchRoutes(api)
  inspectionRoutes(api)
  campaignRoutes(api)
  ticketRoutes(api)
  return api
}

/**
 * Builds the Express app around its dependencies; `listen` is the caller's business. `extra` is mounted beside the
 * tiles: only the load test passes one (its constant-buffer baseline, bench/load/baseline.ts).
 */
export function buildApp(deps: AppDeps, extra?: express.Router): express.Express {
  const app = express()
  app.locals.deps = deps
  app.disable('x-powered-by')
  app.set('trust proxy', deps.config.trustProxyHops)
  // Only the configured online sources may be reached from the page; a PMTiles basemap is same-origin.
  const basemapOrigins = [deps.config.basemapStyleUrl, deps.config.basemapImageryUrl].flatMap((u) =>
    u ? [new URL(u).origin] : [],
  )
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:', ...basemapOrigins],
          'connect-src': ["'self'", ...basemapOrigins],
          'worker-src': ["'self'", 'blob:'],
          'child-src': ["'self'", 'blob:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'upgrade-insecure-requests': null,
        },
      },
      strictTransportSecurity: deps.config.trustProxyHops > 0,
    }),
  )
  app.use(requestContext)
  app.use(['/api', '/tiles', '/ogc'], privateByDefault)
  // The map's many small GETs (vector tiles, the basemap archive's byte ranges) are matched first: they need none
  // of the API's body parsers, and walking the ~150 API routes before them would cost every tile. `extra` (the
  // load test's constant-buffer baseline) stands at the same place, so the two are compared on the same path.
  if (extra) app.use(extra)
  app.use(tileRouter())
  app.use(basemapRouter())
  const api = buildApi()
  app.post(BOUNDARY_IMPORT_PATH, boundaryImportBody)
  app.use('/api', sameOrigin)
  app.use(api.bodies)
  app.use('/api', express.json({ limit: deps.config.bodyLimit, reviver: nfcReviver }), loadSession)
  app.use('/ogc', loadSession)
  // GIS clients send a read-only API token instead of a session, on the OGC routes only
  app.use([...OGC_PREFIXES], apiTokenAuth)
  const openapi = api.openapi(API_INFO)
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi)
  })
  app.use(api.router)
  app.use(['/api', '/ogc'], apiNotFound)

  if (fs.existsSync(CLIENT_DIR)) {
    app.use(express.static(CLIENT_DIR, { index: false, maxAge: '1h' }))
    app.get(/^(?!\/api\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache')
      res.sendFile(path.join(CLIENT_DIR, 'index.html'))
    })
  }
  app.use(problemHandler)
  return app
}
