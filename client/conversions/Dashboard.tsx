import { useState } from 'react'
import { http } from '../api/http'
import type { AdminUnits } from '../api/types'
import { navigate } from '../app/router'
import { useSession } from '../auth/session'
import { useI18n, type MessageKey } from '../i18n'
import { formatCount, formatDate, formatNumber } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { type Column, Table } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { api, itemsHref, type Counts, type PhaseProgress, type Programme } from './api'
import { BurnUpChart } from './BurnUpChart'
import { Choropleth } from './Choropleth'
import { AppLink, STATUS_COLOURS } from './links'
import { OverdueTable } from './OverdueTable'

/** The programme dashboard: phase progress, burn-up with forecast, district choropleth and tables, overdue items. */
export function DashboardView({ programme }: { programme: Programme }) {
  const { t, lang } = useI18n()
  const { user, health } = useSession()
  const [carrier, setCarrier] = useState('')
  const [district, setDistrict] = useState('')
  const dash = useApi(
    (s) => api.dashboard(programme.id, { carrier: carrier || undefined, district: district || undefined }, s),
    `dash:${programme.id}:${carrier}:${district}`,
  )
  const province = health?.province ?? '79'
  const districts = useApi(
    (s) => http.get<AdminUnits>('/api/admin-units', { level: 'district', province }, s),
    `districts:${province}`,
  )
  if (dash.error) return <ErrorMessage error={dash.error} onRetry={dash.reload} />
  if (!dash.data) return <Loading />
  const d = dash.data
  const base = { programme: programme.id, carrier: carrier || undefined, district: district || undefined }
  const mine = user?.role === 'carrier'
  return (
    <div className="conv-dashboard" data-testid="conv-dashboard">
      {!mine && (
        <div className="filters">
          <label className="field">
            <span>{t('conv.filter.carrier')}</span>
            <select value={carrier} onChange={(e) => setCarrier(e.target.value)}>
              <option value="">{t('conv.filter.all')}</option>
              {d.byCarrier.map((c) => (
                <option key={c.shortName} value={c.shortName}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('conv.filter.district')}</span>
            <select value={district} onChange={(e) => setDistrict(e.target.value)}>
              <option value="">{t('conv.filter.all')}</option>
              {(districts.data?.features ?? []).map((f) => (
                <option key={String(f.properties.code)} value={String(f.properties.code)}>
                  {String(f.properties.name)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <section className="conv-phases">
        {d.phases.map((p) => (
          <PhaseCard key={p.id} phase={p} base={base} scoped={d.scoped} pacePerMonth={d.pace.perMonth} />
        ))}
      </section>
      <StatusStrip totals={d.totals} base={base} />
      <section className="card conv-card">
        <h2 className="card-title">{t('conv.burnup.title')}</h2>
        <p className="muted conv-sub">
          {t('conv.burnup.pace', { pace: formatNumber(d.pace.perMonth, lang), days: d.pace.windowDays })}
        </p>
        <BurnUpChart burnup={d.burnup} asOf={d.asOf} />
      </section>
      <div className="conv-two conv-districts">
        <section className="card conv-card">
          <h2 className="card-title">{t('conv.byDistrict')}</h2>
          {districts.data ? (
            <Choropleth
              districts={districts.data}
              figures={d.byDistrict}
              onPick={(code) => navigate(itemsHref({ ...base, district: code }))}
            />
          ) : (
            <Loading />
          )}
        </section>
        <section className="card conv-card conv-scroll">
          <BreakdownTable
            rows={d.byDistrict.map((r) => ({
              key: r.code ?? '',
              label: r.name ?? r.code ?? '—',
              counts: r,
              filter: { ...base, district: r.code ?? undefined },
            }))}
            header={t('conv.filter.district')}
          />
        </section>
      </div>
      <section className="card conv-card">
        <h2 className="card-title">{t('conv.byCarrier')}</h2>
        <BreakdownTable
          rows={d.byCarrier.map((r) => ({
            key: r.shortName,
            label: r.name,
            counts: r,
            filter: { ...base, carrier: r.shortName },
          }))}
          header={t('conv.filter.carrier')}
        />
      </section>
      <section className="card conv-card">
        <h2 className="card-title">
          {t('conv.overdue.title')} ·{' '}
          <AppLink href={itemsHref({ ...base, overdue: 'true' })}>{formatCount(d.totals.overdue, lang)}</AppLink>
        </h2>
        <OverdueTable items={d.overdueItems} />
      </section>
    </div>
  )
}

const STATE_CLASS: Record<PhaseProgress['state'], string> = {
  done: 'ok',
  on_track: 'ok',
  behind: 'warn',
  met: 'ok',
  missed: 'bad',
}

function PhaseCard({
  phase,
  base,
  scoped,
  pacePerMonth,
}: {
  phase: PhaseProgress
  base: Parameters<typeof itemsHref>[0]
  scoped: boolean
  pacePerMonth: number
}) {
  const { t, lang } = useI18n()
  const pct = Math.min(100, phase.percent)
  return (
    <article className="card conv-phase" data-testid={`phase-${phase.seq}`}>
      <header>
        <h2>{phase.name}</h2>
        <span className={`conv-badge ${STATE_CLASS[phase.state]}`}>{t(`conv.state.${phase.state}` as MessageKey)}</span>
      </header>
      <p className="muted">{t('conv.phase.deadline', { date: formatDate(phase.deadline, lang) })}</p>
      <p className="conv-big">
        <AppLink href={itemsHref({ ...base, verifiedBy: phase.countedTo })} testId={`phase-${phase.seq}-done`}>
          {formatCount(phase.done, lang)}
        </AppLink>
        <span className="conv-of"> / </span>
        <AppLink href={itemsHref({ ...base, upToPhase: phase.seq })}>{formatCount(phase.goal, lang)}</AppLink>
        <span className="conv-pct"> — {formatNumber(phase.percent, lang)} %</span>
      </p>
      <div
        className="conv-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
      >
        <span style={{ width: `${pct}%` }} />
      </div>
      <dl className="facts conv-facts">
        {scoped && (
          <>
            <dt>{t('conv.phase.target')}</dt>
            <dd>{formatCount(phase.target, lang)}</dd>
          </>
        )}
        <dt>{t('conv.phase.remaining')}</dt>
        <dd>{formatCount(phase.remaining, lang)}</dd>
        {phase.closed ? (
          <>
            <dt>{t('conv.phase.closed')}</dt>
            <dd>{t('conv.phase.countedTo', { date: formatDate(phase.countedTo, lang) })}</dd>
          </>
        ) : (
          <>
            <dt>{t('conv.phase.forecast')}</dt>
            <dd>
              {phase.forecastDate ? formatDate(phase.forecastDate, lang) : t('conv.phase.never')}{' '}
              <span className="muted">({t('conv.phase.atPace', { pace: formatNumber(pacePerMonth, lang) })})</span>
            </dd>
            <dt>{t('conv.phase.needed')}</dt>
            <dd>
              {phase.requiredPerMonth === null
                ? t('conv.phase.deadlinePassed')
                : phase.requiredPerMonth === 0
                  ? '—'
                  : t('conv.phase.perMonth', { pace: formatNumber(phase.requiredPerMonth, lang) })}
            </dd>
          </>
        )}
      </dl>
    </article>
  )
}

const STRIP: [keyof Counts, string, string][] = [
  ['planned', 'planned', STATUS_COLOURS.planned],
  ['inProgress', 'in_progress', STATUS_COLOURS.in_progress],
  ['reported', 'reported', STATUS_COLOURS.reported],
  ['returned', 'returned', STATUS_COLOURS.returned],
  ['verified', 'verified', STATUS_COLOURS.verified],
]

function StatusStrip({ totals, base }: { totals: Counts; base: Parameters<typeof itemsHref>[0] }) {
  const { t, lang } = useI18n()
  return (
    <section className="conv-strip" aria-label={t('conv.statusCounts')}>
      <div className="conv-stack" aria-hidden="true">
        {STRIP.map(([key, , colour]) => (
          <span key={key} style={{ flexGrow: totals[key], background: colour }} />
        ))}
      </div>
      <ul>
        {STRIP.map(([key, status, colour]) => (
          <li key={key}>
            <i style={{ background: colour }} />
            <AppLink href={itemsHref({ ...base, status: status as never })} testId={`count-${status}`}>
              <strong>{formatCount(totals[key], lang)}</strong> {t(`conv.status.${status}` as MessageKey)}
            </AppLink>
          </li>
        ))}
        <li>
          <i className="overdue" />
          <AppLink href={itemsHref({ ...base, overdue: 'true' })}>
            <strong>{formatCount(totals.overdue, lang)}</strong> {t('conv.overdue.short')}
          </AppLink>
        </li>
      </ul>
    </section>
  )
}

type BreakdownRow = { key: string; label: string; counts: Counts; filter: Parameters<typeof itemsHref>[0] }

/** Items, verified (and their share), reported and overdue per district or carrier; each figure opens its items. */
function BreakdownTable({ rows, header }: { rows: BreakdownRow[]; header: string }) {
  const { t, lang } = useI18n()
  const link = (r: BreakdownRow, n: number, more: Partial<Parameters<typeof itemsHref>[0]> = {}) => (
    <AppLink href={itemsHref({ ...r.filter, ...more })}>{formatCount(n, lang)}</AppLink>
  )
  const columns: Column<BreakdownRow>[] = [
    { key: 'label', header, cell: (r) => r.label },
    { key: 'items', header: t('conv.col.items'), cell: (r) => link(r, r.counts.items), className: 'num' },
    {
      key: 'verified',
      header: t('conv.status.verified'),
      cell: (r) => link(r, r.counts.verified, { status: 'verified' }),
      className: 'num',
    },
    {
      key: 'share',
      header: '%',
      cell: (r) => formatNumber(r.counts.items ? (r.counts.verified / r.counts.items) * 100 : 0, lang),
      className: 'num',
    },
    {
      key: 'reported',
      header: t('conv.status.reported'),
      cell: (r) => link(r, r.counts.reported, { status: 'reported' }),
      className: 'num',
    },
    {
      key: 'overdue',
      header: t('conv.overdue.short'),
      cell: (r) => link(r, r.counts.overdue, { overdue: 'true' }),
      className: 'num',
    },
  ]
  return (
    <Table
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      caption={header}
      empty={t('conv.items.empty')}
      className="conv-table"
    />
  )
}
