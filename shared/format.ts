// Numbers the way each language writes them (vi-VN: 3.446,8 — en: 3,446.8), for the client's pages and the
// server's Vietnamese and English messages alike: one formatter over Intl, never a hand-made replace('.', ',').

export type Lang = 'vi' | 'en'

// English dates and numbers follow British use, as the users read them in Vietnam.
const TAGS: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' }

const formats = new Map<string, Intl.NumberFormat>()

function numberFormat(lang: Lang, min: number, max: number, grouping: boolean): Intl.NumberFormat {
  const key = `${lang}:${min}:${max}:${grouping}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(TAGS[lang], {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: grouping,
      signDisplay: 'negative',
    })
    formats.set(key, format)
  }
  return format
}

/** The BCP 47 tag used for a language. */
export const localeTag = (lang: Lang): string => TAGS[lang]

/** A number with grouping and at most `maxFractionDigits` decimals (at least `minFractionDigits`): vi 3.446,8. */
export function formatNumber(value: number, lang: Lang, maxFractionDigits = 1, minFractionDigits = 0): string {
  return numberFormat(lang, minFractionDigits, Math.max(minFractionDigits, maxFractionDigits), true).format(value)
}

/** An integer count with grouping: vi 147.166 — en 147,166. */
export function formatCount(value: number, lang: Lang): string {
  return numberFormat(lang, 0, 0, true).format(value)
}

/** A value with exactly `fractionDigits` decimals and no grouping, to be typed back: vi 1191912,35. */
export function formatUngrouped(value: number, lang: Lang, fractionDigits: number): string {
  return numberFormat(lang, fractionDigits, fractionDigits, false).format(value)
}
