import { useState } from 'react'
import { useI18n, type MessageKey } from '../i18n'
import { formatCount } from '../i18n/format'
import type { Facet, QueuePage } from './api'

export interface QueueFilter {
  state: string
  carrier: string
  district: string
}

const KEYS = ['state', 'carrier', 'district'] as const

/** The queue's filters, kept in the address (?state=…&carrier=…&district=…) so that a filtered queue can be shared. */
export function useQueueFilter(): [QueueFilter, (f: QueueFilter) => void] {
  const [filter, setState] = useState<QueueFilter>(() => {
    const params = new URLSearchParams(location.search)
    return {
      state: params.get('state') ?? '',
      carrier: params.get('carrier') ?? '',
      district: params.get('district') ?? '',
    }
  })
  const set = (f: QueueFilter) => {
    const params = new URLSearchParams()
    for (const key of KEYS) if (f[key]) params.set(key, f[key])
    const qs = params.toString()
    history.replaceState(null, '', `${location.pathname}${qs ? `?${qs}` : ''}`)
    setState(f)
  }
  return [filter, set]
}

/** Three selects (state, carrier, district); each value shows how many applications choosing it would list. */
export function QueueFilters({
  facets,
  filter,
  onChange,
}: {
  facets: QueuePage['facets']
  filter: QueueFilter
  onChange(f: QueueFilter): void
}) {
  const { t, lang } = useI18n()
  const labels: Record<(typeof KEYS)[number], { all: MessageKey; name: MessageKey }> = {
    state: { all: 'st.queue.allStates', name: 'st.status' },
    carrier: { all: 'st.queue.allCarriers', name: 'st.queue.carrier' },
    district: { all: 'st.queue.allDistricts', name: 'st.queue.district' },
  }
  const text = (key: (typeof KEYS)[number], f: Facet) =>
    key === 'state' ? t(`st.state.${f.value}` as MessageKey) : f.label
  return (
    <div className="facet-filters" data-testid="queue-filters">
      {KEYS.map((key) => {
        const values = facets[key]
        // A chosen value with no row left still shows, so the select can say what is chosen.
        const shown = filter[key] && !values.some((f) => f.value === filter[key])
        return (
          <label key={key} className="field field-inline">
            <span className="sr-only">{t(labels[key].name)}</span>
            <select name={key} value={filter[key]} onChange={(e) => onChange({ ...filter, [key]: e.target.value })}>
              <option value="">{t(labels[key].all)}</option>
              {shown && <option value={filter[key]}>{filter[key]} (0)</option>}
              {values.map((f) => (
                <option key={f.value} value={f.value}>
                  {text(key, f)} ({formatCount(f.n, lang)})
                </option>
              ))}
            </select>
          </label>
        )
      })}
    </div>
  )
}
