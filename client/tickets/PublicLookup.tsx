import { useEffect, useState, type FormEvent } from 'react'
import { useI18n, type MessageKey } from '../i18n'
import { formatDateTime } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { lookupHref, ticketsApi, type PublicTicket } from './api'
import './tickets.css'

/** "Tra cứu phản ánh": the reporter's view of a ticket by number and check code (both kept in the URL). */
export default function PublicLookup() {
  const { t, lang } = useI18n()
  const [asked] = useState(() => new URLSearchParams(location.search))
  const [number, setNumber] = useState(asked.get('number') ?? '')
  const [code, setCode] = useState(asked.get('code') ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [ticket, setTicket] = useState<PublicTicket | null>(null)

  async function look(n: string, c: string) {
    setBusy(true)
    setError(null)
    history.replaceState(null, '', lookupHref(n, c))
    try {
      setTicket(await ticketsApi.lookup(n, c))
    } catch (err) {
      setTicket(null)
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: a link's lookup is made once, when the page opens
  useEffect(() => {
    if (number && code) void look(number.trim(), code.trim())
  }, [])

  function submit(e: FormEvent) {
    e.preventDefault()
    if (number.trim() && code.trim()) void look(number.trim(), code.trim())
  }

  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang) : '—')
  return (
    <div className="page tk-lookup">
      <h1>{t('tk.lookup.title')}</h1>
      <p className="hint">{t('tk.lookup.lead')}</p>
      <form className="tk-lookup-form" onSubmit={submit} data-testid="lookup-form">
        <label className="field">
          <span>{t('tk.lookup.number')}</span>
          <input
            name="number"
            value={number}
            placeholder="1022-2026-000123"
            autoComplete="off"
            onChange={(e) => setNumber(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('tk.lookup.code')}</span>
          <input
            name="code"
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={8}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('tk.lookup.submit')}
        </button>
      </form>
      {busy && <Loading />}
      {error !== null && <ErrorMessage error={error} />}
      {ticket && (
        <section className="tk-status" aria-live="polite" data-testid="lookup-answer" data-status={ticket.status}>
          <p className={`tk-badge tk-badge-${ticket.status}`} data-testid="lookup-status">
            {t(`tk.status.${ticket.status}` as MessageKey)}
            {ticket.overdue && <span className="tk-overdue"> · {t('tk.overdue')}</span>}
          </p>
          <dl className="tk-facts">
            <dt>{t('tk.number')}</dt>
            <dd>{ticket.number}</dd>
            <dt>{t('tk.category')}</dt>
            <dd>{t(`tk.category.${ticket.category}` as MessageKey)}</dd>
            <dt>{t('tk.district')}</dt>
            <dd>{ticket.districtName ?? '—'}</dd>
            <dt>{t('tk.received')}</dt>
            <dd>{when(ticket.createdAt)}</dd>
            <dt>{t('tk.assignedAt')}</dt>
            <dd>{when(ticket.assignedAt)}</dd>
            <dt>{t('tk.due')}</dt>
            <dd>{when(ticket.dueAt)}</dd>
            <dt>{t('tk.resolvedAt')}</dt>
            <dd>{when(ticket.resolvedAt)}</dd>
          </dl>
          {ticket.resolutionNote && (
            <>
              <h2 className="panel-subtitle">{t('tk.resolution')}</h2>
              <p data-testid="lookup-note">{ticket.resolutionNote}</p>
            </>
          )}
          <h2 className="panel-subtitle">{t('tk.lookup.history')}</h2>
          <ol className="tk-events">
            {ticket.events.map((e) => (
              <li key={`${e.at}-${e.status}-${e.note ?? ''}`}>
                <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> — {t(`tk.status.${e.status}` as MessageKey)}
                {e.note ? `: ${e.note}` : ''}
              </li>
            ))}
          </ol>
          {ticket.photos.length > 0 && (
            <>
              <h2 className="panel-subtitle">{t('tk.lookup.photos')}</h2>
              <div className="tk-photos">
                {ticket.photos.map((p, i) => (
                  <figure key={p.id}>
                    <img src={p.url} alt={t('tk.lookup.photoAlt', { n: i + 1 })} loading="lazy" />
                    <figcaption>{t(p.purpose === 'report' ? 'tk.photo.report' : 'tk.photo.resolution')}</figcaption>
                  </figure>
                ))}
              </div>
            </>
          )}
        </section>
      )}
    </div>
  )
}
