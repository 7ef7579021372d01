import { describe, expect, it } from 'vitest'
import { acceptanceReport, growthLines } from '../../bench/scale'
import { copyOffset } from '../../gis-data/scale'
import { ACCEPTANCE, ratioInfo, type BenchResult } from '../../bench/report'

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

describe('bench acceptance report', () => {
  it('judges each acceptance line at the scale asked, the summary ratio as information only', () => {
    const info = ratioInfo('cables.summary_ratio', 4.5, 1.5, 'ms', 'cables.summary_p95_ms')
    expect(info).toMatchObject({ ratio: 3, limit: null, pass: true, judgedBy: 'cables.summary_p95_ms' })
    const lines = acceptanceReport(
      [
        { ...line('cables.summary_p95_ms', 4, 1), limit: 50 },
        { ...line('cables.summary_p95_ms', 60, 10), pass: false },
        { ...line('growth.cables.summary_p95_ms', 1.5, 10), unit: 'x', limit: 2 },
        { ...line('tiles.z14_p50_ratio', 9, 10), unit: 'ms', ratio: 1.2, limit: 1.3 },
      ],
      10,
    )
    expect(lines).toContain('cables.summary_p95_ms at ×10: 60 ms, limit 50: FAIL')
    expect(lines).toContain('growth.cables.summary_p95_ms at ×10: 1.5 x, limit 2: pass')
    expect(lines).toContain('tiles.z14_p50_ratio at ×10: 1.2× (9 ms), limit 1.3: pass')
    expect(lines).toContain('stations.rule_check_p95_ms: not measured at ×10 (limit 50)')
    expect(lines).toHaveLength(Object.keys(ACCEPTANCE).length)
  })
})
