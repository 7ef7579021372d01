/** Value axes of the plain-SVG charts (cables summary, conversion burn-up): one rule for round tick steps. */

/** A round step for axis ticks: 1, 2 or 5 × 10ⁿ, giving about `count` ticks up to `max` (1 when max ≤ 0). */
export function niceStep(max: number, count = 4): number {
  if (!(max > 0)) return 1
  const raw = max / count
  const power = 10 ** Math.floor(Math.log10(raw))
  const f = raw / power
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power
}

/** The value axis for these values: its top (a whole number of steps, at least one) and the ticks from 0 up to it. */
export function valueAxis(values: number[], count = 4): { max: number; ticks: number[] } {
  const step = niceStep(Math.max(0, ...values), count)
  const max = Math.max(step, Math.ceil(Math.max(0, ...values) / step) * step)
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step)
  return { max, ticks }
}
