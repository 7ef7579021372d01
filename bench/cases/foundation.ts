import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { percentile, timeRuns, underLimit, type BenchResult } from '../report'
import { ROOT, spawnServer } from '../server'
import type { BenchContext } from '../run'
import { DEMO_PASSWORD } from '../../gis-data/demo'
import { ATTEMPT_SUCCEEDED, RESERVE_ATTEMPT } from '../../server/auth/sql'

function timeProcess(args: string[]): Promise<number> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: 'inherit' })
    child.once('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`${args.join(' ')} exited ${code}`)),
    )
  })
}

/** Time to the first healthy answer on the embedded database, cold (new data folder) and warm. */
export async function startup(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-bench-start-'))
  const rawDir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-bench-raw-'))
  try {
    const rawCold = await timeProcess(['bench/pglite-open.ts', rawDir])
    const rawWarm = await timeProcess(['bench/pglite-open.ts', rawDir])
    const env = { DATA_DIR: dir, ADMIN_PASSWORD: 'bench-root-secret-2026', DEMO: 'on' }
    const cold = await spawnServer(env)
    await cold.stop()
    const warm = await spawnServer(env)
    await warm.stop()
    return [
      underLimit('startup.embedded_cold_ms', cold.readyMs, 'ms', 60_000, rawCold),
      underLimit('startup.embedded_warm_ms', warm.readyMs, 'ms', 15_000, rawWarm),
    ]
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
    fs.rmSync(rawDir, { recursive: true, force: true })
  }
}

/** Sign-in latency through the API against the same statements run directly (scrypt is most of it, by design). */
export async function signIn(ctx: BenchContext): Promise<BenchResult[]> {
  const body = JSON.stringify({ username: 'officer', password: DEMO_PASSWORD })
  const api = await timeRuns(40, async () => {
    const res = await fetch(`${ctx.serverUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    if (res.status !== 200) throw new Error(`login answered ${res.status}`)
  })
  const client = new pg.Client({ connectionString: ctx.databaseUrl })
  await client.connect()
  const raw = await timeRuns(40, async () => {
    await client.query('BEGIN')
    await client.query(RESERVE_ATTEMPT, ['officer', '127.0.0.1', 10, 50, 30, 900, 60])
    const { rows } = await client.query('SELECT id, password_hash, active FROM users WHERE username = $1', ['officer'])
    await client.query(ATTEMPT_SUCCEEDED, ['officer', '127.0.0.1', 50])
    await client.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at)
       VALUES (md5(random()::text), $1, now() + interval '1 hour')`,
      [rows[0].id],
    )
    await client.query(
      `INSERT INTO audit_log (actor_id, actor_name, action, entity) VALUES ($1, 'officer', 'bench.login', 'session')`,
      [rows[0].id],
    )
    await client.query('ROLLBACK')
  })
  await client.end()
  return [underLimit('auth.login_p95_ms', percentile(api, 95), 'ms', 300, percentile(raw, 95))]
}
