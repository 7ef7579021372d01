/** Lengths and money as the cables pages show them, Vietnamese format first. */
import { formatNumber, type Lang } from '../i18n/format'

/** A length in metres as "850 m" below a kilometre, else "3.446,8 km". */
export function formatLength(metres: number, lang: Lang): string {
  return metres < 1000
    ? `${formatNumber(metres, lang, 0)} m`
    : `${formatNumber(metres / 1000, lang, metres < 10_000 ? 2 : 1)} km`
}

/** Kilometres with one decimal, for tables and charts: vi 3.446,8. */
export const formatKm = (metres: number, lang: Lang): string => formatNumber(metres / 1000, lang, 1)

/** An amount of đồng, without decimals: vi "1.250.000 ₫". */
export const formatVnd = (vnd: number, lang: Lang): string => `${formatNumber(vnd, lang, 0)} ₫`
