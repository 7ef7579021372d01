import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'

/** Baseline for start-up: open PGlite with PostGIS in a data folder, answer one query, exit. */
const db = await PGlite.create({ dataDir: process.argv[2]!, extensions: { postgis } })
await db.exec('CREATE EXTENSION IF NOT EXISTS postgis')
await db.query('SELECT postgis_lib_version()')
await db.close()
