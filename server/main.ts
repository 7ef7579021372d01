import { loadConfig } from './config'
import { startServer } from './start'
import { log } from './log'

try {
  const running = await startServer(loadConfig(), { demoInBackground: true })
  const shutdown = async () => {
    await running.stop()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
} catch (err) {
  log.error('could not start', { error: (err as Error).message })
  process.stderr.write(`\nCould not start: ${(err as Error).message}\n`)
  process.exit(1)
}
