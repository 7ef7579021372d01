import { useI18n } from '../i18n'
import type { ReportInput } from './api'
import { DateInput } from '../ui/DateInput'

const FIRST_YEAR = 2014

/** Chooses the period (quarter, half year, year or a range) and the date whose boundaries the figures use. */
export function PeriodForm({
  value,
  thisYear,
  onChange,
}: {
  value: ReportInput
  thisYear: number
  onChange(next: ReportInput): void
}) {
  const { t } = useI18n()
  const set = (patch: Partial<ReportInput>) => onChange({ ...value, ...patch })
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i)
  return (
    <form className="rp-form no-print" aria-label={t('rp.period')} onSubmit={(e) => e.preventDefault()}>
      <div className="segmented" role="radiogroup" aria-label={t('rp.period')}>
        {(['quarter', 'half', 'year', 'range'] as const).map((p) => (
          <label key={p} className={value.period === p ? 'on' : undefined}>
            <input
              type="radio"
              name="period"
              value={p}
              checked={value.period === p}
              onChange={() => set({ period: p })}
            />
            {t(`rp.${p}`)}
          </label>
        ))}
      </div>
      {value.period !== 'range' && (
        <select
          aria-label={t('rp.yearLabel')}
          value={value.year}
          onChange={(e) => set({ year: Number(e.target.value) })}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      )}
      {value.period === 'quarter' && (
        <select
          aria-label={t('rp.quarterLabel')}
          value={value.quarter}
          onChange={(e) => set({ quarter: Number(e.target.value) })}
        >
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {t('rp.quarterN', { q })}
            </option>
          ))}
        </select>
      )}
      {value.period === 'half' && (
        <select
          aria-label={t('rp.halfLabel')}
          value={value.half}
          onChange={(e) => set({ half: Number(e.target.value) })}
        >
          <option value={1}>{t('rp.half1')}</option>
          <option value={2}>{t('rp.half2')}</option>
        </select>
      )}
      {value.period === 'range' && (
        <>
          <label>
            {t('rp.from')} <DateInput name="from" value={value.from} onChange={(from) => set({ from })} />
          </label>
          <label>
            {t('rp.to')} <DateInput name="to" value={value.to} onChange={(to) => set({ to })} />
          </label>
        </>
      )}
      <label title={t('rp.unitsOnHint')}>
        {t('rp.unitsOn')} <DateInput name="unitsOn" value={value.unitsOn} onChange={(unitsOn) => set({ unitsOn })} />
      </label>
    </form>
  )
}
