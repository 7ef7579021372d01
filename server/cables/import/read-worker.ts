// Worker thread: reads route import files, one job at a time (see ../../readers/off-thread.ts).
import { parentPort } from 'node:worker_threads'
import { readRoutesFile, type Format } from './formats'

parentPort!.on('message', ({ id, input }: { id: number; input: { format: Format; content: string } }) => {
  parentPort!.postMessage({ id, result: readRoutesFile(input.format, input.content) })
})
