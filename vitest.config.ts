import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Every run takes files and the tests inside each file in a fresh random order, and prints its seed
    // ("Running tests with seed N"); `--sequence.seed=N` replays that order. Vitest 4.1 reads `sequence.shuffle`
    // from this root config only (a project's own is ignored), so the browser tests, whose journeys are not
    // checked for order independence, turn it off on their command line (`npm run test:e2e`, .ci/run).
    sequence: { shuffle: { files: true, tests: true } },
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          // a hook may open a fresh embedded database per test (PGlite + PostGIS), slow on a loaded machine
          hookTimeout: 300_000,
          pool: 'forks',
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // the demo-loaded database every spec's server copies, made once per run
          globalSetup: ['test/e2e/helpers/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
})
