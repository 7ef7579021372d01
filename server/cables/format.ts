import { formatNumber } from '../../shared/format'

/** Vietnamese number format with exactly `decimals` decimals: '.' groups thousands, ',' marks decimals (3.446,8). */
export function formatVi(value: number, decimals = 0): string {
  return formatNumber(value, 'vi', decimals, decimals)
}

/** Kilometres as officers write them: one decimal, without a trailing ",0" (295 km, 3.446,8 km). */
export function formatKm(metres: number): string {
  const km = Math.round(metres / 100) / 10
  return formatVi(km, Number.isInteger(km) ? 0 : 1)
}

/** A date YYYY-MM-DD as dd/mm/yyyy. */
export const formatDateVi = (iso: string) => iso.split('-').reverse().join('/')
