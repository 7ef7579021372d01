// Worker thread: reads plan upload bodies, one job at a time (see ../readers/off-thread.ts).
import { parentPort } from 'node:worker_threads'
import { readUploadBody } from './body'

parentPort!.on('message', async ({ id, input }: { id: number; input: ArrayBuffer }) => {
  parentPort!.postMessage({ id, result: await readUploadBody(new Uint8Array(input)) })
})
