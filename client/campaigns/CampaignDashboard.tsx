import { useMemo, useState } from 'react'
import { DateInput } from '../ui/DateInput'
import type { ExpressionSpecification } from 'maplibre-gl'
import { http } from '../api/http'
import type { AdminUnits } from '../api/types'
import { useSession } from '../auth/session'
import { useI18n, type MessageKey } from '../i18n'
import { formatCount, formatDate, formatNumber } from '../i18n/format'
import { boundsOf } from '../map/geometry'
import type { Visibility } from '../map/LayerPanel'
import { MapView } from '../map/MapView'
import type { MapOverlay } from '../map/overlays'
import { LAYER } from '../map/style'
import { AppLink } from '../conversions/links'
import { ErrorMessage, Loading } from '../ui/status'
import { type Column, Table } from '../ui/Table'
import { useAction } from '../ui/useAction'
import { useApi } from '../ui/useApi'
import { api, type Campaign, type Counts, type Selection } from './api'
import { ProgressBar } from './ProgressBar'

/** Five classes of the share inspected, light to dark green (0–20 %, … 80–100 %). */
const SCALE = ['#e8f5ee', '#b7e2c8', '#7cc9a0', '#3ea874', '#0b7a4b']
const SHARE_FILL = [
  'step',
  ['get', 'share'],
  SCALE[0],
  20,
  SCALE[1],
  40,
  SCALE[2],
  60,
  SCALE[3],
  80,
  SCALE[4],
] as unknown as ExpressionSpecification
const ignoreClick = () => undefined
const VISIBLE: Visibility = {
  [LAYER.districtFill]: false,
  [LAYER.districtLine]: true,
  [LAYER.districtLabel]: true,
  [LAYER.picked]: false,
}

const FIGURES: [keyof Counts, MessageKey][] = [
  ['total', 'camp.dash.total'],
  ['done', 'camp.dash.done'],
  ['compliant', 'camp.dash.compliant'],
  ['violations', 'camp.dash.violations'],
  ['noAccess', 'camp.dash.noAccess'],
  ['overdue', 'camp.dash.overdue'],
  ['remaining', 'camp.dash.remaining'],
]

/** One campaign: what it selects, the generation (officer, once), and its progress with the map by district. */
export function CampaignDashboard({ id }: { id: number }) {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const campaign = useApi((s) => api.get(id, s), `campaign:${id}`)
  const c = campaign.data
  if (campaign.error)
    return (
      <div className="page">
        <ErrorMessage error={campaign.error} onRetry={campaign.reload} />
      </div>
    )
  if (!c)
    return (
      <div className="page">
        <Loading />
      </div>
    )
  const officer = user?.role === 'officer' || user?.role === 'admin'
  return (
    <div className="page camp-page" data-testid="campaign-dashboard">
      <header className="page-head">
        <div>
          <AppLink href="/campaigns">{t('camp.back')}</AppLink>
          <h1>{c.name}</h1>
          <p className="muted">
            {t(`camp.kind.${c.assetKind}` as MessageKey)} ·{' '}
            {t('camp.period', { from: formatDate(c.startsOn, lang), to: formatDate(c.endsOn, lang) })} ·{' '}
            {t(`camp.state.${c.state}` as MessageKey)}
            {c.createdBy ? ` · ${t('camp.dash.createdBy')}: ${c.createdBy}` : ''}
          </p>
          {c.description && <p>{c.description}</p>}
        </div>
      </header>
      {c.state === 'draft' ? (
        officer ? (
          <GeneratePanel campaign={c} onDone={campaign.reload} />
        ) : (
          <p className="muted">{t('camp.dash.notGenerated')}</p>
        )
      ) : (
        <Progress campaign={c} />
      )}
    </div>
  )
}

function GeneratePanel({ campaign, onDone }: { campaign: Campaign; onDone(): void }) {
  const { t, lang } = useI18n()
  const inspectors = useApi((s) => api.inspectors(s), 'campaign-inspectors')
  const [chosen, setChosen] = useState<number[]>([])
  const [dueOn, setDueOn] = useState(campaign.endsOn)
  // What the generation will create, counted now (the assets may change until it runs).
  const preview = useApi(
    () => api.preview({ assetKind: campaign.assetKind, selection: selectionOf(campaign) }),
    `campaign-preview:${campaign.id}`,
  )
  const action = useAction()
  const generate = () =>
    action.run(async () => {
      await api.generate(campaign.id, { inspectorIds: chosen, dueOn })
      onDone()
    })
  return (
    <section className="card camp-card" data-testid="campaign-generate">
      <h2 className="card-title">{t('camp.gen.title')}</h2>
      <p className="muted">{t('camp.gen.hint')}</p>
      <fieldset className="camp-checks">
        <legend>{t('camp.gen.inspectors')}</legend>
        {inspectors.data?.length === 0 && <p className="muted">{t('camp.gen.noInspectors')}</p>}
        {(inspectors.data ?? []).map((i) => (
          <label key={i.id} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(i.id)}
              onChange={() => setChosen((c) => (c.includes(i.id) ? c.filter((x) => x !== i.id) : [...c, i.id]))}
            />
            {i.displayName} <span className="muted">({i.username})</span>
          </label>
        ))}
      </fieldset>
      <label className="field camp-inline">
        <span>{t('camp.gen.dueOn')}</span>
        <DateInput value={dueOn} min={campaign.startsOn} max={campaign.endsOn} onChange={setDueOn} />
      </label>
      {preview.data && (
        <p data-testid="campaign-generate-count">
          <strong>{t('camp.preview.count', { n: formatCount(preview.data.count, lang) })}</strong> —{' '}
          {t('camp.gen.once')}
        </p>
      )}
      {preview.error ? <ErrorMessage error={preview.error} onRetry={preview.reload} /> : null}
      <div className="camp-row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={action.busy || chosen.length === 0 || !preview.data?.count}
          onClick={() => void generate()}
          data-testid="campaign-generate-run"
        >
          {t('camp.gen.run')}
        </button>
      </div>
      {action.error ? <ErrorMessage error={action.error} /> : null}
    </section>
  )
}

