import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { plansApi, type Plan, type PlanVersion } from './api'
import { DiffTable } from './DiffTable'
import { UploadPanel } from './UploadPanel'
import { VersionView } from './VersionView'
import './plans.css'

function NewPlan({ onCreated }: { onCreated(plan: Plan): void }) {
  const { t } = useI18n()
  const [title, setTitle] = useState('')
  const [from, setFrom] = useState(2026)
  const [to, setTo] = useState(2030)
  const [error, setError] = useState<unknown>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      onCreated(await plansApi.create({ title, periodFrom: from, periodTo: to }))
      setTitle('')
    } catch (err) {
      setError(err)
    }
  }
  return (
    <form className="form-row" onSubmit={submit} data-testid="plan-new">
      <label className="field">
        <span>{t('pl.name')}</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
      </label>
      <label className="field">
        <span>{t('pl.from')}</span>
        <input type="number" value={from} onChange={(e) => setFrom(Number(e.target.value))} />
      </label>
      <label className="field">
        <span>{t('pl.to')}</span>
        <input type="number" value={to} onChange={(e) => setTo(Number(e.target.value))} />
      </label>
      <button type="submit" className="btn btn-primary">
        {t('pl.create')}
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  )
}

function Versions({
  plan,
  versions,
  shown,
  onShow,
}: {
  plan: Plan
  versions: PlanVersion[]
  shown: number | null
  onShow(n: number): void
}) {
  const { t, lang } = useI18n()
  if (versions.length === 0) return <p className="muted">{t('pl.noVersions')}</p>
  return (
    <ul className="plain-list" data-testid="plan-versions">
      {versions.map((v) => (
        <li key={v.number} data-number={v.number} data-state={v.state}>
          <button
            type="button"
            className="btn btn-link"
            aria-current={shown === v.number ? 'true' : undefined}
            onClick={() => onShow(v.number)}
          >
            {t('pl.version', { n: v.number })}
          </button>{' '}
          · {t(`pl.state.${v.state}`)} · {v.sourceName} ·{' '}
          {t('pl.counts', {
            sites: formatCount(v.siteCount, lang),
            routes: formatCount(v.routeCount, lang),
            areas: formatCount(v.areaCount, lang),
          })}{' '}
          <a href={`/api/plans/${plan.id}/versions/${v.number}/report.csv`}>{t('pl.report')}</a>
        </li>
      ))}
    </ul>
  )
}

/** Carriers' plans: a carrier files plans and uploads versions; everyone allowed compares versions. */
export default function PlansPage() {
  const { t } = useI18n()
  const { user } = useSession()
  const [plans, setPlans] = useState<Plan[] | null>(null)
  const [selected, setSelected] = useState<Plan | null>(null)
  const [versions, setVersions] = useState<PlanVersion[]>([])
  const [shown, setShown] = useState<number | null>(null)
  const [error, setError] = useState<unknown>(null)
  const load = useCallback(() => plansApi.list().then(setPlans, setError), [])
  const loadVersions = useCallback(
    (p: Plan) =>
      plansApi.versions(p.id).then((list) => {
        setVersions(list)
        setShown(list[0]?.number ?? null)
      }, setError),
    [],
  )
  useEffect(() => void load(), [load])
  useEffect(() => void (selected && loadVersions(selected)), [selected, loadVersions])
  const isCarrier = user?.role === 'carrier'

  return (
    <div className="page" data-testid="plans-page">
      <h1>{t('pl.title')}</h1>
      {error !== null && <ErrorMessage error={error} />}
      {isCarrier && <NewPlan onCreated={(p) => void load().then(() => setSelected(p))} />}
      {plans === null ? (
        <Loading />
      ) : plans.length === 0 ? (
        <p className="muted">{t('pl.empty')}</p>
      ) : (
        <ul className="plain-list" data-testid="plan-list">
          {plans.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="btn btn-link"
                onClick={() => {
                  setShown(null)
                  setSelected(p)
                }}
                data-plan={p.title}
              >
                {p.title}
              </button>{' '}
              · {p.carrierName} · {t('pl.period', { from: p.periodFrom, to: p.periodTo })}
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <section className="page-section">
          <h2>{selected.title}</h2>
          <h3>{t('pl.versions')}</h3>
          <Versions plan={selected} versions={versions} shown={shown} onShow={setShown} />
          {isCarrier && selected.carrierId === user?.carrierId && (
            <UploadPanel planId={selected.id} onUploaded={() => void loadVersions(selected)} />
          )}
          <DiffTable key={versions.length} planId={selected.id} versions={versions} />
          {shown !== null && (
            <VersionView
              key={`${selected.id}:${shown}`}
              plan={selected}
              number={shown}
              onChanged={() => void loadVersions(selected)}
            />
          )}
        </section>
      )}
    </div>
  )
}
