import type { ReactNode } from 'react'
import { useI18n } from '../i18n'
import { formatDateTime } from '../i18n/format'
import { Icon } from '../ui/icons'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { Actions, type MoveControl } from './Actions'
import { stationsApi } from './api'
import { operatorLabel } from './labels'
import { InPlanTag } from '../plans/InPlanTag'
import { RuleList } from './RuleList'
import { RuleOverrides } from './RuleOverride'
import { FieldChecks, HistoryTimeline, StateTag, StationFacts } from './StationInfo'
import type { Station } from './types'
import { InspectionHistory } from '../inspections/InspectionHistory'

/**
 * A station in full: attributes, rule results, field checks, history and the workflow steps open to the
 * user. Loads the detail itself so that a step or a 409 can reload it.
 */
export function StationPanel({
  id,
  onClose,
  onChanged,
  move,
  extra,
}: {
  id: number
  onClose(): void
  onChanged?(s: Station): void
  move?: MoveControl
  extra?: ReactNode
}) {
  const { t, lang } = useI18n()
  const detail = useApi((signal) => stationsApi.get(id, signal), `station:${id}`)
  const s = detail.data
  return (
    <section className="map-panel map-sheet st-panel" aria-labelledby="st-panel-title" data-testid="station-panel">
      <header className="panel-head">
        <div>
          <h2 id="st-panel-title" className="panel-title">
            {s ? s.siteCode : t('st.station')}
          </h2>
          {s && (
            <p className="st-panel-sub">
              {operatorLabel(t, s.operator.shortName)} · {s.mastClass} · <StateTag state={s.state} />
            </p>
          )}
          {s && <InPlanTag inPlan={s.inPlan} full />}
        </div>
        <button type="button" className="icon-btn" onClick={onClose} aria-label={t('st.close')}>
          <Icon name="close" size={18} />
        </button>
      </header>
      {detail.error !== null && <ErrorMessage error={detail.error} onRetry={detail.reload} />}
      {!s && detail.loading && <Loading />}
      {s && s.id === id && (
        <>
          <Actions
            key={`${s.id}:${s.version}`}
            station={s}
            move={move}
            onReload={detail.reload}
            onDone={(updated) => {
              detail.reload()
              onChanged?.(updated)
            }}
          />
          {extra}
          <h3 className="panel-subtitle">{t('st.section.rules')}</h3>
          <RuleList results={s.ruleResults} />
          <RuleOverrides overrides={s.ruleOverrides} />
          {s.rulesCheckedAt && (
            <p className="hint">{t('st.rules.checkedAt', { at: formatDateTime(s.rulesCheckedAt, lang) })}</p>
          )}
          <h3 className="panel-subtitle">{t('st.section.facts')}</h3>
          <StationFacts station={s} />
          {s.state === 'built' && <p className="hint">{t('st.awaitsInspection')}</p>}
          {s.state !== 'draft' && (
            <InspectionHistory key={`${s.id}:${s.version}`} kind="station" id={s.id} awaiting={s.state === 'built'} />
          )}
          <h3 className="panel-subtitle">{t('st.section.checks')}</h3>
          <FieldChecks checks={s.fieldChecks} />
          <h3 className="panel-subtitle">{t('st.section.history')}</h3>
          <HistoryTimeline history={s.history} />
        </>
      )}
    </section>
  )
}
