// The load test's server: the real start (migrations, demo, the app) with the baseline route mounted.
import { loadConfig } from '../../server/config'
import { startServer } from '../../server/start'
import { baselineRouter } from './baseline'

const running = await startServer(loadConfig(), { demoInBackground: true, extraRoutes: baselineRouter() })
const stop = async () => {
  await running.stop()
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
