import { useState } from 'react'
import { http } from '../api/http'
import type { Carrier } from '../api/types'
import { useSession } from '../auth/session'
import { AppLink } from '../conversions/links'
import { useI18n, type MessageKey } from '../i18n'
import { formatCoordinate, formatDateTime, formatNumber } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { useAction } from '../ui/useAction'
import { ticketsApi, type Action, type TicketDetail } from './api'

/** One ticket: what was reported, where, what it is linked to, its photos and history, and the steps open. */
export function TicketDetailPage({ id }: { id: number }) {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const [tick, setTick] = useState(0)
  const ticket = useApi((s) => ticketsApi.detail(id, s), `ticket:${id}:${tick}`)
  if (ticket.error)
    return (
      <div className="page">
        <ErrorMessage error={ticket.error} onRetry={ticket.reload} />
      </div>
    )
  if (!ticket.data)
    return (
      <div className="page">
        <Loading />
      </div>
    )
  const tk = ticket.data
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang) : '—')
  return (
    <div className="page" data-testid="ticket-detail" data-status={tk.status}>
      <AppLink href="/tickets">{t('tk.back')}</AppLink>
      <header className="page-head tk-page-head">
        <h1>{tk.number}</h1>
        <span className={`tk-badge tk-badge-${tk.status}`} data-testid="ticket-status">
          {t(`tk.status.${tk.status}` as MessageKey)}
          {tk.overdue ? ` · ${t('tk.overdue')}` : ''}
        </span>
      </header>
      <div className="tk-detail">
        <section className="tk-card">
          <dl className="tk-facts">
            <dt>{t('tk.category')}</dt>
            <dd>{t(`tk.category.${tk.category}` as MessageKey)}</dd>
            <dt>{t('tk.channel')}</dt>
            <dd>{t(`tk.channel.${tk.channel}` as MessageKey)}</dd>
            <dt>{t('tk.description')}</dt>
            <dd>{tk.description}</dd>
            {tk.placeNote && (
              <>
                <dt>{t('tk.placeNote')}</dt>
                <dd>{tk.placeNote}</dd>
              </>
            )}
            <dt>{t('tk.district')}</dt>
            <dd>{tk.districtName ?? '—'}</dd>
            <dt>{t('tk.position')}</dt>
            <dd>
              {formatCoordinate(tk.lat, lang, 6)}, {formatCoordinate(tk.lon, lang, 6)}
            </dd>
            {'reporterName' in tk && (
              <>
                <dt>{t('tk.reporter')}</dt>
                <dd data-testid="ticket-reporter">
                  {[tk.reporterName, tk.reporterPhone].filter(Boolean).join(' · ') || t('tk.reporterNone')}
                </dd>
                <dt>{t('tk.checkCode')}</dt>
                <dd>{tk.checkCode}</dd>
              </>
            )}
            <dt>{t('tk.received')}</dt>
            <dd>{when(tk.createdAt)}</dd>
            <dt>{t('tk.due')}</dt>
            <dd className={tk.overdue ? 'tk-overdue' : undefined}>
              {when(tk.dueAt)} ({t('tk.slaHours', { hours: formatNumber(tk.slaHours, lang) })})
            </dd>
            <dt>{t('tk.carrier')}</dt>
            <dd>{tk.carrierName ?? '—'}</dd>
            <dt>{t('tk.inspector')}</dt>
            <dd>{tk.inspectorName ?? '—'}</dd>
            {tk.inspectionId !== null && tk.inspectionState && (
              <>
                <dt>{t('tk.inspection')}</dt>
                <dd data-testid="ticket-inspection">
                  <AppLink href={user?.role === 'inspector' ? '/field' : '/inspections'}>
                    {t('tk.inspectionNo', { id: tk.inspectionId })}
                  </AppLink>
                  {' — '}
                  {tk.inspectionVerdict
                    ? `${t(`in.verdict.${tk.inspectionVerdict}`)}${
                        tk.inspectionRecordedAt ? ` (${when(tk.inspectionRecordedAt)})` : ''
                      }`
                    : t(`in.state.${tk.inspectionState}`)}
                </dd>
              </>
            )}
            {tk.carrierResponse && (
              <>
                <dt>{t('tk.carrierResponse')}</dt>
                <dd>{tk.carrierResponse}</dd>
              </>
            )}
            {tk.resolutionNote && (
              <>
                <dt>{t('tk.resolution')}</dt>
                <dd>{tk.resolutionNote}</dd>
              </>
            )}
          </dl>
          <h2 className="panel-subtitle">{t('tk.assets')}</h2>
          {tk.assets.length === 0 ? (
            <p className="hint">{t('tk.noAsset')}</p>
          ) : (
            <ol data-testid="ticket-assets">
              {tk.assets.map((a) => (
                <li key={a.rank}>
                  {t(`tk.asset.${a.assetKind}` as MessageKey)} {a.label} —{' '}
                  {t('tk.distance', { m: formatNumber(a.distanceM, lang) })}
                  {a.carrierName ? ` · ${a.carrierName}` : ''}
                  {a.assetKind === tk.assetKind && a.assetId === tk.assetId ? ' ✓' : ''}
                </li>
              ))}
            </ol>
          )}
          <h2 className="panel-subtitle">{t('tk.photos')}</h2>
          <div className="tk-photos">
            {tk.photos.map((p) => (
              <figure key={p.id}>
                <a href={p.url} target="_blank" rel="noreferrer">
                  <img src={p.url} alt={t(p.purpose === 'report' ? 'tk.photo.report' : 'tk.photo.resolution')} />
                </a>
                <figcaption>
                  {t(p.purpose === 'report' ? 'tk.photo.report' : 'tk.photo.resolution')}
                  {p.takenAt ? ` · ${t('tk.photo.taken', { at: formatDateTime(p.takenAt, lang) })}` : ''}
                </figcaption>
              </figure>
            ))}
          </div>
          <h2 className="panel-subtitle">{t('tk.history')}</h2>
          <ol className="tk-events">
            {tk.events.map((e) => (
              <li key={e.id}>
                <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> — {t(`tk.action.${e.action}` as MessageKey)}
                {e.actorName ? ` (${e.actorName})` : ''}: {t(`tk.status.${e.toStatus}` as MessageKey)}
                {e.note ? ` — ${e.note}` : ''}
              </li>
            ))}
          </ol>
        </section>
        <Steps ticket={tk} onDone={() => setTick((n) => n + 1)} />
      </div>
    </div>
  )
}

