import { useMemo, useState } from 'react'
import { navigate, usePath } from '../app/router'
import { useI18n } from '../i18n'
import { formatDateTime } from '../i18n/format'
import type { LngLat } from '../map/MapView'
import { ErrorMessage, Loading } from '../ui/status'
import { OffsetPager } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { stationsApi } from './api'
import { ApplicationEditor } from './ApplicationEditor'
import { CsvImport } from './CsvImport'
import { listOverlay } from './layers'
import { overall } from './model'
import { StateTag } from './StationInfo'
import { StationPanel } from './StationPanel'
import { STATES, type Station } from './types'
import { StationMap } from './StationMap'
import { useProvince } from './useProvince'
import './stations.css'

const PAGE = 50
const MARK = { pass: '✓', warn: '!', fail: '✕' } as const

/**
 * "Hồ sơ của tôi": the carrier's applications (/applications), a new one (/applications/new) or one of them
 * (/applications/{id}).
 */
export default function ApplicationsPage() {
  const path = usePath()
  if (path === '/applications/new')
    return (
      <ApplicationEditor
        key="new"
        station={null}
        onSaved={(s) => navigate(`/applications/${s.id}`, { replace: true })}
      />
    )
  const m = /^\/applications\/(\d+)$/.exec(path)
  if (m) return <Application key={m[1]} id={Number(m[1])} />
  return <ApplicationList />
}

function ApplicationList() {
  const { t, lang } = useI18n()
  const [state, setState] = useState('')
  const [offset, setOffset] = useState(0)
  const [importing, setImporting] = useState(false)
  const list = useApi(
    (signal) => stationsApi.list({ state: state || undefined, sort: '-updatedAt', offset, limit: PAGE }, signal),
    `apps:${state}:${offset}`,
  )
  const items = list.data?.items ?? []
  const total = list.data?.total ?? 0
  return (
    <div className="page st-apps">
      <header className="page-head">
        <h1>{t('st.apps.title')}</h1>
        <div className="st-head-actions">
          <button
            type="button"
            className="btn btn-secondary"
            aria-expanded={importing}
            onClick={() => setImporting(!importing)}
            data-testid="open-import"
          >
            {t('st.import.open')}
          </button>
          <a
            className="btn btn-primary"
            href="/applications/new"
            data-testid="new-application"
            onClick={(e) => {
              e.preventDefault()
              navigate('/applications/new')
            }}
          >
            + {t('st.apps.new')}
          </a>
        </div>
      </header>
      {importing && <CsvImport onImported={() => list.reload()} />}
      <div className="filters">
        <label className="field field-inline">
          <span className="sr-only">{t('st.status')}</span>
          <select
            value={state}
            onChange={(e) => {
              setState(e.target.value)
              setOffset(0)
            }}
          >
            <option value="">{t('st.apps.allStates')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`st.state.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.error !== null && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="applications">
            <caption className="sr-only">{t('st.apps.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('st.siteCode')}</th>
                <th scope="col">{t('st.status')}</th>
                <th scope="col">{t('st.section.rules')}</th>
                <th scope="col">{t('st.mastClass')}</th>
                <th scope="col">{t('st.address')}</th>
                <th scope="col">{t('st.apps.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 && (
                <tr>
                  <td colSpan={6} className="empty">
                    {t('st.apps.empty')}
                  </td>
                </tr>
              )}
              {items.map((s) => {
                const worst = overall(s.ruleResults)
                return (
                  <tr key={s.id}>
                    <td>
                      <a
                        href={`/applications/${s.id}`}
                        onClick={(e) => {
                          e.preventDefault()
                          navigate(`/applications/${s.id}`)
                        }}
                      >
                        <code>{s.siteCode}</code>
                      </a>
                    </td>
                    <td>
                      <StateTag state={s.state} />
                    </td>
                    <td>
                      <span className={`st-outcome st-${worst}`}>
                        {MARK[worst]} {t(`st.outcome.${worst}`)}
                      </span>
                    </td>
                    <td>{s.mastClass}</td>
                    <td>{[s.address, s.districtName].filter(Boolean).join(', ') || '—'}</td>
                    <td className="nowrap">{formatDateTime(s.updatedAt, lang)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {total > PAGE && (
        <OffsetPager offset={offset} shown={items.length} total={total} pageSize={PAGE} onOffset={setOffset} />
      )}
    </div>
  )
}

/** One application: the editor while the carrier may still change it, otherwise its record and the next steps. */
function Application({ id }: { id: number }) {
  const station = useApi((signal) => stationsApi.get(id, signal), `app:${id}`)
  if (station.error !== null)
    return (
      <div className="page">
        <ErrorMessage error={station.error} onRetry={station.reload} />
      </div>
    )
  if (!station.data) return <Loading />
  const s = station.data
  if (s.state === 'draft' || s.state === 'returned')
    return <ApplicationEditor key={s.version} station={s} onSaved={() => station.reload()} />
  return <ApplicationView station={s} onChanged={station.reload} />
}

function ApplicationView({ station, onChanged }: { station: Station; onChanged(): void }) {
  const { t } = useI18n()
  const { basemap, districts } = useProvince()
  const overlays = useMemo(() => [listOverlay([station], station.id)], [station])
  const focus = useMemo(() => ({ center: station.position.coordinates as LngLat, zoom: 16, seq: 0 }), [station])
  return (
    <div className="split split-stacked st-view">
      <aside className="split-side">
        <StationPanel id={station.id} onClose={() => navigate('/applications')} onChanged={onChanged} />
      </aside>
      <div className="split-map">
        <StationMap
          basemap={basemap}
          districts={districts.data ?? null}
          fit={null}
          focus={focus}
          overlays={overlays}
          label={t('st.mapLabel')}
          onClick={() => undefined}
        />
      </div>
    </div>
  )
}
