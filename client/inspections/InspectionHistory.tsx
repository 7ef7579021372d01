import { ApiError } from '../api/http'
import { useI18n } from '../i18n'
import { formatDate, formatDateTime, formatNumber } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { type AssetKind, type Inspection, inspectionsApi } from './api'
import { violationText } from './labels'
import './inspections.css'

/** A verdict as a coloured tag. */
export function VerdictTag({ verdict }: { verdict: Inspection['verdict'] }) {
  const { t } = useI18n()
  if (!verdict) return null
  return <span className={`in-verdict in-verdict-${verdict}`}>{t(`in.verdict.${verdict}`)}</span>
}

/** One recorded inspection: date, inspector, verdict, the violations in words, follow-up, photos. */
export function InspectionItem({ inspection: i }: { inspection: Inspection }) {
  const { t, lang } = useI18n()
  return (
    <li className="in-item" data-testid="inspection-item" data-verdict={i.verdict ?? ''}>
      <div className="in-item-head">
        <VerdictTag verdict={i.verdict} />
        <span>{t(`in.purpose.${i.purpose}`)}</span>
        <span className="muted">
          {i.recordedAt ? formatDateTime(i.recordedAt, lang) : t(`in.state.${i.state}`)}
          {i.inspectorName ? ` · ${i.inspectorName}` : ''}
        </span>
      </div>
      {i.violations.length > 0 && (
        <ul className="in-violations" data-testid="inspection-violations">
          {i.violations.map((v, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a record's violations are fixed and in order
            <li key={k}>{violationText(t, lang, v)}</li>
          ))}
        </ul>
      )}
      {i.positionOffsetM !== null && i.violations.every((v) => v.rule !== 'position_off') && (
        <p className="hint">{t('in.offset', { m: formatNumber(i.positionOffsetM, lang, 2) })}</p>
      )}
      {i.note && <p className="hint">{t('in.note', { note: i.note })}</p>}
      {i.followUp && (
        <p className={i.followUp.overdue ? 'in-overdue' : 'hint'}>
          {t(`in.fu.${i.followUp.state}`)} · {t('in.fu.due', { date: formatDate(i.followUp.dueOn, lang) })}
          {i.followUp.overdue ? ` · ${t('in.fu.overdue')}` : ''}
        </p>
      )}
      {i.photos.length > 0 && (
        <div className="in-photos">
          {i.photos.map((p, k) => (
            <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
              <img
                src={p.url}
                alt={t('in.photo', { n: k + 1 })}
                title={p.takenAt ? t('in.photoTaken', { at: formatDateTime(p.takenAt, lang) }) : undefined}
                loading="lazy"
              />
            </a>
          ))}
        </div>
      )}
    </li>
  )
}

/** The inspection history of an asset, for its page (station panel, route panel). */
export function InspectionHistory({ kind, id, awaiting }: { kind: AssetKind; id: number; awaiting?: boolean }) {
  const { t } = useI18n()
  const history = useApi((signal) => inspectionsApi.ofAsset(kind, id, signal), `inspections:${kind}:${id}`)
  // a carrier reads the history of the assets it answers for; on a route it only shares there is none to show
  if (history.error instanceof ApiError && history.error.status === 404) return null
  return (
    <section className="in-history" data-testid="inspection-history" aria-label={t('in.history')}>
      <h3 className="panel-subtitle">{t('in.history')}</h3>
      {awaiting && <p className="hint">{t('in.awaits')}</p>}
      {history.error !== null && <ErrorMessage error={history.error} onRetry={history.reload} />}
      {!history.data && history.loading && <Loading />}
      {history.data &&
        (history.data.items.length === 0 ? (
          <p className="muted">{t('in.history.empty')}</p>
        ) : (
          <ul className="in-list">
            {history.data.items.map((i) => (
              <InspectionItem key={i.id} inspection={i} />
            ))}
          </ul>
        ))}
    </section>
  )
}
