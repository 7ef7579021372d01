// Worker thread entry: reads one route import file (see ../../readers/off-thread.ts).
import { parentPort, workerData } from 'node:worker_threads'
import { readRoutesFile, type Format } from './formats'

const { format, content } = workerData as { format: Format; content: string }
parentPort!.postMessage(readRoutesFile(format, content))
