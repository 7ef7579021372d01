// Well-known text (OGC 06-103r4) to GeoJSON, for the WKT cell of a CSV row. One left-to-right pass over
// tokens: the cost is linear in the text and the recursion is as deep as the grammar (collections once).
// What it answers still goes through the geometry gate, which checks shapes, numbers and extent.

type Parsed = { type: string; coordinates?: unknown; geometries?: unknown[] }
export type WktResult = { ok: true; geometry: Parsed } | { ok: false; problem: string }

const TYPES: Record<string, string> = {
  POINT: 'Point',
  MULTIPOINT: 'MultiPoint',
  LINESTRING: 'LineString',
  MULTILINESTRING: 'MultiLineString',
  POLYGON: 'Polygon',
  MULTIPOLYGON: 'MultiPolygon',
  GEOMETRYCOLLECTION: 'GeometryCollection',
}
/** How deep the positions lie below the type's outer parentheses. */
const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
}

class WktError extends Error {}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const isDigit = (c: number) => c >= 48 && c <= 57
// digits, '+', '-', '.', 'e', 'E'
const isNumberChar = (c: number) => isDigit(c) || c === 43 || c === 45 || c === 46 || c === 101 || c === 69
const startsNumber = (ch: string) => ch !== '' && ch !== 'e' && ch !== 'E' && isNumberChar(ch.charCodeAt(0))

class Reader {
  private at = 0
  constructor(private readonly text: string) {}

  private skipSpace(): void {
    while (this.at < this.text.length && this.text.charCodeAt(this.at) <= 32) this.at++
  }

  peek(): string {
    this.skipSpace()
    return this.text[this.at] ?? ''
  }

  expect(ch: string): void {
    if (this.peek() !== ch) throw new WktError(`expected "${ch}" at character ${this.at + 1}`)
    this.at++
  }

  word(): string {
    this.skipSpace()
    const from = this.at
    while (this.at < this.text.length && isLetter(this.text.charCodeAt(this.at))) this.at++
    return this.text.slice(from, this.at).toUpperCase()
  }

  number(): number {
    this.skipSpace()
    const from = this.at
    while (this.at < this.text.length && isNumberChar(this.text.charCodeAt(this.at))) this.at++
    const n = Number(this.text.slice(from, this.at))
    if (from === this.at || !Number.isFinite(n)) throw new WktError(`expected a number at character ${from + 1}`)
    return n
  }

  done(): boolean {
    return this.peek() === ''
  }
}

/** A position: two or more numbers separated by spaces (a MULTIPOINT may wrap each in parentheses). */
function position(r: Reader, wrapped: boolean): number[] {
  if (wrapped) r.expect('(')
  const p = [r.number(), r.number()]
  while (startsNumber(r.peek())) p.push(r.number())
  if (wrapped) r.expect(')')
  return p
}

function nested(r: Reader, depth: number, type: string): unknown {
  if (depth === 0) return position(r, false)
  r.expect('(')
  const items: unknown[] = []
  do {
    if (r.peek() === ',') r.expect(',')
    items.push(type === 'MultiPoint' && depth === 1 ? position(r, r.peek() === '(') : nested(r, depth - 1, type))
  } while (r.peek() === ',')
  r.expect(')')
  return items
}

function geometry(r: Reader, inCollection: boolean): Parsed {
  const name = r.word()
  const type = TYPES[name]
  if (!type) throw new WktError(name ? `the WKT type ${name} is unknown` : 'a WKT geometry starts with its type')
  const dims = r.word()
  if (dims !== '' && !['Z', 'M', 'ZM'].includes(dims)) throw new WktError(`"${dims}" is not Z, M or ZM`)
  if (r.peek() !== '(') {
    if (r.word() === 'EMPTY') throw new WktError(`the ${type} is EMPTY`)
    throw new WktError(`expected "(" after ${name}`)
  }
  if (type !== 'GeometryCollection') {
    if (type !== 'Point') return { type, coordinates: nested(r, DEPTH[type]!, type) }
    r.expect('(')
    const coordinates = position(r, false)
    r.expect(')')
    return { type, coordinates }
  }
  if (inCollection) throw new WktError('a GEOMETRYCOLLECTION cannot be nested in another')
  r.expect('(')
  const geometries: Parsed[] = [geometry(r, true)]
  while (r.peek() === ',') {
    r.expect(',')
    geometries.push(geometry(r, true))
  }
  r.expect(')')
  return { type, geometries }
}

/** Reads one WKT (or EWKT with SRID=4326) geometry into GeoJSON, or says where it stops making sense. */
export function readWkt(text: string): WktResult {
  let body = text.trim()
  if (body.toUpperCase().startsWith('SRID=')) {
    const semicolon = body.indexOf(';')
    const srid = body.slice(5, semicolon < 0 ? undefined : semicolon).trim()
    if (srid !== '4326')
      return { ok: false, problem: `the WKT is in SRID ${srid}; send longitude/latitude (SRID 4326)` }
    body = body.slice(semicolon + 1)
  }
  if (body === '') return { ok: false, problem: 'the WKT cell is empty' }
  try {
    const r = new Reader(body)
    const g = geometry(r, false)
    if (!r.done()) throw new WktError('there is text after the geometry')
    return { ok: true, geometry: g }
  } catch (err) {
    if (err instanceof WktError) return { ok: false, problem: `the WKT cannot be read: ${err.message}` }
    throw err
  }
}
