import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import config from '../../vitest.config'

// Order independence is proved by every run, not by a separate job: the unit and integration runs take files and
// the tests in each file in a fresh random order (README, "Tests and benchmarks"); only the browser tests opt out.
describe('test order', () => {
  it('shuffles files and the tests inside them on every run (sequence.shuffle is read from the root only)', () => {
    expect(config.test?.sequence).toEqual({ shuffle: { files: true, tests: true } })
    const projects = (config.test?.projects ?? []) as { test?: { name?: string; sequence?: object } }[]
    expect(projects.map((p) => p.test?.name)).toEqual(['unit', 'integration', 'e2e'])
    for (const project of projects) expect(project.test?.sequence ?? {}).not.toHaveProperty('shuffle')
  })

  it('turns shuffling off only for the browser tests, wherever they are run', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>
    const ci = readFileSync('.ci/run', 'utf8')
    const offIn = (command: string) => command.includes('--sequence.shuffle=false')
    expect(offIn(scripts['test:e2e']!)).toBe(true)
    expect(offIn(scripts.test!)).toBe(false)
    const vitestLines = ci.split('\n').filter((l) => /\bvitest run\b|npm test/.test(l))
    expect(vitestLines.length).toBeGreaterThan(1)
    for (const line of vitestLines) expect(offIn(line)).toBe(line.includes('--project e2e'))
  })
})
