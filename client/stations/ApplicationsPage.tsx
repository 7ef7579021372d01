import { useMemo, useState } from 'react'
import { InPlanTag } from '../plans/InPlanTag'
import { navigate, usePath } from '../app/router'
import { useI18n } from '../i18n'
import { formatCount, formatDateTime } from '../i18n/format'
import type { LngLat } from '../map/MapView'
import { ErrorMessage, Loading } from '../ui/status'
import { OffsetPager, Table, type Column } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { stationsApi } from './api'
import { ApplicationEditor } from './ApplicationEditor'
import { CsvImport } from './CsvImport'
import { listOverlay } from './layers'
import { overall } from './model'
import { StateTag } from './StationInfo'
import { StationPanel } from './StationPanel'
import type { Station } from './types'
import { StationMap } from './StationMap'
import { useProvince } from './useProvince'
import './stations.css'

const PAGE = 50
const MARK = { pass: '✓', warn: '!', fail: '✕' } as const

/**
 * "Hồ sơ của tôi": the carrier's applications in progress (/applications), a new one (/applications/new) or one of them
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

type Group = (typeof GROUPS)[number]
const GROUPS = ['open', 'draft', 'returned', 'submitted', 'field_checked', 'decided'] as const

/** The carrier's work list: its applications still in progress, by state with counts, and this month's decisions. */
function ApplicationList() {
  const { t, lang } = useI18n()
  const [group, setGroup] = useState<Group>('open')
  const [offset, setOffset] = useState(0)
  const [importing, setImporting] = useState(false)
  const list = useApi(
    (signal) => stationsApi.applications({ group, offset, limit: PAGE }, signal),
    `apps:${group}:${offset}`,
  )
  const items = list.data?.items ?? []
  const total = list.data?.total ?? 0
  const columns: Column<Station>[] = [
    {
      key: 'site',
      header: t('st.siteCode'),
      cell: (s) => (
        <a
          href={`/applications/${s.id}`}
          onClick={(e) => {
            e.preventDefault()
            navigate(`/applications/${s.id}`)
          }}
        >
          <code>{s.siteCode}</code>
        </a>
      ),
    },
    { key: 'state', header: t('st.status'), cell: (s) => <StateTag state={s.state} /> },
    {
      key: 'rules',
      header: t('st.section.rules'),
      cell: (s) => {
        const worst = overall(s.ruleResults)
        return (
          <span className={`st-outcome st-${worst}`}>
            {MARK[worst]} {t(`st.outcome.${worst}`)}
          </span>
        )
      },
    },
    { key: 'inPlan', header: t('pl.inPlan.column'), cell: (s) => <InPlanTag inPlan={s.inPlan} showNone /> },
    { key: 'class', header: t('st.mastClass'), cell: (s) => s.mastClass },
    {
      key: 'address',
      header: t('st.address'),
      cell: (s) => [s.address, s.districtName].filter(Boolean).join(', ') || '—',
    },
    {
      key: 'updated',
      header: t('st.apps.updated'),
      cell: (s) => formatDateTime(s.updatedAt, lang),
      className: 'nowrap',
    },
  ]
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
      <p className="muted">
        {t('st.apps.lead')}{' '}
        <a
          href="/stations"
          onClick={(e) => {
            e.preventDefault()
            navigate('/stations')
          }}
        >
          {t('st.apps.register')}
        </a>
      </p>
      {importing && <CsvImport onImported={() => list.reload()} />}
      <div className="tabs" role="tablist" aria-label={t('st.status')} data-testid="application-groups">
        {GROUPS.map((g) => (
          <button
            key={g}
            type="button"
            role="tab"
            aria-selected={g === group}
            className={`tab${g === group ? ' tab-current' : ''}`}
            data-group={g}
            onClick={() => {
              setGroup(g)
              setOffset(0)
            }}
          >
            {t(`st.apps.group.${g}`)}{' '}
            <span className="tab-count">{list.data ? formatCount(list.data.counts[g] ?? 0, lang) : '…'}</span>
          </button>
        ))}
      </div>
      {list.error !== null && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <Table
          columns={columns}
          rows={items}
          rowKey={(s) => s.id}
          caption={t('st.apps.title')}
          empty={t('st.apps.empty')}
          testId="applications"
        />
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
