import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../helpers/db'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const HCMC = path.resolve(ROOT, '../shared/data/admin/79_hcmc_districts.geojson')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')

// The CLI opens its own database: each test has a fresh one (a copy of the migrated template).
let database: TestDatabase
let scratch: string
beforeEach(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'telgis-boundaries-cli-'))
  database = await createTestDatabase()
})
afterEach(async () => {
  await database?.drop()
  fs.rmSync(scratch, { recursive: true, force: true })
})

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      ['server/cli/import-boundaries.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ...database.env, LOG_LEVEL: 'warn' } },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
      },
    )
  })
}

// Each run starts a process that opens its own database: slow on a loaded machine.
describe('npm run import:boundaries', { timeout: 300_000 }, () => {
  it('imports a district file and prints the JSON report', async () => {
    const run = await cli(HCMC, '--level', 'district', '--province', '79', '--valid-from', '2021-01-01', '--json')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'imported',
      inserted: 22,
      importId: 1,
      fileName: '79_hcmc_districts.geojson',
    })
    // a dry run of a later vintage names the versions it would close: the 22 just imported
    const dry = await cli(
      HCMC,
      '--level',
      'district',
      '--province',
      '79',
      '--valid-from',
      '2022-01-01',
      '--dry-run',
      '--json',
    )
    const report = JSON.parse(dry.stdout) as { status: string; closed: { validFrom: string }[] }
    expect(report.status).toBe('dry-run')
    expect(report.closed.map((c) => c.validFrom)).toEqual(Array(22).fill('2021-01-01'))
  })

  it('exits 1 naming the rejected feature, and writes nothing', async () => {
    const fc = JSON.parse(fs.readFileSync(HCMC, 'utf8')) as { features: { geometry: unknown }[] }
    fc.features[5]!.geometry = { type: 'Point', coordinates: [106.7, 10.8] }
    const bad = path.join(scratch, 'bad.geojson')
    fs.writeFileSync(bad, JSON.stringify(fc))
    const run = await cli(bad, '--level', 'district', '--province', '79', '--valid-from', '2022-01-01')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/REJECTED — nothing was written/)
    expect(run.stdout).toMatch(
      new RegExp(
        /feature 5 \(code 767, Quận Tân Phú\):\n\s+/.source +
          /- GeoJSON: type: a Point is not accepted here \(expected Polygon or MultiPolygon\)/.source,
      ),
    )
  }, 120_000)

  it('exits 1 for a file that is not JSON', async () => {
    const notJson = path.join(scratch, 'not.geojson')
    fs.writeFileSync(notJson, 'level1_id;name\n79;HCMC\n')
    const run = await cli(notJson, '--level', 'province', '--valid-from', '2021-01-01')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/could not be read as JSON/)
  })

  it('exits 2 with the usage for bad arguments', async () => {
    const run = await cli(HCMC, '--level', 'county', '--valid-from', '2021-01-01')
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--level must be one of province, district, ward/)
  })
})
