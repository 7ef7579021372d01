// The service worker of the field mode, served at /sw.js (vite.config.ts emits it with the build's file list
// in place of BUILD). It keeps, all same-origin:
// - the app shell (every file of the build, cache first; a page's navigation falls back to index.html offline),
// - the last answer of the few GET calls a reload of /field needs (network first, the copy when offline),
// - the vector tiles the field map asks for (marked ?field=1), and the street basemap's byte ranges asked by
//   /field — network first, both bounded in count (oldest dropped first).
// Everything else passes by untouched. Writes (POST …) never go through a cache: the page's sync queue owns them.

const BUILD = { version: 'dev', files: [] } // replaced at build time

const SHELL = `telgis-shell-${BUILD.version}`
const DATA = 'telgis-data'
const TILES = 'telgis-tiles'
const BASEMAP = 'telgis-basemap'
const LIMITS = { [TILES]: 1500, [BASEMAP]: 600 }

/** GET calls whose last answer is kept: the session's start, districts, the field mode's own. */
const DATA_PATHS = [
  /^\/api\/health$/,
  /^\/api\/basemap$/,
  /^\/api\/auth\/me$/,
  /^\/api\/admin-units$/,
  /^\/api\/inspections$/,
  /^\/api\/inspections\/checklists$/,
]
const ARCHIVE = /^\/basemap\/[^/]+\.pmtiles$/

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL)
      await cache.addAll(BUILD.files.map((f) => new Request(f, { cache: 'reload' })))
      await self.skipWaiting()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys()
      await Promise.all(names.filter((n) => n.startsWith('telgis-shell-') && n !== SHELL).map((n) => caches.delete(n)))
      await self.clients.claim()
    })(),
  )
})

self.addEventListener('message', (event) => {
  if (event.data?.type === 'forget') event.waitUntil(Promise.all([DATA, TILES, BASEMAP].map((n) => caches.delete(n))))
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request))
  } else if (BUILD.files.includes(url.pathname)) {
    event.respondWith(cacheFirst(request))
  } else if (DATA_PATHS.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirst(DATA, request))
  } else if (url.pathname.startsWith('/tiles/') && url.searchParams.get('field') === '1') {
    event.respondWith(networkFirst(TILES, request))
  } else if (ARCHIVE.test(url.pathname) && request.headers.has('range')) {
    event.respondWith(archiveRange(event, request, url))
  }
})

async function navigation(request) {
  try {
    return await fetch(request)
  } catch (err) {
    const shell = await caches.open(SHELL)
    const page = await shell.match('/index.html')
    if (page) return page
    throw err
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL)
  const hit = await cache.match(request)
  if (hit) return hit
  const res = await fetch(request)
  if (res.ok) await cache.put(request, res.clone())
  return res
}

let puts = 0

/** Keeps a cache at its limit, dropping the oldest entries (keys come back in insertion order). */
async function trim(name) {
  const limit = LIMITS[name]
  if (!limit) return
  const cache = await caches.open(name)
  const keys = await cache.keys()
  for (const key of keys.slice(0, Math.max(0, keys.length - limit))) await cache.delete(key)
}

async function keep(name, key, res) {
  const cache = await caches.open(name)
  await cache.delete(key)
  await cache.put(key, res)
  puts += 1
  if (puts % 50 === 0) await trim(name)
}

async function networkFirst(name, request) {
  try {
    const res = await fetch(request)
    if (res.status === 200 || res.status === 204) await keep(name, request, res.clone())
    return res
  } catch (err) {
    const hit = await (await caches.open(name)).match(request, { ignoreVary: true })
    if (hit) return hit
    throw err
  }
}

/**
 * A byte range of the basemap archive. The Cache API keeps no partial answers, so a range asked by /field is
 * kept as a whole answer under its own key (?range=a-b) and given back as a 206 when the network is gone.
 */
async function archiveRange(event, request, url) {
  const range = request.headers.get('range') ?? ''
  const key = `${url.origin}${url.pathname}?range=${encodeURIComponent(range)}`
  try {
    const res = await fetch(request)
    if (res.status === 206 && (await fromFieldPage(event))) {
      const body = await res.clone().arrayBuffer()
      const headers = new Headers({ 'Content-Type': res.headers.get('Content-Type') ?? 'application/octet-stream' })
      for (const h of ['ETag', 'Content-Range']) if (res.headers.get(h)) headers.set(h, res.headers.get(h))
      await keep(BASEMAP, key, new Response(body, { status: 200, headers }))
    }
    return res
  } catch (err) {
    const hit = await (await caches.open(BASEMAP)).match(key)
    if (!hit) throw err
    const body = await hit.arrayBuffer()
    const headers = new Headers(hit.headers)
    headers.set('Content-Length', String(body.byteLength))
    return new Response(body, { status: 206, headers })
  }
}

async function fromFieldPage(event) {
  const client = event.clientId ? await self.clients.get(event.clientId) : null
  return Boolean(client && new URL(client.url).pathname.startsWith('/field'))
}
