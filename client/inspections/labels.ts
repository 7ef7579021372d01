import type { Lang, Translate } from '../i18n'
import { formatNumber } from '../i18n/format'
import type { Violation } from './api'

const RULES = [
  'height_over',
  'class_mismatch',
  'position_off',
  'sag_over',
  'label_missing',
  'plate_missing',
  'checklist_item',
] as const
type Rule = (typeof RULES)[number]

/** A violation in words, its figures in the language's number format; an unknown rule by its code. */
export function violationText(t: Translate, lang: Lang, v: Violation): string {
  if (!(RULES as readonly string[]).includes(v.rule)) return v.rule
  const p = v.params
  const n = (key: string) => formatNumber(Number(p[key]), lang, 2)
  switch (v.rule as Rule) {
    case 'height_over':
      return t('in.v.height_over', { measured: n('measuredM'), approved: n('approvedM'), tolerance: n('toleranceM') })
    case 'class_mismatch':
      return t('in.v.class_mismatch', { seen: String(p.seen), approved: String(p.approved) })
    case 'position_off':
      return t('in.v.position_off', { offset: n('offsetM'), tolerance: n('toleranceM') })
    case 'sag_over':
      return t('in.v.sag_over', { sag: n('sagCm'), max: n('maxCm') })
    case 'label_missing':
      return t('in.v.label_missing')
    case 'plate_missing':
      return t('in.v.plate_missing', { missing: ((p.missing as string[]) ?? []).join(', ') })
    case 'checklist_item':
      return t('in.v.checklist_item', { label: String(lang === 'vi' ? p.labelVi : p.labelEn) })
  }
}