/** The steps open to the user, each with what it needs. */
function Steps({ ticket, onDone }: { ticket: TicketDetail; onDone(): void }) {
  const { t } = useI18n()
  const { user } = useSession()
  const office = user?.role === 'officer' || user?.role === 'admin'
  const action = useAction()
  const [text, setText] = useState<Record<string, string>>({})
  const [photo, setPhoto] = useState<File | null>(null)
  const carriers = useApi(
    (s) =>
      office ? http.get<{ items: Carrier[] }>('/api/carriers', undefined, s).then((r) => r.items) : Promise.resolve([]),
    'ticket-carriers',
  )
  const inspectors = useApi(
    (s) =>
      office
        ? http
            .get<{ items: { id: number; displayName: string }[] }>('/api/tickets/inspectors', undefined, s)
            .then((r) => r.items)
        : Promise.resolve([]),
    'ticket-inspectors',
  )
  const suggested = ticket.assets.find((a) => a.assetKind === ticket.assetKind && a.assetId === ticket.assetId)
  const [carrierId, setCarrierId] = useState<string>(String(ticket.carrierId ?? suggested?.carrierId ?? ''))
  const [inspectorId, setInspectorId] = useState<string>(String(ticket.inspectorId ?? ''))
  const step = (a: Action, body: Record<string, unknown>) =>
    action.run(async () => {
      await ticketsApi.transition(ticket.id, { action: a, version: ticket.version, ...body } as never)
      setText({})
      onDone()
    })
  const field = (key: string, label: MessageKey) => (
    <label className="field">
      <span>{t(label)}</span>
      <textarea rows={3} value={text[key] ?? ''} onChange={(e) => setText({ ...text, [key]: e.target.value })} />
    </label>
  )
  const allowed = ticket.allowedActions
  const resolutionPhotos = ticket.photos.filter((p) => p.purpose === 'resolution').length
  if (allowed.length === 0) return null
  return (
    <section className="tk-card" data-testid="ticket-steps">
      {allowed.includes('assign') && (
        <form
          className="tk-step"
          onSubmit={(e) => {
            e.preventDefault()
            void step('assign', {
              carrierId: carrierId ? Number(carrierId) : null,
              inspectorId: inspectorId ? Number(inspectorId) : null,
              note: text.assign || undefined,
            })
          }}
        >
          <label className="field">
            <span>{t('tk.assign.carrier')}</span>
            <select value={carrierId} onChange={(e) => setCarrierId(e.target.value)} data-testid="assign-carrier">
              <option value="">{t('tk.assign.noCarrier')}</option>
              {(carriers.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} {c.id === suggested?.carrierId ? t('tk.assign.suggested') : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('tk.assign.inspector')}</span>
            <select value={inspectorId} onChange={(e) => setInspectorId(e.target.value)}>
              <option value="">{t('tk.assign.noInspector')}</option>
              {(inspectors.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          </label>
          {field('assign', 'tk.assign.note')}
          <button type="submit" className="btn btn-primary" disabled={action.busy} data-testid="step-assign">
            {t('tk.action.assign')}
          </button>
        </form>
      )}
      {allowed.includes('respond') && (
        <form
          className="tk-step"
          onSubmit={(e) => {
            e.preventDefault()
            void step('respond', { response: text.respond ?? '' })
          }}
        >
          {field('respond', 'tk.respond.text')}
          <button type="submit" className="btn btn-secondary" disabled={action.busy} data-testid="step-respond">
            {t('tk.action.respond')}
          </button>
        </form>
      )}
      {allowed.includes('resolve') && (
        <form
          className="tk-step"
          onSubmit={(e) => {
            e.preventDefault()
            void action.run(async () => {
              if (photo) await ticketsApi.photo(ticket.id, 'resolution', photo)
              await ticketsApi.transition(ticket.id, {
                action: 'resolve',
                version: ticket.version,
                note: text.resolve ?? '',
              })
              setPhoto(null)
              setText({})
              onDone()
            })
          }}
        >
          <label className="field">
            <span>{t('tk.resolve.photo')}</span>
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
              data-testid="resolve-photo"
            />
            {resolutionPhotos === 0 && !photo && <span className="hint">{t('tk.resolve.photoNeeded')}</span>}
          </label>
          {field('resolve', 'tk.resolve.note')}
          <button type="submit" className="btn btn-primary" disabled={action.busy} data-testid="step-resolve">
            {t('tk.action.resolve')}
          </button>
        </form>
      )}
      {allowed.includes('reject') && (
        <form
          className="tk-step"
          onSubmit={(e) => {
            e.preventDefault()
            void step('reject', { note: text.reject ?? '' })
          }}
        >
          {field('reject', 'tk.reject.note')}
          <button type="submit" className="btn btn-secondary" disabled={action.busy}>
            {t('tk.action.reject')}
          </button>
        </form>
      )}
      {allowed.includes('reopen') && (
        <form
          className="tk-step"
          onSubmit={(e) => {
            e.preventDefault()
            void step('reopen', { note: text.reopen || undefined })
          }}
        >
          {field('reopen', 'tk.reopen.note')}
          <button type="submit" className="btn btn-secondary" disabled={action.busy}>
            {t('tk.action.reopen')}
          </button>
        </form>
      )}
      {office && ['received', 'assigned', 'in_progress'].includes(ticket.status) && (
        <label className="field tk-step">
          <span>{t('tk.addReportPhoto')}</span>
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            onChange={(e) => {
              const file = e.target.files?.[0]
              if (file)
                void action.run(async () => {
                  await ticketsApi.photo(ticket.id, 'report', file)
                  onDone()
                })
            }}
          />
        </label>
      )}
      {action.error !== null && <ErrorMessage error={action.error} />}
    </section>
  )
}
