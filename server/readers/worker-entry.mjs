// Worker thread entry: registers the TypeScript loader in this thread (loader hooks are per thread), then runs
// the .ts module named in workerData.
import { parentPort, workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.module)
parentPort.postMessage({ ready: true })
