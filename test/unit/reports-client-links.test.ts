import { describe, expect, it } from 'vitest'
import { inputFromQuery, reportQuery, type ReportInput } from '../../client/reports/api'
import { recordPage, recordsApiQuery, recordsPageLink } from '../../client/reports/links'

const DEFAULTS: ReportInput = {
  period: 'quarter',
  year: 2026,
  quarter: 3,
  half: 1,
  from: '2026-01-01',
  to: '2026-12-02',
  unitsOn: '',
}

describe('the report page’s links', () => {
  it('open a figure’s records as a page of the app that asks the API for the same records', () => {
    const api = '/api/reports/records?part=stations&figure=atEnd&province=79&period=quarter&year=2024&quarter=1'
    const page = recordsPageLink(`${api}&district=760`, 'Trạm BTS — Quận 1')
    expect(page.startsWith('/reports/records?')).toBe(true)
    const query = recordsApiQuery(page.slice(page.indexOf('?')))
    expect(query).toEqual({
      part: 'stations',
      figure: 'atEnd',
      province: '79',
      period: 'quarter',
      year: '2024',
      quarter: '1',
      district: '760',
    })
    expect(new URLSearchParams(page.split('?')[1]).get('label')).toBe('Trạm BTS — Quận 1')
  })

  it('open each record on its page of the app, not its JSON', () => {
    expect(recordPage('/api/stations/42')).toBe('/stations/42')
    expect(recordPage('/api/conversions/items/7')).toBe('/conversions/items/7')
    expect(recordPage('/api/cables/routes/913')).toBe('/cables/913')
    expect(recordPage('/api/tickets/12')).toBe('/tickets/12')
    expect(recordPage('/api/unknown/1')).toBe('/api/unknown/1')
  })

  it('keep the period in the page’s address, so going back shows the same section', () => {
    const input: ReportInput = { ...DEFAULTS, period: 'half', year: 2018, half: 2, unitsOn: '2024-01-01' }
    const search = `?${new URLSearchParams(reportQuery(input))}`
    expect(search).toBe('?period=half&year=2018&half=2&unitsOn=2024-01-01')
    expect(inputFromQuery(search, DEFAULTS)).toEqual(input)
    expect(inputFromQuery('', DEFAULTS)).toEqual(DEFAULTS)
    expect(inputFromQuery('?period=range&from=2024-02-01&to=2024-02-29', DEFAULTS)).toMatchObject({
      period: 'range',
      from: '2024-02-01',
      to: '2024-02-29',
    })
    expect(inputFromQuery('?period=weekly&year=x&from=2024-2-1', DEFAULTS)).toEqual(DEFAULTS)
  })
})
