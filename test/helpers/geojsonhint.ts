import fs from 'node:fs'
import path from 'node:path'

/** The third-party GeoJSON fixtures, read from ../shared/data beside the repository (never copied into it). */
export const FIXTURES = path.resolve(__dirname, '../../../shared/data/fixtures')

/** The geojsonhint fixtures with their expected outcome, as EXPECTATIONS.tsv lists them. */
export const GEOJSONHINT = fs
  .readFileSync(path.join(FIXTURES, 'EXPECTATIONS.tsv'), 'utf8')
  .split('\n')
  .map((l) => l.split('\t'))
  .filter(([p]) => p?.startsWith('geojsonhint/'))
  .map(([p, e]) => ({ file: p!, expected: e as 'pass' | 'fail' | 'warn' }))

// RFC 7946 §11.2 makes precision a "should": every import rounds over-precise coordinates with a warning.
export const ROUNDED = 'geojsonhint/bad/excessive_precision_truncated.geojson'

/** A fixture's text (path relative to the fixtures folder). */
export const fixtureText = (file: string) => fs.readFileSync(path.join(FIXTURES, file), 'utf8')

/**
 * The fixture with every position moved into Hồ Chí Minh City: scaled by `scale` about 106.6°E 10.75°N
 * (text that is not JSON is answered as it is, for the fixtures that test malformed files).
 */
export function intoProvince(text: string, scale: number): string {
  const move = (v: unknown): unknown => {
    if (!Array.isArray(v)) return v
    if (v.length >= 2 && v.every((n) => typeof n === 'number'))
      return [106.6 + v[0]! * scale, 10.75 + v[1]! * scale, ...v.slice(2)]
    return v.map(move)
  }
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk)
    if (typeof v !== 'object' || v === null) return v
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'coordinates' ? move(x) : walk(x)]))
  }
  try {
    return JSON.stringify(walk(JSON.parse(text)))
  } catch {
    return text
  }
}

/** A refusal's problem+json: its detail and its field messages. */
interface Refusal {
  detail?: string
  errors: { message: string }[]
}

/**
 * What a refusal of a fixture said (its detail and every field message, lower case), and whether it names the
 * problem the reference linter reports in the fixture's .result: the first words of one of its messages, a parse
 * error as "not valid JSON", or, with `precisionWhenSilent`, the precision rule where the linter only warns.
 */
export function namesReferenceProblem(
  file: string,
  problem: Refusal,
  precisionWhenSilent = false,
): { said: string; named: boolean } {
  const reference = JSON.parse(fixtureText(file.replace(/\.geojson$/, '.result'))) as { message: string }[]
  const said = [problem.detail, ...problem.errors.map((e) => e.message)].join(' | ').toLowerCase()
  const named =
    reference.some((r) => said.includes(r.message.toLowerCase().split(/[:\n]/)[0]!.slice(0, 30))) ||
    (precisionWhenSilent && reference.length === 0 && said.includes('precision of coordinates')) ||
    (reference.some((r) => r.message.startsWith('Parse error')) && said.includes('not valid json'))
  return { said, named }
}
