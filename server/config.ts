import path from 'node:path'

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  /** EMBEDDED_DB_PORT: also serve the embedded database on this loopback port (0: any), behind a password. */
  embeddedPort: number | undefined
  /** EMBEDDED_DB_PASSWORD: the password that port demands; unset: generated at each start and printed once. */
  embeddedPassword: string | undefined
  statementTimeoutMs: number
  /** DATABASE_REPLICA_URLS (comma-separated): streaming standbys for public and heavy reads; PostgreSQL only. */
  replicaUrls: string[]
  /** REPLICA_MAX_LAG_MS: a replica further behind is skipped until it catches up. */
  replicaMaxLagMs: number
  /** REPLICA_PROBE_MS: how often each replica's lag is measured. */
  replicaProbeMs: number
  adminPassword: string | undefined
  /** Load the demo province and its accounts (DEMO=on|off; unset: on for the embedded database, outside production). */
  demo: boolean
  /** NODE_ENV=production or a TRUST_PROXY hop count: demo accounts, whose passwords are published, are refused. */
  production: boolean
  provinceCode: string
  basemapStyleUrl: string | undefined
  /** Absolute path of a PMTiles v3 street basemap served at /basemap/archive.pmtiles. */
  basemapPmtiles: string | undefined
  /** XYZ template of an imagery raster layer ({z}/{x}/{y}), offered beside the street basemap. */
  basemapImageryUrl: string | undefined
  basemapImageryAttribution: string | undefined
  /** Reverse proxies in front of the server whose X-Forwarded-* headers are believed (0: none). */
  trustProxyHops: number
  bodyLimit: string
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent'
  sessionTtlHours: number
  /** TILE_CACHE_BYTES: memory for rendered vector tiles (least recently used out first); 0 turns it off. */
  tileCacheBytes: number
  /** OPEN_DATA_DECIMALS: public station positions (open data, public OGC layer) rounded to this many decimals. */
  openDataDecimals: number | undefined
  /** OPEN_DATA_LICENCE: the licence the open data is published under. */
  openDataLicence: string
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a non-negative integer, got "${value}"`)
  return n
}

// 3 decimals of a degree are ~110 m, 5 are ~1 m; unset keeps positions as recorded.
function openDataDecimals(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  if (!/^[2-8]$/.test(value)) throw new Error(`OPEN_DATA_DECIMALS must be a whole number from 2 to 8, got "${value}"`)
  return Number(value)
}

function imageryTemplate(value: string | undefined): string | undefined {
  if (!value) return undefined
  const url = URL.canParse(value) ? new URL(value) : null
  const placeholders = ['{z}', '{x}', '{y}'].every((p) => value.includes(p))
  if (!url || !['http:', 'https:'].includes(url.protocol) || !placeholders) {
    throw new Error(`BASEMAP_IMAGERY_URL must be an http(s) URL with {z}, {x} and {y}, got "${value}"`)
  }
  return value
}

// A hop count, never "trust everything": with `true` Express takes the left-most X-Forwarded-For address,
// which the client writes itself, and the per-address sign-in limit would be the client's to choose.
function proxyHops(value: string | undefined): number {
  if (value === undefined || value === '' || value === '0') return 0
  if (!/^[1-9]$/.test(value)) {
    throw new Error(`TRUST_PROXY must be the number of reverse proxies in front of the server (e.g. 1), got "${value}"`)
  }
  return Number(value)
}

function demoSetting(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  if (value !== 'on' && value !== 'off') throw new Error(`DEMO must be on or off, got "${value}"`)
  return value === 'on'
}

// Replicas are PostgreSQL standbys of DATABASE_URL; the embedded database has one connection and no replicas.
function replicaSettings(env: NodeJS.ProcessEnv): Pick<Config, 'replicaUrls' | 'replicaMaxLagMs' | 'replicaProbeMs'> {
  const urls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '')
  const set = ['DATABASE_REPLICA_URLS', 'REPLICA_MAX_LAG_MS', 'REPLICA_PROBE_MS'].filter((k) => env[k])
  if (set.length > 0 && !env.DATABASE_URL) {
    throw new Error(
      `${set.join(', ')} need DATABASE_URL: the embedded database is one process with one connection and has no ` +
        'replicas. Unset them, or move to PostgreSQL (README, "Growing: PostgreSQL and read replicas").',
    )
  }
  for (const u of urls) {
    if (!URL.canParse(u) || !['postgres:', 'postgresql:'].includes(new URL(u).protocol))
      throw new Error(`DATABASE_REPLICA_URLS must be postgres:// URLs separated by commas, got "${u}"`)
  }
  const probe = int(env.REPLICA_PROBE_MS, 1_000)
  if (probe < 100) throw new Error(`REPLICA_PROBE_MS must be at least 100, got "${env.REPLICA_PROBE_MS}"`)
  return { replicaUrls: urls, replicaMaxLagMs: int(env.REPLICA_MAX_LAG_MS, 5_000), replicaProbeMs: probe }
}

/** Builds the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const level = env.LOG_LEVEL ?? 'info'
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(level))
    throw new Error(`LOG_LEVEL must be debug|info|warn|error|silent, got "${level}"`)
  const trustProxyHops = proxyHops(env.TRUST_PROXY)
  const production = env.NODE_ENV === 'production' || trustProxyHops > 0
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    embeddedPort: env.EMBEDDED_DB_PORT ? int(env.EMBEDDED_DB_PORT, 0) : undefined,
    embeddedPassword: env.EMBEDDED_DB_PASSWORD || undefined,
    statementTimeoutMs: int(env.STATEMENT_TIMEOUT_MS, 30_000),
    ...replicaSettings(env),
    adminPassword: env.ADMIN_PASSWORD || undefined,
    // A database named by DATABASE_URL is presumed real: the demo there is something one asks for.
    demo: demoSetting(env.DEMO, !env.DATABASE_URL && !production),
    production,
    provinceCode: env.PROVINCE_CODE ?? '79',
    openDataDecimals: openDataDecimals(env.OPEN_DATA_DECIMALS),
    openDataLicence: env.OPEN_DATA_LICENCE || 'CC BY 4.0',
    basemapStyleUrl: env.BASEMAP_STYLE_URL || undefined,
    basemapPmtiles: env.BASEMAP_PMTILES ? path.resolve(env.BASEMAP_PMTILES) : undefined,
    basemapImageryUrl: imageryTemplate(env.BASEMAP_IMAGERY_URL),
    basemapImageryAttribution: env.BASEMAP_IMAGERY_ATTRIBUTION || undefined,
    trustProxyHops,
    bodyLimit: env.BODY_LIMIT ?? '1mb',
    logLevel: level as Config['logLevel'],
    sessionTtlHours: int(env.SESSION_TTL_HOURS, 12),
    tileCacheBytes: int(env.TILE_CACHE_BYTES, 64 * 1024 * 1024),
  }
}
