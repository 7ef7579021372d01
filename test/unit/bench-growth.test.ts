import { describe, expect, it } from 'vitest'
import { growthLines } from '../../bench/scale'
import { copyOffset } from '../../gis-data/scale'
import type { BenchResult } from '../../bench/report'

const line = (name: string, value: number, scale: number): BenchResult => ({
  name,
  value,
  unit: 'ms',
  baseline: null,
  ratio: null,
  limit: 50,
  pass: true,
  scale,
})

describe('bench growth lines', () => {
  it('divide each case at the scale asked by its value at scale 1; the summary may grow 2× at most', () => {
    const lines = growthLines(
      [
        line('cables.summary_p95_ms', 4, 1),
        line('stations.rule_check_p95_ms', 10, 1),
        line('startup.embedded_cold_ms', 900, 1),
        line('cables.summary_p95_ms', 10, 10),
        line('stations.rule_check_p95_ms', 30, 10),
      ],
      10,
    )
    expect(lines).toEqual([
      {
        name: 'growth.cables.summary_p95_ms',
        value: 2.5,
        unit: 'x',
        baseline: 4,
        ratio: 2.5,
        limit: 2,
        pass: false,
        scale: 10,
      },
      {
        name: 'growth.stations.rule_check_p95_ms',
        value: 3,
        unit: 'x',
        baseline: 10,
        ratio: 3,
        limit: 10,
        pass: true,
        scale: 10,
      },
    ])
  })

  it('shift each copy of the demo by a different 0.5–1.5 km', () => {
    const shifts = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(copyOffset)
    for (const [dx, dy] of shifts) expect(Math.hypot(dx, dy)).toBeGreaterThanOrEqual(0.005)
    for (const [dx, dy] of shifts) expect(Math.hypot(dx, dy)).toBeLessThanOrEqual(0.014)
    expect(new Set(shifts.map((s) => s.map((v) => v.toFixed(4)).join())).size).toBe(9)
  })
})
