import pg from 'pg'
import { percentile, ratioLimit, timeRuns, type BenchResult } from '../report'
import type { BenchContext } from '../run'
import type { Queryable } from '../../server/db/index'
import { collectionById } from '../../server/ogc/collections'
import { itemsStatement, matchedFromPage } from '../../server/ogc/service'
import { DEMO_PASSWORD } from '../../gis-data/demo'

const RUNS = 30
const PROVINCE = '79'

/** A pg client as the service's Queryable (only what building the statement may ask). */
function queryable(client: pg.Client): Queryable {
  const many = async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows
  return {
    many,
    maybeOne: async (sql, params) => (await many(sql, params))[0],
    one: async (sql, params) => (await many(sql, params))[0],
    exec: async (sql, params) => (await client.query(sql, params)).rowCount ?? 0,
  } as Queryable
}

/**
 * 1,000 poles as GeoJSON through /api/ogc (an officer's session) against the same statements run directly (the
 * page with `ST_AsGeoJSON` in the database, and the count of matches it needs): what the HTTP layer, the session and
 * building the answer cost on top.
 */
export async function ogcBench(ctx: BenchContext): Promise<BenchResult[]> {
  const login = await fetch(`${ctx.serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer', password: DEMO_PASSWORD }),
  })
  if (login.status !== 200) throw new Error(`login answered ${login.status}`)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  const offsets = (i: number) => (i % 10) * 1000
  const api = await timeRuns(RUNS, async (i) => {
    const res = await fetch(`${ctx.serverUrl}/api/ogc/collections/poles/items?limit=1000&offset=${offsets(i)}`, {
      headers: { cookie },
    })
    if (res.status !== 200) throw new Error(`OGC items answered ${res.status}`)
    const body = (await res.json()) as { numberReturned: number }
    if (body.numberReturned !== 1000) throw new Error(`the OGC bench needs 10,000 poles (${body.numberReturned})`)
  })
  const client = new pg.Client({ connectionString: ctx.databaseUrl })
  await client.connect()
  try {
    const poles = collectionById('poles')!
    const raw = await timeRuns(RUNS, async (i) => {
      const request = { limit: 1000, offset: offsets(i) }
      const { page, count } = await itemsStatement(queryable(client), poles, { kind: 'staff' }, PROVINCE, request)
      const { rowCount } = await client.query(page.sql, page.params)
      // the count statement when the API asks it too (a full page, or past the end)
      if (matchedFromPage(request.offset, request.limit, rowCount ?? 0) === null)
        await client.query(count.sql, count.params)
    })
    return [ratioLimit('ogc.items_1000_p50_ratio', percentile(api, 50), percentile(raw, 50), 'ms', 1.5)]
  } finally {
    await client.end()
  }
}
