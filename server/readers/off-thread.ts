// Reading a large file is CPU work that would hold the event loop (and /api/health) for everyone; it runs
// in a worker thread instead, which is terminated when it exceeds its time budget.
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { Problem } from '../http/problems'

// The server runs TypeScript through tsx; a worker needs the same loader to import its .ts module.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

/** Runs the worker module with `input` as its workerData and answers what it posts back. */
export function runOffThread<T>(module: URL, input: unknown, budgetMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(module, { workerData: input, execArgv: ['--import', TSX_LOADER] })
    const timer = setTimeout(() => {
      void worker.terminate()
      reject(new Problem(422, 'Validation failed', `The file could not be read within ${budgetMs / 1000} s; nothing was stored.`))
    }, budgetMs)
    worker.once('message', (result: T) => {
      clearTimeout(timer)
      void worker.terminate()
      resolve(result)
    })
    worker.once('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
  })
}