/** The stored selection in the form the preview takes (absent parts left out). */
function selectionOf(c: Campaign): Selection {
  return Object.fromEntries(Object.entries(c.selection).filter(([, v]) => v !== null)) as Selection
}

type Row = Counts & { key: string; label: string }

function Progress({ campaign }: { campaign: Campaign }) {
  const { t, lang } = useI18n()
  const { health, basemap } = useSession()
  const province = health?.province ?? '79'
  const dash = useApi((s) => api.dashboard(campaign.id, s), `campaign-dash:${campaign.id}`)
  const districts = useApi(
    (s) => http.get<AdminUnits>('/api/admin-units', { level: 'district', province }, s),
    `districts:${province}`,
  )
  const bounds = useMemo(() => (districts.data ? boundsOf(districts.data) : null), [districts.data])
  const fit = useMemo(() => (bounds ? { bounds, seq: 0 } : null), [bounds])
  const overlays = useMemo<MapOverlay[]>(() => {
    const byCode = new Map((dash.data?.byDistrict ?? []).map((d) => [d.code, d]))
    const features = (districts.data?.features ?? []).flatMap((f) => {
      const d = byCode.get(f.properties.code)
      if (!d || d.total === 0) return []
      return [{ ...f, properties: { ...f.properties, share: (d.done / d.total) * 100 } }]
    })
    return [
      {
        id: 'campaign-share',
        source: { type: 'geojson', data: { type: 'FeatureCollection', features } },
        layers: [
          {
            id: 'campaign-share-fill',
            type: 'fill',
            source: 'campaign-share',
            paint: { 'fill-color': SHARE_FILL, 'fill-opacity': 0.8 },
          },
        ],
      },
    ]
  }, [dash.data, districts.data])
  if (dash.error) return <ErrorMessage error={dash.error} onRetry={dash.reload} />
  if (!dash.data) return <Loading />
  const d = dash.data
  const columns = (header: string): Column<Row>[] => [
    { key: 'label', header, cell: (r) => r.label },
    ...FIGURES.map(([k, label]) => ({
      key: k,
      header: t(label),
      cell: (r: Row) => formatCount(r[k], lang),
      className: 'num',
    })),
    {
      key: 'share',
      header: t('camp.dash.share'),
      cell: (r: Row) => formatNumber(r.total ? (r.done / r.total) * 100 : 0, lang),
      className: 'num',
    },
  ]
  const districtRows: Row[] = d.byDistrict.map((r) => ({
    ...r,
    key: r.code ?? '',
    label: r.name ?? r.code ?? t('camp.noDistrict'),
  }))
  const inspectorRows: Row[] = d.byInspector.map((r) => ({ ...r, key: String(r.id), label: r.name ?? '—' }))
  return (
    <div className="camp-dash">
      <section className="card camp-card">
        <ProgressBar done={d.totals.done} total={d.totals.total} />
        <ul className="camp-figures" data-testid="campaign-totals">
          {FIGURES.map(([k, label]) => (
            <li key={k} data-figure={k}>
              <strong>{formatCount(d.totals[k], lang)}</strong> <span>{t(label)}</span>
            </li>
          ))}
        </ul>
        <p className="muted">{t('camp.dash.asOf', { date: formatDate(d.asOf, lang) })}</p>
      </section>
      <div className="camp-two-cols">
        <section className="card camp-card">
          <h2 className="card-title">{t('camp.dash.map')}</h2>
          <div className="camp-map">
            <MapView
              basemap={basemap}
              districts={districts.data ?? null}
              visible={VISIBLE}
              selectedDistrictId={null}
              picked={null}
              pin={null}
              fit={fit}
              label={t('camp.dash.map')}
              onClick={ignoreClick}
              overlays={overlays}
            />
          </div>
          <p className="camp-legend">
            {SCALE.map((colour, i) => (
              <span key={colour}>
                <i className="swatch" style={{ background: colour }} />
                {`${i * 20}–${(i + 1) * 20} %`}
              </span>
            ))}
          </p>
        </section>
        <section className="card camp-card camp-scroll">
          <h2 className="card-title">{t('camp.dash.byDistrict')}</h2>
          <Table
            columns={columns(t('camp.district'))}
            rows={districtRows}
            rowKey={(r) => r.key}
            caption={t('camp.dash.byDistrict')}
            empty="—"
            testId="campaign-by-district"
          />
        </section>
      </div>
      <section className="card camp-card">
        <h2 className="card-title">{t('camp.dash.byInspector')}</h2>
        <Table
          columns={columns(t('camp.dash.inspector'))}
          rows={inspectorRows}
          rowKey={(r) => r.key}
          caption={t('camp.dash.byInspector')}
          empty="—"
          testId="campaign-by-inspector"
        />
      </section>
    </div>
  )
}
