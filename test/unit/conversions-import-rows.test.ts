import { describe, expect, it } from 'vitest'
import { readCsv } from '../../server/conversions/import-rows'

describe('reading a programme list', () => {
  it('reports each bad row with its line and reason', () => {
    const csv =
      'station_code,kind,to_class,to_height_m,design,phase\n' +
      'VIE-760-00001,camouflage,A1c,10,palm_tree,1\nVIE-760-00002,paint,A1c,abc,,1\n,lower,,9,,\n'
    const { rows, problems } = readCsv(csv)
    expect(rows).toHaveLength(3)
    expect(problems.map((p) => p.line)).toEqual([3, 4])
    expect(problems[0]!.reason).toContain('to_height_m "abc" is not a number')
    expect(problems[0]!.reason).toContain('kind must be one of')
    expect(problems[1]!.reason).toContain('give station_code, or lon and lat')
    expect(problems[1]!.reason).toContain('phase is required')
  })
})
