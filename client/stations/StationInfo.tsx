import { useI18n } from '../i18n'
import { formatCoordinate, formatDate, formatDateTime, formatNumber } from '../i18n/format'
import { actionLabel, operatorLabel } from './labels'
import type { FieldCheck, HistoryEntry, Station } from './types'

/** A station's state as a coloured tag. */
export function StateTag({ state }: { state: Station['state'] }) {
  const { t } = useI18n()
  return (
    <span className={`tag st-state st-state-${state}`} data-state={state}>
      {t(`st.state.${state}`)}
    </span>
  )
}

/** The attributes of a station as a definition list. */
export function StationFacts({ station: s }: { station: Station }) {
  const { t, lang } = useI18n()
  const [lon, lat] = s.position.coordinates as [number, number]
  const metres = (n: number) => `${formatNumber(n, lang, 1)} m`
  return (
    <dl className="facts st-facts">
      <dt>{t('st.operator')}</dt>
      <dd>
        {operatorLabel(t, s.operator.shortName)}
        {s.sharedOperators.length > 0 && (
          <span className="muted"> + {s.sharedOperators.map((o) => operatorLabel(t, o)).join(', ')}</span>
        )}
      </dd>
      {s.name && (
        <>
          <dt>{t('st.name')}</dt>
          <dd>{s.name}</dd>
        </>
      )}
      <dt>{t('st.address')}</dt>
      <dd>{s.address || '—'}</dd>
      <dt>{t('st.district')}</dt>
      <dd>{s.districtName ?? '—'}</dd>
      <dt>{t('st.position')}</dt>
      <dd className="num">
        {formatCoordinate(lat, lang, 6)}°, {formatCoordinate(lon, lang, 6)}°
      </dd>
      <dt>{t('st.mastClass')}</dt>
      <dd>
        {t(`st.class.${s.mastClass}`)}
        {s.camouflageKind && ` — ${t(`st.camo.${s.camouflageKind}`)}`}
      </dd>
      <dt>{t('st.mastHeight')}</dt>
      <dd className="num">{metres(s.mastHeightM)}</dd>
      {s.buildingHeightM !== null && (
        <>
          <dt>{t('st.buildingHeight')}</dt>
          <dd className="num">{metres(s.buildingHeightM)}</dd>
        </>
      )}
      {s.reachBeyondEdgeM != null && (
        <>
          <dt>{t('st.reachBeyondEdge')}</dt>
          <dd className="num">{`${formatNumber(s.reachBeyondEdgeM, lang, 3)} m`}</dd>
        </>
      )}
      <dt>{t('st.technologies')}</dt>
      <dd>{s.technologies.length > 0 ? s.technologies.join(', ') : '—'}</dd>
      {(s.temporary || s.mobile) && (
        <>
          <dt>{t('st.kind')}</dt>
          <dd>
            {[s.temporary && t('st.temporary'), s.mobile && t('st.mobile')].filter(Boolean).join(', ')}
            {s.validFrom && s.validTo && ` · ${formatDate(s.validFrom, lang)} – ${formatDate(s.validTo, lang)}`}
            {s.expired && <span className="tag st-state-rejected"> {t('st.expired')}</span>}
          </dd>
        </>
      )}
      {s.decisionNo && (
        <>
          <dt>{t('st.decision')}</dt>
          <dd>
            {t('st.decisionLine', { no: s.decisionNo, date: s.decisionDate ? formatDate(s.decisionDate, lang) : '—' })}
          </dd>
        </>
      )}
      {s.decisionNote && (
        <>
          <dt>{t('st.decisionNote')}</dt>
          <dd className="st-pre">{s.decisionNote}</dd>
        </>
      )}
    </dl>
  )
}

/** Every step of a station's life, oldest first. */
export function HistoryTimeline({ history }: { history: readonly HistoryEntry[] }) {
  const { t, lang } = useI18n()
  if (history.length === 0) return <p className="muted">{t('st.history.empty')}</p>
  return (
    <ol className="st-timeline" data-testid="history">
      {history.map((h) => (
        <li key={h.version}>
          <p>
            <strong>{actionLabel(t, h.action)}</strong> · {h.actorName}
          </p>
          <p className="muted">
            {formatDateTime(h.at, lang)} · {t(`st.state.${h.state}`)}
          </p>
          {h.note && <p className="st-pre">{h.note}</p>}
        </li>
      ))}
    </ol>
  )
}

/** The inspectors' field checks: outcome, how far the site was moved, notes and photos. */
export function FieldChecks({ checks }: { checks: readonly FieldCheck[] }) {
  const { t, lang } = useI18n()
  if (checks.length === 0) return <p className="muted">{t('st.checks.empty')}</p>
  return (
    <ul className="st-checks" data-testid="field-checks">
      {checks.map((c) => (
        <li key={c.id}>
          <p>
            <strong>{t(`st.check.${c.outcome}`)}</strong> · {c.actorName} ·{' '}
            <span className="muted">{formatDateTime(c.at, lang)}</span>
          </p>
          {c.outcome === 'moved' && <p>{t('st.check.movedBy', { m: formatNumber(c.movedM, lang, 1) })}</p>}
          {c.notes && <p className="st-pre">{c.notes}</p>}
          {c.photos.length > 0 && (
            <ul className="st-photos">
              {c.photos.map((p) => (
                <li key={p.photoId}>
                  <a href={p.url} target="_blank" rel="noreferrer">
                    <img src={p.url} alt={p.name ?? ''} loading="lazy" />
                  </a>
                  <span className="muted">
                    {p.name ?? ''} ({formatNumber(p.sizeBytes / 1024, lang, 0)} kB)
                  </span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  )
}
