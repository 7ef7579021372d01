/**
 * Exact arithmetic on the decimals people type (heights, tolerances, limits). A JavaScript number is read
 * as the shortest decimal that round-trips to it — the one that was typed — so 12.305 is 12305 × 10⁻³,
 * never 12.3049999…, and nothing is rounded before a comparison: a measured 12,305 m is over 12 m + 0,3 m.
 */

/** A decimal as an integer mantissa and a power of ten: value = units × 10^-scale. */
interface Decimal {
  units: bigint
  scale: number
}

function decimal(n: number): Decimal {
  if (!Number.isFinite(n)) throw new RangeError(`Not a finite number: ${n}`)
  const [mantissa = '0', exponent = '0'] = String(n).toLowerCase().split('e')
  const [whole = '0', fraction = ''] = mantissa.split('.')
  return { units: BigInt(whole + fraction), scale: fraction.length - Number(exponent) }
}

const at = (d: Decimal, scale: number) => d.units * 10n ** BigInt(scale - d.scale)

function combine(a: Decimal, b: Decimal, op: (x: bigint, y: bigint) => bigint): Decimal {
  const scale = Math.max(a.scale, b.scale)
  return { units: op(at(a, scale), at(b, scale)), scale }
}

const toNumber = (d: Decimal) => (d.scale >= 0 ? Number(`${d.units}e-${d.scale}`) : Number(`${d.units}e${-d.scale}`))

/** a + b, exactly (then read back as the nearest number). */
export const addExact = (a: number, b: number): number => toNumber(combine(decimal(a), decimal(b), (x, y) => x + y))

/** a − b, exactly (then read back as the nearest number). */
export const subtractExact = (a: number, b: number): number =>
  toNumber(combine(decimal(a), decimal(b), (x, y) => x - y))

/** a × b, exactly (then read back as the nearest number). */
export function multiplyExact(a: number, b: number): number {
  const x = decimal(a)
  const y = decimal(b)
  return toNumber({ units: x.units * y.units, scale: x.scale + y.scale })
}

/** −1, 0 or 1 as the decimal a is below, equal to or above the decimal b. */
export function compareExact(a: number, b: number): -1 | 0 | 1 {
  const d = combine(decimal(a), decimal(b), (x, y) => x - y).units
  return d < 0n ? -1 : d > 0n ? 1 : 0
}
