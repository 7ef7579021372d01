import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
    s.once('error', reject)
  })
}

export interface Spawned {
  url: string
  child: ChildProcess
  /** Milliseconds from spawn to the first 200 from /api/health. */
  readyMs: number
  /** SIGTERM, then SIGKILL after `graceMs` (a server stuck in a statement cannot run its handler). */
  stop(graceMs?: number): Promise<void>
}

/** How long a stopped server may take to close its connections before it is killed. */
const STOP_GRACE_MS = 15_000

/** How long the demo layers may take to load (on the embedded database, before the server listens). */
export const DEMO_LOAD_TIMEOUT_MS = 900_000

/**
 * Starts the real server as `npm start` does (without the client build) and waits until it is healthy; `entry`
 * names another start script (the load test's, which adds its baseline route).
 */
export async function spawnServer(
  env: Record<string, string>,
  timeoutMs = 120_000,
  entry = 'server/main.ts',
): Promise<Spawned> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`)
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL')
      throw new Error(`server not healthy after ${timeoutMs} ms:\n${output}`)
    }
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.status === 200) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25))
  }
  const readyMs = performance.now() - started
  // On PostgreSQL the demo layers load after the server listens; benchmarks need them loaded (a few minutes at
  // most, longer on a machine shared with other work). A server that fails here is stopped, not left running.
  for (;;) {
    // a poll refused or reset while the machine is busy loading is tried again
    const health = (await fetch(`${url}/api/health`)
      .then((r) => r.json())
      .catch(() => ({ jobs: [{ error: null }] }))) as { jobs: { error: string | null }[] }
    if (health.jobs.length === 0) break
    const failed = health.jobs.some((j) => j.error)
    if (failed || performance.now() - started > DEMO_LOAD_TIMEOUT_MS) {
      child.kill('SIGKILL')
      throw new Error(failed ? `demo load failed: ${JSON.stringify(health.jobs)}` : 'demo data not loaded in time')
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    url,
    child,
    readyMs,
    stop: (graceMs = STOP_GRACE_MS) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        // a server stuck in a statement (the embedded database runs in its thread) cannot run its SIGTERM handler
        const kill = setTimeout(() => child.kill('SIGKILL'), graceMs)
        child.once('exit', () => {
          clearTimeout(kill)
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}
