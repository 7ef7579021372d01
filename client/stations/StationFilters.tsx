import { useEffect, useRef, useState } from 'react'
import type { AdminUnits } from '../api/types'
import { useI18n } from '../i18n'
import { operatorLabel } from './labels'
import { MAST_CLASSES, OPERATORS, STATES } from './types'

export interface Filters {
  operator?: string
  mastClass?: string
  state?: string
  district?: string
  temporary?: 'true' | 'false'
  q?: string
}

/** Filters of the stations list: search by code or address, operator, class, status, district, temporary. */
export function StationFilters({
  value,
  onChange,
  districts,
  states = STATES,
}: {
  value: Filters
  onChange(f: Filters): void
  districts: AdminUnits | null
  states?: readonly string[]
}) {
  const { t } = useI18n()
  const [q, setQ] = useState(value.q ?? '')
  // The debounced search reads the other filters as they are when it fires, not as they were at the key press.
  const latest = useRef({ value, onChange })
  latest.current = { value, onChange }
  // The search waits for a pause in typing, so that each key press is not a request.
  useEffect(() => {
    const timer = setTimeout(() => {
      const next = q.trim() || undefined
      const { value: now, onChange: change } = latest.current
      if (next !== now.q) change({ ...now, q: next })
    }, 300)
    return () => clearTimeout(timer)
  }, [q])
  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value || undefined })
  const names = [...(districts?.features ?? [])].sort((a, b) =>
    a.properties.name.localeCompare(b.properties.name, 'vi'),
  )
  return (
    <search className="side-filters" aria-label={t('st.filters')}>
      <label className="field side-search">
        <span className="sr-only">{t('st.search')}</span>
        <input
          type="search"
          placeholder={t('st.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="station-search"
        />
      </label>
      <label className="field">
        <span>{t('st.operator')}</span>
        <select value={value.operator ?? ''} onChange={set('operator')} name="operator">
          <option value="">{t('st.all')}</option>
          {OPERATORS.map((o) => (
            <option key={o} value={o}>
              {operatorLabel(t, o)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('st.mastClass')}</span>
        <select value={value.mastClass ?? ''} onChange={set('mastClass')} name="mastClass">
          <option value="">{t('st.all')}</option>
          {MAST_CLASSES.map((c) => (
            <option key={c} value={c}>
              {t(`st.classShort.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('st.status')}</span>
        <select value={value.state ?? ''} onChange={set('state')} name="state">
          <option value="">{t('st.all')}</option>
          {states.map((s) => (
            <option key={s} value={s}>
              {t(`st.state.${s as (typeof STATES)[number]}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('st.district')}</span>
        <select value={value.district ?? ''} onChange={set('district')} name="district">
          <option value="">{t('st.all')}</option>
          {names.map((d) => (
            <option key={d.properties.code} value={d.properties.code}>
              {d.properties.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('st.kind')}</span>
        <select value={value.temporary ?? ''} onChange={set('temporary')} name="temporary">
          <option value="">{t('st.all')}</option>
          <option value="false">{t('st.permanent')}</option>
          <option value="true">{t('st.temporary')}</option>
        </select>
      </label>
    </search>
  )
}
