// Reading a large file is CPU work that would hold the event loop (and /api/health) for everyone; it runs
// in a worker thread instead, which is terminated when a job exceeds its time budget. A thread takes seconds
// to load the TypeScript modules, so one thread per worker module is kept loaded and reused.
import { Worker } from 'node:worker_threads'
import { Problem, msg } from '../http/problems'

// The server runs TypeScript through tsx; a worker thread registers it again in ./worker-entry.mjs.
const ENTRY = new URL('./worker-entry.mjs', import.meta.url)

interface Pending {
  resolve(result: unknown): void
  reject(err: unknown): void
}
interface Thread {
  worker: Worker
  pending: Map<number, Pending>
  /** Settles once the worker module is loaded. */
  ready: Promise<void>
}
const threads = new Map<string, Thread>()
let nextJob = 1

function threadFor(module: URL): Thread {
  const existing = threads.get(module.href)
  if (existing) return existing
  const worker = new Worker(ENTRY, { workerData: { module: module.href } })
  let loaded = () => {}
  const ready = new Promise<void>((resolve) => (loaded = resolve))
  const thread: Thread = { worker, pending: new Map(), ready }
  // an idle thread must not keep the process alive
  thread.worker.unref()
  thread.worker.on('message', ({ id, result, ready }: { id?: number; result?: unknown; ready?: boolean }) => {
    if (ready) return loaded()
    thread.pending.get(id!)?.resolve(result)
    thread.pending.delete(id!)
  })
  const fail = (err: unknown) => {
    loaded()
    if (threads.get(module.href) === thread) threads.delete(module.href)
    for (const p of thread.pending.values()) p.reject(err)
    thread.pending.clear()
  }
  thread.worker.on('error', fail)
  thread.worker.on('exit', () => fail(new Error('the reading thread stopped')))
  threads.set(module.href, thread)
  return thread
}

/** Loads the worker module's thread now, so the first large job does not wait seconds for it; settles once loaded. */
export function startOffThread(module: URL): Promise<void> {
  return threadFor(module).ready
}

/**
 * Sends `input` to the thread of the worker module and answers its result, or refuses after `budgetMs`.
 * Buffers in `transfer` are moved to the thread, not copied (they are unusable here afterwards).
 */
export function runOffThread<T>(
  module: URL,
  input: unknown,
  budgetMs: number,
  transfer: ArrayBuffer[] = [],
): Promise<T> {
  const thread = threadFor(module)
  const id = nextJob++
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      // the thread is stuck on this job: stop it (other waiting jobs fail with it) and start afresh next time
      thread.pending.delete(id)
      void thread.worker.terminate()
      reject(new Problem(422, msg('file.timeout', { seconds: budgetMs / 1000 })))
    }, budgetMs)
    thread.pending.set(id, {
      resolve: (result) => {
        clearTimeout(timer)
        resolve(result as T)
      },
      reject: (err) => {
        clearTimeout(timer)
        reject(err)
      },
    })
    thread.worker.postMessage({ id, input }, transfer)
  })
}
