import { describe, expect, it } from 'vitest'
import { csvField, csvLine, neutraliseFormula } from '../../server/http/csv'

describe('CSV cells', () => {
  it('neutralise every formula start, including tab and carriage return', () => {
    for (const text of ['-1+2', '+1-1', '=1', '@SUM(1)', '\t=1', '\r=1', '-A1', '+', '=HYPERLINK("x")']) {
      expect(neutraliseFormula(text), JSON.stringify(text)).toBe(`'${text}`)
    }
  })

  it('keep numbers and plain decimal text as they are', () => {
    expect(csvLine([-1.5, 0, 12, '-12', '-3.25', '12,5 m'])).toBe('-1.5,0,12,-12,-3.25,"12,5 m"')
    expect(csvField('Lê Lợi')).toBe('Lê Lợi')
  })

  it('quote a neutralised cell that holds a comma or a quote', () => {
    expect(csvField('=1,"2"')).toBe(`"'=1,""2"""`)
    expect(csvField(null)).toBe('')
    expect(csvField(['=a', 'b'])).toBe("'=a;b")
  })
})
