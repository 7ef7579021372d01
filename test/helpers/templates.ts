import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { readMigrations } from '../../server/db/migrate'

// Database templates shared by test files: a data folder of the embedded database that each user copies, or a
// PostgreSQL database each user clones with CREATE DATABASE … TEMPLATE. The first caller builds one (aside, renamed
// into place when complete) while any other caller waits for it, so parallel workers or runs never build the same
// template twice nor copy a half-built one.

/** One key per set of migrations: a template built for other migration files is never reused. */
export function migrationsKey(): string {
  const all = readMigrations()
    .map((m) => `${m.name}:${m.checksum}`)
    .join('\n')
  return crypto.createHash('sha256').update(all).digest('hex').slice(0, 32)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Whether a process of this machine still runs. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * The data folder `dir`, built by `build` (given the empty folder to fill, which it must leave closed) unless it
 * is there already. A lock folder beside it holds the builder's pid; a lock left by a dead process is taken over.
 */
export async function sharedFolder(dir: string, build: (building: string) => Promise<void>): Promise<string> {
  const ready = () => fs.existsSync(path.join(dir, 'READY'))
  const lock = `${dir}.lock`
  while (!ready()) {
    try {
      fs.mkdirSync(lock)
    } catch {
      let holder = 0
      try {
        holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'))
      } catch {
        // written just after the lock folder: its builder is starting
      }
      if (holder > 0 && !processAlive(holder)) fs.rmSync(lock, { recursive: true, force: true })
      else await sleep(500)
      continue
    }
    try {
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid))
      if (ready()) break
      const building = `${dir}.building-${process.pid}`
      fs.rmSync(building, { recursive: true, force: true })
      fs.rmSync(dir, { recursive: true, force: true })
      try {
        await build(building)
        fs.writeFileSync(path.join(building, 'READY'), new Date().toISOString())
        fs.renameSync(building, dir)
      } finally {
        fs.rmSync(building, { recursive: true, force: true })
      }
    } finally {
      fs.rmSync(lock, { recursive: true, force: true })
    }
  }
  return dir
}

/** `url` (a PostgreSQL server) with another database name. */
export function databaseUrl(url: string, name: string): string {
  const target = new URL(url)
  target.pathname = `/${name}`
  return target.toString()
}

async function withAdmin<T>(url: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    return await fn(admin)
  } finally {
    await admin.end()
  }
}

/**
 * The database `name` on the PostgreSQL server of `url`, built unless it exists: created (empty, or as a clone of
 * `from`) under another name, filled by `build` (given its URL; it must close its connections), then renamed into
 * place; nobody may connect to it afterwards (CREATE DATABASE … TEMPLATE needs it unused). Callers wait for one
 * another on an advisory lock, which PostgreSQL releases if a builder dies.
 */
export async function sharedDatabase(
  url: string,
  name: string,
  build: (databaseUrl: string) => Promise<void>,
  from = '',
): Promise<string> {
  return withAdmin(url, async (admin) => {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name])
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
      if (exists.rowCount === 1) return name
      const building = `telgis_building_${crypto.randomBytes(6).toString('hex')}`
      await admin.query(`CREATE DATABASE ${building}${from ? ` TEMPLATE ${from}` : ''}`)
      try {
        await build(databaseUrl(url, building))
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`)
        await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`)
      } catch (err) {
        await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`)
        // a builder that takes no lock (an older checkout) may have renamed its own into place meanwhile
        const built = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
        if (built.rowCount !== 1) throw err
      }
      return name
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name])
    }
  })
}

/** Creates the database `name` as a clone of the template `from` (or empty); answers its URL. */
export async function cloneDatabase(url: string, name: string, from: string): Promise<string> {
  await withAdmin(url, (admin) => admin.query(`CREATE DATABASE ${name}${from ? ` TEMPLATE ${from}` : ''}`))
  return databaseUrl(url, name)
}

/** Drops the database `name` (connections to it are ended). */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
}

// Templates holding demo data live for one test run only: the demo dates its records from today and now, so a
// template is no older than the run that uses it. Their names carry the pid of the run's main process
// (`telgis-run-<pid>-<kind>…` folders, `telgis_run_<pid>_<kind>…` databases); the run removes them at its end,
// and the next run removes those of a run that died before it could.

/** The folder of a run's template `kind` (letters and dashes). */
export function runFolder(runPid: number, kind: string): string {
  return path.join(os.tmpdir(), `telgis-run-${runPid}-${kind}`)
}

/** The database name of a run's template `kind` (letters and underscores). */
export function runDatabase(runPid: number, kind: string): string {
  return `telgis_run_${runPid}_${kind}`
}

/** Removes the run templates whose name starts with `kind`: of this run, and of any run no longer alive. */
export async function removeRunTemplates(runPid: number, kind: string, url = ''): Promise<void> {
  const folder = new RegExp(`^telgis-run-(\\d+)-${kind}`)
  for (const entry of fs.readdirSync(os.tmpdir())) {
    const pid = Number(folder.exec(entry)?.[1] ?? 0)
    if (pid > 0 && (pid === runPid || !processAlive(pid)))
      fs.rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true })
  }
  if (!url) return
  const names = await withAdmin(url, (admin) =>
    admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'telgis\\_run\\_%'`),
  )
  const database = new RegExp(`^telgis_run_(\\d+)_${kind}`)
  for (const { datname } of names.rows) {
    const pid = Number(database.exec(datname)?.[1] ?? 0)
    if (pid > 0 && (pid === runPid || !processAlive(pid))) await dropDatabase(url, datname)
  }
}
