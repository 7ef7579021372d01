import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDb } from '../../server/db/index'
import { createTestDatabase, openTestDatabase, type TestDatabase } from '../helpers/db'
import { loadDemoBase } from '../../gis-data/demo'
import { setLogLevel } from '../../server/log'

// The README's boundary example, run as written (its arguments are read from the README) on a database that holds
// the demo province: the real file, valid from the demo's own first day, replaces the demo districts.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const FILE = '../shared/data/admin/79_hcmc_districts.geojson'

// Each test runs on a demo install of its own: a fresh database holding the demo province.
let database: TestDatabase
let env: Record<string, string>
beforeEach(async () => {
  setLogLevel('warn')
  database = await createTestDatabase()
  env = database.env
  const db = await openTestDatabase(database)
  try {
    await loadDemoBase(db, '79')
  } finally {
    await db.close()
  }
}, 300_000)
afterEach(async () => {
  await database?.drop()
})

/** The arguments of the README's `npm run import:boundaries -- …` example, with the file it names. */
function readmeArguments(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const example = readme.split('\n').find((l) => l.startsWith('Boundaries: `npm run import:boundaries -- '))
  expect(example, 'the README example line').toBeDefined()
  const command = example!.slice(example!.indexOf('`') + 1, example!.indexOf('`', example!.indexOf('`') + 1))
  expect(readme).toContain(FILE)
  return command
    .split(' ')
    .slice(4)
    .map((a) => (a === '<file.geojson>' ? FILE : a))
}

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      ['server/cli/import-boundaries.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'warn' } },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
      },
    )
  })
}

describe("the README's boundary example", () => {
  it('runs as written on a demo install, replacing the demo districts, and the demo units are gone', async () => {
    const args = readmeArguments()
    expect(args).toEqual([FILE, '--level', 'district', '--province', '79', '--valid-from', '2021-01-01'])
    const run = await cli(args)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/IMPORTED as import #\d+: inserted 22/)
    expect(run.stdout).toMatch(/Replaced 22 demo or derived version\(s\)/)
    expect(run.stdout).toMatch(/\d+ stations changed district, \d+ poles changed district/)
    const db = await openDb({
      databaseUrl: env.DATABASE_URL || undefined,
      dataDir: env.DATA_DIR!,
      statementTimeoutMs: 60_000,
    })
    try {
      const units = await db.one<{ demo: number; real: number; outline: string }>(
        `SELECT count(*) FILTER (WHERE is_demo) AS demo,
                count(*) FILTER (WHERE NOT is_demo AND level = 'district') AS real,
                (SELECT source FROM admin_units WHERE level = 'province' AND valid_to IS NULL) AS outline
           FROM admin_units WHERE province_code = '79'`,
      )
      expect({ demo: Number(units.demo), real: Number(units.real) }).toEqual({ demo: 0, real: 22 })
      expect(units.outline).toMatch(/^derived: union of the districts/)
    } finally {
      await db.close()
    }
  }, 180_000)

  it('refuses the same file again on the same day, saying what to do', async () => {
    expect((await cli(readmeArguments())).code).toBe(0)
    const run = await cli(readmeArguments().concat('--json'))
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as { status: string; fileError: string }
    expect(report.status).toBe('rejected')
    expect(report.fileError).toMatch(/^22 versions starting on or after 2021-01-01 already exist/)
    expect(report.fileError).toMatch(/valid-from after 2021-01-01/)
    expect(report.fileError.match(/ from 2021-01-01/g)).toHaveLength(22)
  }, 180_000)
})
