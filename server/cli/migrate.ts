import { loadConfig } from '../config'
import { openDb } from '../db/index'
import { migrate } from '../db/migrate'

const config = loadConfig()
const db = await openDb(config)
try {
  const report = await migrate(db)
  console.log(report.applied.length ? `Applied: ${report.applied.join(', ')}` : 'Nothing to apply.')
  console.log(`Migration level: ${report.level} (${db.mode} database)`)
} catch (err) {
  console.error((err as Error).message)
  process.exitCode = 1
} finally {
  await db.close()
}
