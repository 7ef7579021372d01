import { zipSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { MAX_JSON_DEPTH, scanJson } from '../../server/geo/geojson'
import { detectDelimiter, parseCsv } from '../../server/readers/csv'
import { readKmlText, readKmz } from '../../server/readers/kml'
import { readWkt } from '../../server/readers/wkt'
import { xmlStructureProblem } from '../../server/readers/xml-guard'

describe('CSV reader', () => {
  it('keeps commas inside quoted WKT and numbers records by their line', () => {
    expect(parseCsv('name,wkt\r\n"A, B","LINESTRING(1 2, 3 4)"\r\n')).toEqual([
      { line: 1, cells: ['name', 'wkt'] },
      { line: 2, cells: ['A, B', 'LINESTRING(1 2, 3 4)'] },
    ])
  })
  it('reads Excel\'s Vietnamese CSV: BOM, ";" and decimal commas kept in the cells', () => {
    const rows = parseCsv('\uFEFFname;X;Y\r\nTrạm A;1190123,45;602345,67\r\n\r\n"B; C";1;2\r\n')
    expect(rows).toEqual([
      { line: 1, cells: ['name', 'X', 'Y'] },
      { line: 2, cells: ['Trạm A', '1190123,45', '602345,67'] },
      { line: 4, cells: ['B; C', '1', '2'] },
    ])
  })
  it('tells the delimiter by the header line', () => {
    expect(detectDelimiter('a\tb\tc\n1,5\t2\t3')).toBe('\t')
    expect(detectDelimiter('"x;y",b,c\n')).toBe(',')
    expect(detectDelimiter('wkt\n"LINESTRING(1 2, 3 4)"')).toBe(',')
  })
  it('says which line is malformed', () => {
    expect(() => parseCsv('a,b\n"open,2\n')).toThrow(/CSV cannot be read/)
  })
})

describe('WKT reader', () => {
  it('reads every geometry type into GeoJSON, Z kept for the gate to drop', () => {
    expect(readWkt('MULTILINESTRING((1 2, 3 4),(5 6, 7 8))')).toEqual({
      ok: true,
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [1, 2],
            [3, 4],
          ],
          [
            [5, 6],
            [7, 8],
          ],
        ],
      },
    })
    expect(readWkt('SRID=4326;POINT Z (1 2 3)')).toEqual({
      ok: true,
      geometry: { type: 'Point', coordinates: [1, 2, 3] },
    })
    expect(readWkt('MULTIPOINT((1 2), (3 4))')).toEqual({
      ok: true,
      geometry: {
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    })
    expect(readWkt('MULTIPOINT(1 2, 3 4)')).toEqual({
      ok: true,
      geometry: {
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    })
    const gc = readWkt('GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(1 2, 3 4))')
    expect(gc.ok && gc.geometry.geometries?.length).toBe(2)
  })
  it('names what it cannot read', () => {
    expect(readWkt('LINESTRING(1 x, 2 3)')).toMatchObject({ ok: false, problem: expect.stringMatching(/number/) })
    expect(readWkt('LINESTRING EMPTY')).toMatchObject({ ok: false, problem: expect.stringMatching(/EMPTY/) })
    expect(readWkt('SRID=3405;POINT(1 2)')).toMatchObject({ ok: false, problem: expect.stringMatching(/SRID 3405/) })
    expect(readWkt('CIRCLE(1 2)')).toMatchObject({ ok: false, problem: expect.stringMatching(/unknown/) })
    expect(readWkt('POINT(1 2) junk')).toMatchObject({ ok: false })
    expect(readWkt('GEOMETRYCOLLECTION(GEOMETRYCOLLECTION(POINT(1 2)))')).toMatchObject({ ok: false })
  })
  it('reads a 1 MB line in linear time', () => {
    const wkt = `LINESTRING(${Array.from({ length: 40_000 }, (_, i) => `106.${i} 10.${i}`).join(', ')})`
    const started = performance.now()
    expect(readWkt(wkt).ok).toBe(true)
    expect(readWkt(`LINESTRING(${' '.repeat(1_000_000)}`).ok).toBe(false)
    // the regular expressions this replaced took 18 s on 100 KB
    expect(performance.now() - started).toBeLessThan(3000)
  })
})

const kml = (placemarks: string) =>
  '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">' +
  `<Document>${placemarks}</Document></kml>`

describe('KML and KMZ readers', () => {
  it('decodes numeric entities and keeps every part of a mixed MultiGeometry', () => {
    const read = readKmlText(
      kml(`<Placemark><name>Tuy&#7871;n L&#x1EA1;c</name><MultiGeometry>
      <LineString><coordinates>106.7,10.77,0 106.71,10.775,0</coordinates></LineString>
      <Point><coordinates>106.7,10.77</coordinates></Point></MultiGeometry></Placemark>`),
    )
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.features[0]!.properties.name).toBe('Tuyến Lạc')
    expect((read.features[0]!.geometry as { type: string; geometries: unknown[] }).geometries).toHaveLength(2)
  })
  it('reads the doc.kml of a KMZ', () => {
    const archive = zipSync({
      'doc.kml': strToU8(
        kml('<Placemark><name>A</name><Point><coordinates>106.7,10.77</coordinates></Point></Placemark>'),
      ),
    })
    const read = readKmz(archive)
    expect(read.ok && read.features[0]!.properties.name).toBe('A')
    expect(readKmz(strToU8('not a zip')).ok).toBe(false)
    expect(readKmz(zipSync({ 'a.txt': strToU8('x') }))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/no \.kml/),
    })
  })
  it('refuses a file whose elements do not balance before the DOM parser sees it', () => {
    expect(xmlStructureProblem(kml('<Placemark><name>A</name></Placemark>'))).toBeUndefined()
    expect(xmlStructureProblem('<kml><a><b></a></kml>')).toMatch(/closed by <\/a>/)
    expect(xmlStructureProblem(`<kml>${'<Folder>'.repeat(100)}`)).toMatch(/nested more than 64/)
    expect(xmlStructureProblem('<kml><Placemark>')).toMatch(/not closed/)
    expect(xmlStructureProblem('<!DOCTYPE x [<!ENTITY a "b">]><kml/>')).toMatch(/DOCTYPE/)
    expect(xmlStructureProblem('<kml><!-- a > b --><x a="1>2"/></kml>')).toBeUndefined()
  })
  it('refuses 5 MB of unclosed elements in well under a second', () => {
    const started = performance.now()
    expect(readKmlText('<kml><Placemark>'.repeat(300_000)).ok).toBe(false)
    // @xmldom/xmldom alone took 19 s on this file
    expect(performance.now() - started).toBeLessThan(3000)
  })
})

describe('GeoJSON document reader', () => {
  it('finds duplicate members that JSON.parse hides', () => {
    expect(scanJson('{"type": "A", "x": {"type": 1}, "type": "B"}')).toEqual({ duplicate: 'type' })
    expect(scanJson('{"a": {"b": 1}, "b": [{"a": 2}]}')).toEqual({})
  })
  it('stops at nesting deeper than any GeoJSON, whatever the length', () => {
    expect(scanJson(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toEqual({})
    expect(scanJson('['.repeat(2_500_000))).toEqual({ tooDeep: true })
  })
})
