import { loadConfig } from '../server/config'
import { openDb } from '../server/db/index'
import { migrate } from '../server/db/migrate'
import { loadDemo, printCredentials } from './demo'

/** `npm run demo`: loads the generated demo province into the configured database. */
const config = loadConfig()
const db = await openDb(config)
try {
  await migrate(db)
  const existing = await db.maybeOne(`SELECT 1 FROM demo_datasets WHERE name = 'province'`)
  if (existing) {
    console.log('The demo province is already loaded.')
  } else {
    printCredentials(await loadDemo(db, config.provinceCode))
  }
} catch (err) {
  console.error((err as Error).message)
  process.exitCode = 1
} finally {
  await db.close()
}
