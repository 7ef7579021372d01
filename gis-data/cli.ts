import { loadConfig } from '../server/config'
import { openDb } from '../server/db/index'
import { migrate } from '../server/db/migrate'
import { checkDemoSetting } from '../server/users/demo-accounts'
import { loadDemoBase, loadDemoLayers, printCredentials } from './demo'
import * as sql from './sql'

/** `npm run demo`: loads the generated demo data (province, users, then each layer) into the configured database. */
const config = loadConfig()
checkDemoSetting({ demo: true, production: config.production })
const db = await openDb(config)
try {
  await migrate(db)
  const base = await db.maybeOne(sql.DEMO_PROVINCE_LOADED)
  if (base) console.log('The demo province is already loaded; loading any missing layer.')
  else printCredentials(await loadDemoBase(db, config.provinceCode))
  await loadDemoLayers(db, config.provinceCode, (p) => {
    if (p.layer) console.log(`[${p.done + 1}/${p.total}] loading demo ${p.layer}…`)
  })
  console.log('Demo data ready.')
} catch (err) {
  console.error((err as Error).message)
  process.exitCode = 1
} finally {
  await db.close()
}
