import crypto from 'node:crypto'
import pg from 'pg'

// The PostgreSQL of this machine and of CI (see .ci/run): tests that start the whole server make their own empty
// database on it (the embedded database would install PostGIS at every start).
export const PG_URL =
  process.env.TEST_DATABASE_URL ?? process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

async function run(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  try {
    await admin.query(statement)
  } finally {
    await admin.end()
  }
}

/** A new empty database (no migration) named `<prefix>_<random>`; answers its URL and how to drop it. */
export async function emptyPostgres(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`
  await run(`CREATE DATABASE ${name}`)
  const url = new URL(PG_URL)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}
