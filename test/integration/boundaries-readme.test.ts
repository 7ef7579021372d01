import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openDb } from '../../server/db/index'
import { migrate } from '../../server/db/migrate'
import { loadDemoBase } from '../../gis-data/demo'
import { setLogLevel } from '../../server/log'

// The README's boundary example, run as written (its arguments are read from the README) on a database that holds
// the demo province: the real file, valid from the demo's own first day, replaces the demo districts.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const FILE = '../shared/data/admin/79_hcmc_districts.geojson'

let env: Record<string, string>
let cleanup: () => Promise<void>
beforeAll(async () => {
  setLogLevel('warn')
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const name = `telgis_readme_${crypto.randomBytes(6).toString('hex')}`
    const run = async (statement: string) => {
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      await c.query(statement)
      await c.end()
    }
    await run(`CREATE DATABASE ${name}`)
    const target = new URL(url)
    target.pathname = `/${name}`
    env = { DATABASE_URL: target.toString(), DATA_DIR: '' }
    cleanup = () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-readme-'))
    fs.cpSync(inject('templateDir'), dir, { recursive: true })
    env = { DATA_DIR: dir, DATABASE_URL: '' }
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true })
  }
  const db = await openDb({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR!,
    statementTimeoutMs: 60_000,
  })
  await migrate(db)
  await loadDemoBase(db, '79')
  await db.close()
}, 120_000)
afterAll(async () => {
  await cleanup?.()
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
    const run = await cli(readmeArguments().concat('--json'))
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as { status: string; fileError: string }
    expect(report.status).toBe('rejected')
    expect(report.fileError).toMatch(/^22 versions starting on or after 2021-01-01 already exist/)
    expect(report.fileError).toMatch(/valid-from after 2021-01-01/)
    expect(report.fileError.match(/ from 2021-01-01/g)).toHaveLength(22)
  }, 180_000)
})
