import { loadConfig } from '../server/config'
import { openDb } from '../server/db/index'
import { migrate } from '../server/db/migrate'
import { checkDemoSetting } from '../server/users/demo-accounts'
import { loadDemoBase, loadDemoLayers, printCredentials } from './demo'
import { scaleDemo } from './scale'
import * as sql from './sql'

/**
 * `npm run demo`: loads the generated demo data (province, users, then each layer) into the configured database.
 * `npm run demo -- --scale 10` then grows it to ten times the city (gis-data/scale.ts), for the bench at scale.
 */
const scaleArg = process.argv.indexOf('--scale')
const scale = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1
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
  if (scale !== 1) {
    const started = performance.now()
    const report = await db.transaction((tx) =>
      scaleDemo(tx, config.provinceCode, scale, (step) => console.log(`scale ${scale}: ${step}…`)),
    )
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`Scaled ×${scale} in ${seconds} s: ${JSON.stringify(report)}`)
  }
  console.log('Demo data ready.')
} catch (err) {
  console.error((err as Error).message)
  process.exitCode = 1
} finally {
  await db.close()
}
