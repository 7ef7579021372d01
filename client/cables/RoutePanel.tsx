import { Fragment, useState } from 'react'
import { ApiError } from '../api/http'
import { navigate } from '../app/router'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { formatCount, formatDate, formatDateTime } from '../i18n/format'
import { Icon } from '../ui/icons'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { cablesApi, type CableRouteDetail } from './api'
import { formatLength } from './format'
import { vietnamToday as today } from '../time'
import { KIND_COLOURS, STATUSES, statusMoves, type Status } from './model'
import type { useCableRefs } from './useRefs'
import { InspectionHistory } from '../inspections/InspectionHistory'
import { DateInput } from '../ui/DateInput'

/**
 * A route's panel over the map: stored lengths (total and per district), poles, carriers, dates, workflow and history.
 */
export function RoutePanel(props: {
  id: number
  state: { data: CableRouteDetail | null | undefined; error: unknown; loading: boolean; reload(): void }
  refs: ReturnType<typeof useCableRefs>
  onClose(): void
  onChanged(): void
}) {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const role = user!.role
  const route = props.state.data?.id === props.id ? props.state.data : null
  const [target, setTarget] = useState<Status | ''>('')
  const [date, setDate] = useState(today)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const staffHistory = role === 'admin' || role === 'officer'
  const history = useApi(
    (signal) => (staffHistory ? cablesApi.history(props.id, signal).then((r) => r.items) : Promise.resolve([])),
    `history:${props.id}:${route?.version}`,
  )

  const act = async (run: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      await run()
      setTarget('')
      props.onChanged()
      return true
    } catch (err) {
      // Someone else changed the route since it was read: say so plainly and show the route as it is now.
      if (err instanceof ApiError && err.status === 409) {
        setNotice(t('cb.stale'))
        props.onChanged()
      } else setError(err)
      return false
    } finally {
      setBusy(false)
    }
  }

  if (!route) {
    return (
      <section className="map-panel map-sheet cb-panel" data-testid="route-panel">
        {props.state.error ? <ErrorMessage error={props.state.error} onRetry={props.state.reload} /> : <Loading />}
      </section>
    )
  }
  const steps = statusMoves(route.allowedActions)
  const districtSum = route.districts.reduce((s, d) => s + d.lengthM, 0)
  return (
    <section
      className="map-panel map-sheet cb-panel"
      data-testid="route-panel"
      data-status={route.status}
      aria-labelledby="route-title"
    >
      <button type="button" className="icon-btn panel-close" onClick={props.onClose} aria-label={t('cb.close')}>
        <Icon name="close" size={18} />
      </button>
      <h2 id="route-title" className="cb-panel-title">
        <span className="cb-kind-dot" style={{ background: KIND_COLOURS[route.kind] }} aria-hidden="true" />
        {route.name}
      </h2>
      <p className="cb-panel-sub muted">
        {t(`cb.kind.${route.kind}`)}
        {route.street ? ` · ${route.street}` : ''} · #{route.id}
      </p>
      <ol className="cb-steps" aria-label={t('cb.field.status')}>
        {STATUSES.map((s) => (
          <li
            key={s}
            className={
              s === route.status ? 'on' : STATUSES.indexOf(s) < STATUSES.indexOf(route.status) ? 'done' : undefined
            }
            aria-current={s === route.status ? 'step' : undefined}
          >
            {t(`cb.status.${s}`)}
          </li>
        ))}
      </ol>
      <dl className="cb-facts">
        <dt>{t('cb.field.length')}</dt>
        <dd className="num" data-testid="route-length">
          {formatLength(route.lengthM, lang)}
          <span className="muted cb-hint"> {t('cb.lengthStored')}</span>
        </dd>
        <dt>{t('cb.field.carriers')}</dt>
        <dd>{route.carriers.map(props.refs.carrierName).join(', ') || '—'}</dd>
        {route.invitedCarriers.length > 0 && (
          <>
            <dt>{t('cb.field.invited')}</dt>
            <dd>{route.invitedCarriers.map(props.refs.carrierName).join(', ')}</dd>
          </>
        )}
        <dt>{t('cb.field.poles')}</dt>
        <dd className="num">{formatCount(route.poleCount, lang)}</dd>
        {(['plannedOn', 'startedOn', 'completedOn', 'acceptedOn'] as const).map((k) =>
          route[k] ? (
            <Fragment key={k}>
              <dt>{t(`cb.field.${k}`)}</dt>
              <dd>{formatDate(route[k], lang)}</dd>
            </Fragment>
          ) : null,
        )}
      </dl>
      <h3 className="cb-h3">{t('cb.byDistrict')}</h3>
      <table className="table cb-mini">
        <tbody>
          {route.districts.map((d) => (
            <tr key={d.districtCode ?? '-'}>
              <td>{props.refs.districtName(d.districtCode) ?? t('cb.outside')}</td>
              <td className="num">{formatLength(d.lengthM, lang)}</td>
            </tr>
          ))}
          <tr className="cb-total">
            <td>{t('cb.total')}</td>
            <td className="num">{formatLength(districtSum, lang)}</td>
          </tr>
        </tbody>
      </table>
      {notice && (
        <p className="status status-warn" role="alert" data-testid="route-stale">
          {notice}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {steps.length > 0 && (
        <form
          className="cb-status-form"
          data-testid="status-form"
          onSubmit={(e) => {
            e.preventDefault()
            const to = target || steps[0]!
            void act(() => cablesApi.setStatus(route.id, route.version, to, date))
          }}
        >
          <label className="field">
            <span>{t('cb.moveTo')}</span>
            <select name="status" value={target || steps[0]} onChange={(e) => setTarget(e.target.value as Status)}>
              {steps.map((s) => (
                <option key={s} value={s}>
                  {t(`cb.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('cb.date')}</span>
            <DateInput name="date" value={date} max={today()} onChange={setDate} required />
          </label>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('cb.apply')}
          </button>
        </form>
      )}
      <div className="cb-panel-actions">
        {route.allowedActions.includes('edit') && (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => navigate(`/cables/${route.id}/edit`)}
            data-testid="route-edit"
          >
            {t('cb.edit')}
          </button>
        )}
        {route.allowedActions.includes('delete') && (
          <button
            type="button"
            className="btn btn-ghost cb-danger"
            disabled={busy}
            onClick={() => {
              if (window.confirm(t('cb.deleteConfirm', { name: route.name })))
                void act(() => cablesApi.remove(route.id, route.version)).then((ok) => ok && navigate('/cables'))
            }}
          >
            {t('cb.delete')}
          </button>
        )}
        {route.allowedActions.includes('leave') && (
          <button
            type="button"
            className="btn btn-ghost"
            disabled={busy}
            onClick={() => {
              if (!window.confirm(t('cb.leaveConfirm', { name: route.name }))) return
              void act(() => cablesApi.answer(route.id, 'leave')).then((ok) => ok && navigate('/cables'))
            }}
          >
            {t('cb.leave')}
          </button>
        )}
      </div>
      {staffHistory && (
        <>
          <h3 className="cb-h3">{t('cb.history')}</h3>
          <ul className="cb-history" data-testid="route-history">
            {(history.data ?? []).map((h) => (
              <li key={h.id}>
                <span>{actionLabel(t, h.action)}</span>
                <span className="muted">
                  {h.actorName} · {formatDateTime(h.at, lang)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {route && <InspectionHistory key={`${route.id}:${route.version}`} kind="cable_route" id={route.id} />}
    </section>
  )
}

const ACTIONS = ['create', 'update', 'import', 'ducts', ...STATUSES] as const

/** "cable_route.completed" → its name in the user's language. */
function actionLabel(t: ReturnType<typeof useI18n>['t'], action: string): string {
  const step = action.replace(/^cable_route\./, '')
  return (ACTIONS as readonly string[]).includes(step) ? t(`cb.action.${step as (typeof ACTIONS)[number]}`) : action
}
