// `npm run load`: the load cases on loopback, as bench lines (one JSON object a line).
//   --duration=10      seconds per case
//   --connections=50   concurrent clients
//   --only=load.tiles  only the cases whose name starts with this
//   --embedded         an embedded database in a new data folder (default: PostgreSQL at LOAD_DATABASE_URL,
//                      created when missing; the demo loads into it at the first run and is kept)
import pg from 'pg'
import { loadArgs, loadBench } from './load/cases'

/** Creates the database of a connection string when it does not exist yet. */
async function ensureDatabase(url: string): Promise<void> {
  const admin = new URL(url)
  const name = admin.pathname.slice(1)
  admin.pathname = '/postgres'
  const c = new pg.Client({ connectionString: admin.toString() })
  await c.connect()
  try {
    await c.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`).catch((err: { code?: string }) => {
      // 42P04: it exists already (with the demo loaded by an earlier run)
      if (err.code !== '42P04') throw err
    })
  } finally {
    await c.end()
  }
}

const databaseUrl = process.argv.includes('--embedded')
  ? undefined
  : (process.env.LOAD_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/telgis_load')
if (databaseUrl) await ensureDatabase(databaseUrl)
const results = await loadBench({ ...loadArgs(process.argv), databaseUrl }, (rs) => {
  for (const r of rs) process.stdout.write(`${JSON.stringify(r)}\n`)
})
const failed = results.filter((r) => !r.pass)
if (failed.length > 0) {
  process.stderr.write(
    `load: ${failed.length} of ${results.length} over their limit: ${failed.map((r) => r.name).join(', ')}\n`,
  )
  process.exitCode = 1
}
