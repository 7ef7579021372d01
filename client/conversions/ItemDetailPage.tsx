import { useState } from 'react'
import { useI18n, type MessageKey } from '../i18n'
import { formatDate, formatDateTime, formatNumber } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { api, type ItemDetail } from './api'
import { ItemActions } from './ItemActions'
import { StatusChip } from './links'
import { useChangeText } from './OverdueTable'

/** One item: what it changes, what was measured, its photos, the steps open to the user and its history. */
export function ItemDetailPage({ id }: { id: number }) {
  const { t, lang } = useI18n()
  const item = useApi((s) => api.item(id, s), `item:${id}`)
  const [seq, setSeq] = useState(0)
  const change = useChangeText()
  if (item.error) return <ErrorMessage error={item.error} onRetry={item.reload} />
  if (!item.data) return <Loading />
  const i: ItemDetail = item.data
  const m = (v: number | null) => (v === null ? '—' : `${formatNumber(v, lang, 2)} m`)
  return (
    <div className="conv-detail" data-testid="item-detail" key={seq}>
      <header className="conv-detail-head">
        <h2>
          {i.station.siteCode} <span className="muted">· {i.carrier.name}</span>
        </h2>
        <StatusChip status={i.status} />
      </header>
      <div className="conv-two">
        <section className="card conv-card">
          <dl className="facts">
            <dt>{t('conv.col.change')}</dt>
            <dd>
              {t(`conv.kind.${i.kind}` as MessageKey)}: {change(i)}
            </dd>
            <dt>{t('conv.detail.now')}</dt>
            <dd>
              {i.station.mastClass} · {m(i.station.mastHeightM)}
            </dd>
            <dt>{t('conv.filter.phase')}</dt>
            <dd>{i.phase.name}</dd>
            <dt>{t('conv.filter.district')}</dt>
            <dd>{i.station.districtName ?? '—'}</dd>
            <dt>{t('conv.col.due')}</dt>
            <dd className={i.overdue ? 'conv-overdue' : undefined}>
              {formatDate(i.dueDate, lang)}
              {i.overdue ? ` · ${t('conv.overdue.short')}` : ''}
            </dd>
            <dt>{t('conv.col.measured')}</dt>
            <dd data-testid="measured">
              {m(i.measuredHeightM)}
              {i.completedOn ? ` · ${formatDate(i.completedOn, lang)}` : ''}
            </dd>
            <dt>{t('conv.detail.inspected')}</dt>
            <dd>{m(i.inspectedHeightM)}</dd>
            <dt>{t('conv.detail.tolerance')}</dt>
            <dd>{t('conv.detail.toleranceText', { target: m(i.toHeightM), tol: m(i.heightToleranceM) })}</dd>
            {i.reportNote && (
              <>
                <dt>{t('conv.detail.note')}</dt>
                <dd>{i.reportNote}</dd>
              </>
            )}
          </dl>
          {i.returnReasons.length > 0 && (
            <div className="status status-error conv-reasons" role="note">
              <p>{t('conv.detail.returned')}</p>
              <ul>
                {i.returnReasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          )}
        </section>
        <section className="card conv-card">
          <h3 className="card-title">{t('conv.photos.title', { n: i.photos.length })}</h3>
          {i.photos.length === 0 ? (
            <p className="muted">{t('conv.photos.none')}</p>
          ) : (
            <div className="conv-photos">
              {i.photos.map((p) => (
                <a key={p.id} href={`/api/conversions/photos/${p.id}`} target="_blank" rel="noreferrer">
                  <img
                    src={`/api/conversions/photos/${p.id}`}
                    alt={t('conv.photos.alt', { site: i.station.siteCode, by: p.uploadedBy })}
                    loading="lazy"
                  />
                </a>
              ))}
            </div>
          )}
          <ItemActions
            item={i}
            onChanged={() => {
              item.reload()
              setSeq((n) => n + 1)
            }}
          />
        </section>
      </div>
      <section className="card conv-card">
        <h3 className="card-title">{t('conv.detail.history')}</h3>
        <ol className="conv-history">
          {i.history.map((h) => (
            <li key={`${h.at}:${h.action}`}>
              <span className="muted nowrap">{formatDateTime(h.at, lang)}</span> · <strong>{h.actorName}</strong> ·{' '}
              <code>{h.action}</code>
              {h.status && (
                <>
                  {' '}
                  → <StatusChip status={h.status} />
                </>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}
