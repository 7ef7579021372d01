import { useState } from 'react'
import { http } from '../api/http'
import { useI18n, type MessageKey } from '../i18n'
import { useApi } from '../ui/useApi'
import { DateInput } from '../ui/DateInput'

export interface AuditFilter {
  actor?: string
  action?: string
  entity?: string
  from?: string
  to?: string
}

const KEYS = ['actor', 'action', 'entity', 'from', 'to'] as const

/** The trail's filters, kept in the address so that a filtered trail can be shared. */
export function useAuditFilter(): [AuditFilter, (f: AuditFilter) => void] {
  const [filter, setState] = useState<AuditFilter>(() => {
    const params = new URLSearchParams(location.search)
    return Object.fromEntries(KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : [])))
  })
  const set = (f: AuditFilter) => {
    const params = new URLSearchParams()
    for (const key of KEYS) if (f[key]) params.set(key, f[key])
    const qs = params.toString()
    history.replaceState(null, '', `${location.pathname}${qs ? `?${qs}` : ''}`)
    setState(f)
  }
  return [filter, set]
}

/** Selects of the values the trail holds (actors, actions, record kinds) and a range of days. */
export function AuditFilters({ filter, onChange }: { filter: AuditFilter; onChange(f: AuditFilter): void }) {
  const { t } = useI18n()
  const facets = useApi(
    (signal) =>
      http.get<{ actions: string[]; entities: string[]; actors: string[] }>('/api/audit/facets', undefined, signal),
    'audit-facets',
  )
  const change = (key: (typeof KEYS)[number], value: string) => onChange({ ...filter, [key]: value || undefined })
  const select = (key: 'actor' | 'action' | 'entity', values: string[] | undefined, label: MessageKey) => (
    <label className="field">
      <span>{t(label)}</span>
      <select name={key} value={filter[key] ?? ''} onChange={(e) => change(key, e.target.value)}>
        <option value="">{t('audit.any')}</option>
        {filter[key] && !values?.includes(filter[key]) && <option value={filter[key]}>{filter[key]}</option>}
        {(values ?? []).map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <div className="filters facet-filters" data-testid="audit-filters">
      {select('actor', facets.data?.actors, 'audit.actor')}
      {select('action', facets.data?.actions, 'audit.action')}
      {select('entity', facets.data?.entities, 'audit.entity')}
      <label className="field">
        <span>{t('audit.from')}</span>
        <DateInput name="from" value={filter.from ?? ''} onChange={(v) => change('from', v)} />
      </label>
      <label className="field">
        <span>{t('audit.to')}</span>
        <DateInput name="to" value={filter.to ?? ''} onChange={(v) => change('to', v)} />
      </label>
    </div>
  )
}
