import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FOLD_FROM, FOLD_TO, fold, foldedPattern } from '../../server/search/fold'
import { coordinatePair } from '../../server/search/service'

describe('reading a typed coordinate pair', () => {
  it('takes two numbers in the ways people type them', () => {
    expect(coordinatePair('1189543 602345')).toEqual([1189543, 602345])
    expect(coordinatePair('X=1189543,35 Y=602345,10')).toEqual([1189543.35, 602345.1])
    expect(coordinatePair('y: 602345.1; x: 1189543')).toEqual([602345.1, 1189543])
    expect(coordinatePair('10.7769, 106.7009')).toEqual([10.7769, 106.7009])
    expect(coordinatePair('10,7769 106,7009')).toEqual([10.7769, 106.7009])
    expect(coordinatePair('10.7769,106.7009')).toEqual([10.7769, 106.7009])
  })

  it('leaves anything else to the text search', () => {
    for (const q of ['VT-HCM-0001', '345/QĐ-STTTT', '1189543', '1 2 3', 'Quận 1', '10,7769,106,7009', ''])
      expect(coordinatePair(q), q).toBeNull()
  })
})

describe('folding text for search', () => {
  it('drops case and Vietnamese marks in either Unicode form', () => {
    expect(fold('Thủ Đức')).toBe('thu duc')
    expect(fold('NGUYỄN THỊ MINH KHAI'.normalize('NFD'))).toBe('nguyen thi minh khai')
    expect(fold('345/QĐ-STTTT')).toBe('345/qd-stttt')
  })

  it('keeps % and _ literal in the pattern', () => {
    expect(foldedPattern('50%_a\\')).toBe('%50\\%\\_a\\\\%')
  })
})

describe('the folded columns of migration 105', () => {
  it('use the letter table of fold.ts, in each column', () => {
    const sql = fs.readFileSync(new URL('../../migrations/105_search_text.sql', import.meta.url), 'utf8')
    // each table is two adjacent string constants (lower case, upper case), joined by SQL
    const tables = [...sql.matchAll(/'([^'\n]+)'\n\s+'([^'\n]+)'/g)].map((m) => m[1]! + m[2]!)
    expect(tables).toEqual([FOLD_FROM, FOLD_TO, FOLD_FROM, FOLD_TO])
  })
})
