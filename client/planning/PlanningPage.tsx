import { useState, type ChangeEvent, type FormEvent } from 'react'
import { useSession } from '../auth/session'
import { navigate } from '../app/router'
import { useI18n } from '../i18n'
import { formatDate, formatNumber, parseNumber } from '../i18n/format'
import { ErrorMessage, Loaded } from '../ui/status'
import { Table, type Column } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { type Overdue, planningApi, type RuleValues } from './api'
import { ZonesSection } from './ZonesSection'
import './planning.css'
import { ExportMenu } from '../ui/ExportMenu'

const VALUE_FIELDS = [
  'a1MaxHeightM',
  'a1MaxReachM',
  'shareDistanceUrbanM',
  'shareDistanceRuralM',
  'duplicateDistanceM',
  'planMatchM',
  'trenchDistanceM',
  'trenchMinLengthM',
] as const

/** Planning rules as data: the rule values, the planning zones and the temporary stations overdue for removal. */
export default function PlanningPage() {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const canEdit = user?.role === 'officer' || user?.role === 'admin'
  const overdue = useApi((signal) => planningApi.overdue(signal), 'overdue')
  const zones = useApi((signal) => planningApi.zones(signal), 'zones')
  const rules = useApi((signal) => planningApi.rules(signal), 'rules')

  const overdueColumns: Column<Overdue>[] = [
    {
      key: 'code',
      header: t('st.siteCode'),
      cell: (s) => (
        <a
          href={`/stations/${s.id}`}
          onClick={(e) => {
            e.preventDefault()
            navigate(`/stations/${s.id}`)
          }}
        >
          <code>{s.siteCode}</code>
        </a>
      ),
    },
    { key: 'op', header: t('st.operator'), cell: (s) => s.operator.name },
    { key: 'event', header: t('plan.event'), cell: (s) => s.eventName ?? '—' },
    { key: 'to', header: t('plan.validTo'), cell: (s) => formatDate(s.validTo, lang) },
    { key: 'days', header: t('plan.daysOverdue'), cell: (s) => formatNumber(s.daysOverdue, lang, 0), className: 'num' },
  ]
  return (
    <div className="page" data-testid="planning-page">
      <header className="page-head">
        <h1>{t('plan.title')}</h1>
      </header>
      <section className="card">
        <h2>{t('plan.overdueTitle')}</h2>
        <Loaded state={overdue}>
          {(d) => (
            <Table
              columns={overdueColumns}
              rows={d}
              rowKey={(s) => s.id}
              caption={t('plan.overdueTitle')}
              empty={t('plan.overdueEmpty')}
            />
          )}
        </Loaded>
      </section>
      <section className="card">
        <h2>{t('plan.zonesTitle')}</h2>
        <ExportMenu layer="zones" file="zones" />
        <Loaded state={zones}>{(d) => <ZonesSection zones={d} canEdit={canEdit} onSaved={zones.reload} />}</Loaded>
        {canEdit && <ZoneImport onDone={zones.reload} />}
      </section>
      <section className="card">
        <h2>{t('plan.rulesTitle')}</h2>
        <Loaded state={rules}>{(d) => <RulesForm values={d} canEdit={canEdit} onSaved={rules.reload} />}</Loaded>
      </section>
    </div>
  )
}

/** Replaces or adds zones from a GeoJSON file, all or nothing; the server names each bad feature. */
function ZoneImport({ onDone }: { onDone(): void }) {
  const { t } = useI18n()
  const [replace, setReplace] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState<number | null>(null)
  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (!file) return
    setError(null)
    setDone(null)
    try {
      const featureCollection = JSON.parse(await file.text()) as { features?: unknown[] }
      await planningApi.importZones({ replace, featureCollection })
      setDone(featureCollection.features?.length ?? 0)
      onDone()
    } catch (err) {
      setError(err instanceof SyntaxError ? new Error(t('plan.notJson')) : err)
    }
  }
  return (
    <div className="plan-import">
      <label className="check">
        <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />{' '}
        {t('plan.replaceZones')}
      </label>
      <label className="btn btn-secondary">
        {t('plan.importZones')}
        <input
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          hidden
          onChange={(e) => void onFile(e)}
          data-testid="zones-file"
        />
      </label>
      {done !== null && <p className="hint">{t('plan.imported', { n: done })}</p>}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  )
}

/** The rule values as the province sets them; an officer changes them and the server checks every value. */
function RulesForm({ values, canEdit, onSaved }: { values: RuleValues; canEdit: boolean; onSaved(): void }) {
  const { t, lang } = useI18n()
  const [draft, setDraft] = useState<Record<string, string>>(() => ({
    a1MaxPercent: formatNumber(values.a1MaxRatio * 100, lang, 0),
    // To the millimetre, so that a limit such as 0,25 m is shown and saved back as set, not rounded.
    ...Object.fromEntries(VALUE_FIELDS.map((k) => [k, formatNumber(values[k], lang, 3)])),
    ...Object.fromEntries(values.spacing.map((s, i) => [`spacing.${i}`, formatNumber(s.minDistanceM, lang, 0)])),
  }))
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  const field = (name: string) => ({
    name,
    value: draft[name] ?? '',
    disabled: !canEdit,
    inputMode: 'decimal' as const,
    onChange: (e: ChangeEvent<HTMLInputElement>) => setDraft((d) => ({ ...d, [name]: e.target.value })),
  })
  const num = (name: string) => parseNumber(draft[name] ?? '') ?? NaN
  async function save(e: FormEvent) {
    e.preventDefault()
    setError(null)
    setSaved(false)
    try {
      await planningApi.saveRules({
        ...values,
        a1MaxRatio: num('a1MaxPercent') / 100,
        ...Object.fromEntries(VALUE_FIELDS.map((k) => [k, num(k)])),
        spacing: values.spacing.map((s, i) => ({ ...s, minDistanceM: num(`spacing.${i}`) })),
      })
      setSaved(true)
      onSaved()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <form onSubmit={(e) => void save(e)} noValidate className="plan-rules" data-testid="rules-form">
      <div className="plan-grid">
        <label>
          {t('plan.a1MaxPercent')}
          <input {...field('a1MaxPercent')} />
        </label>
        {VALUE_FIELDS.map((k) => (
          <label key={k}>
            {t(`plan.${k}`)}
            <input {...field(k)} />
          </label>
        ))}
      </div>
      <h3>{t('plan.spacingTitle')}</h3>
      <table className="table">
        <thead>
          <tr>
            <th>{t('plan.mastClass')}</th>
            <th>{t('plan.area')}</th>
            <th>{t('plan.heightBand')}</th>
            <th>{t('plan.minDistance')}</th>
          </tr>
        </thead>
        <tbody>
          {values.spacing.map((s, i) => (
            <tr key={`${s.mastClass}:${s.areaKind}:${s.minHeightM}`}>
              <td>{s.mastClass}</td>
              <td>{t(`plan.area.${s.areaKind}`)}</td>
              <td>
                {s.maxHeightM === null
                  ? `> ${formatNumber(s.minHeightM, lang, 0)} m`
                  : `${formatNumber(s.minHeightM, lang, 0)}–${formatNumber(s.maxHeightM, lang, 0)} m`}
              </td>
              <td>
                <input
                  {...field(`spacing.${i}`)}
                  aria-label={`${t('plan.minDistance')} ${s.mastClass} ${s.areaKind}`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error !== null && <ErrorMessage error={error} />}
      {saved && <p className="hint">{t('plan.saved')}</p>}
      {canEdit && (
        <button type="submit" className="btn btn-primary">
          {t('plan.save')}
        </button>
      )}
    </form>
  )
}
