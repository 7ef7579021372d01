import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config'
import { openDb } from '../db/index'
import { migrate } from '../db/migrate'
import { SYSTEM } from '../audit/audit'
import { importBoundaries, precheck, rejectedReport, type ImportReport } from '../boundaries/import'
import { formatReport } from '../boundaries/report'
import { LEVELS, type Level } from '../boundaries/validation'
import { isCalendarDate } from '../http/dates'

const USAGE = `Usage: npm run import:boundaries -- <file.geojson> --level province|district|ward [--province NN]
       --valid-from YYYY-MM-DD [--national] [--source TEXT] [--dry-run] [--json]`

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    level: { type: 'string' },
    province: { type: 'string' },
    'valid-from': { type: 'string' },
    national: { type: 'boolean', default: false },
    source: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
})
const file = positionals[0]
if (!file || positionals.length > 1) fail('Name exactly one GeoJSON file.')
if (!LEVELS.includes(values.level as Level)) fail(`--level must be one of ${LEVELS.join(', ')}.`)
const validFrom = values['valid-from'] ?? ''
if (!isCalendarDate(validFrom)) fail('--valid-from must be a date that exists, as YYYY-MM-DD.')

const request = {
  level: values.level as Level,
  provinceCode: values.province,
  validFrom,
  national: values.national,
  fileName: path.basename(file),
  source: values.source,
  dryRun: values['dry-run'],
}
const print = (report: ImportReport) =>
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report))

let featureCollection: unknown
try {
  featureCollection = JSON.parse(fs.readFileSync(file, 'utf8'))
} catch (err) {
  print(rejectedReport(request, `the file could not be read as JSON: ${(err as Error).message}`))
  process.exit(1)
}

// A file refused by the structural checks is reported without starting a database.
const checked = precheck({ ...request, featureCollection })
if (!checked.features) {
  print(checked.report)
  process.exit(1)
}

const db = await openDb(loadConfig())
try {
  await migrate(db)
  const report = await importBoundaries(db, { ...request, featureCollection }, SYSTEM)
  print(report)
  if (report.status === 'rejected') process.exitCode = 1
} catch (err) {
  console.error(`Import failed: ${(err as Error).message}`)
  process.exitCode = 1
} finally {
  await db.close()
}
