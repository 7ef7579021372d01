import { describe, expect, it } from 'vitest'
import { ensurePostgis, type Queryable } from '../../server/db/index'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { problemFromSqlState } from '../../server/http/problems'
import { problemHandler } from '../../server/http/errors'
import { setLogLevel } from '../../server/log'

/** A stand-in database answering the two catalogue queries ensurePostgis makes. */
function catalogue(available: string | null, installed: string): Queryable {
  const row = async (sql: string) =>
    sql.includes('pg_available_extensions') && available ? { version: installed || available } : undefined
  return {
    maybeOne: row as Queryable['maybeOne'],
    one: (async (sql: string) => row(sql)) as Queryable['one'],
    many: (async () => []) as Queryable['many'],
    exec: async () => 0,
  }
}

describe('PostGIS check at start', () => {
  it('says how to install PostGIS when the server has none', async () => {
    await expect(ensurePostgis(catalogue(null, ''))).rejects.toThrow(
      /PostGIS is not installed.*postgresql-15-postgis-3/,
    )
  })
  it('refuses PostGIS older than 3.3', async () => {
    await expect(ensurePostgis(catalogue('3.2.0', ''))).rejects.toThrow(/PostGIS 3\.2\.0 is too old/)
  })
  it('accepts PostGIS 3.3 and later, judging an installed version over the default', async () => {
    await expect(ensurePostgis(catalogue('3.3.2', ''))).resolves.toBeUndefined()
    await expect(ensurePostgis(catalogue('3.2.0', '3.6.2'))).resolves.toBeUndefined()
  })
})

describe('SQLSTATE mapping', () => {
  setLogLevel('silent')
  it.each([
    ['23505', 409],
    ['23503', 422],
    ['23514', 422],
    ['40001', 409],
    ['22P02', 400],
    ['57014', 503],
    ['42501', 403],
  ])('maps %s to HTTP %i', (code, status) => {
    expect(problemFromSqlState({ code })?.status).toBe(status)
  })
  it('leaves unknown codes to the 500 path', () => {
    expect(problemFromSqlState({ code: '42P01' })).toBeUndefined()
  })
  it("answers PostgreSQL's internal error XX000 as the server's fault, not the user's", async () => {
    expect(problemFromSqlState({ code: 'XX000' })).toBeUndefined()
    const app = express()
    app.get('/boom', () => {
      throw Object.assign(new Error('lwgeom_intersection: GEOS Error'), { code: 'XX000' })
    })
    app.use(problemHandler)
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/boom`)
      expect(res.status).toBe(500)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    } finally {
      server.close()
    }
  })
})
