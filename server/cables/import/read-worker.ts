// Worker thread: reads route import request bodies, one job at a time (see ../../readers/off-thread.ts).
import { parentPort } from 'node:worker_threads'
import { readImportBody } from './body'

parentPort!.on('message', ({ id, input }: { id: number; input: ArrayBuffer }) => {
  parentPort!.postMessage({ id, result: readImportBody(new Uint8Array(input)) })
})
