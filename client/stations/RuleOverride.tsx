import { MIN_EXCEPTION_REASON } from '../../shared/station-states'
import { useI18n } from '../i18n'
import { formatDateTime } from '../i18n/format'
import type { RuleOverride, RuleResult } from './types'

export { MIN_EXCEPTION_REASON }

/** The rules a check fails (warnings do not count). */
export function failingRules(results: readonly RuleResult[] | null | undefined): RuleResult['rule'][] {
  return (results ?? []).filter((r) => r.outcome === 'fail').map((r) => r.rule)
}

/** Whether a typed exception reason is long enough for the server. */
export const reasonLongEnough = (reason: string) => reason.trim().length >= MIN_EXCEPTION_REASON

/**
 * The warning shown when an application fails rules, with the required exception reason: the carrier's on
 * submission, the officer's on approval.
 */
export function ExceptionReason({
  rules,
  mode,
  value,
  onChange,
  error,
}: {
  rules: readonly RuleResult['rule'][]
  mode: 'submit' | 'approve'
  value: string
  onChange(value: string): void
  error?: string
}) {
  const { t } = useI18n()
  const names = rules.map((r) => t(`st.rule.${r}`)).join(', ')
  return (
    <div className="st-override" data-testid="exception">
      <p className="status status-warning" role="alert">
        {t(mode === 'submit' ? 'st.override.warnSubmit' : 'st.override.warnApprove', { n: rules.length, rules: names })}
      </p>
      <label className={`field${error ? ' field-invalid' : ''}`}>
        <span>
          {t('st.override.reason', { n: MIN_EXCEPTION_REASON })} <span aria-hidden="true">*</span>
        </span>
        <textarea
          name="exceptionReason"
          rows={3}
          required
          aria-required="true"
          aria-invalid={error ? true : undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        {error && <span className="field-error">{error}</span>}
      </label>
    </div>
  )
}

/** The exceptions recorded on a station, oldest first. */
export function RuleOverrides({ overrides }: { overrides: readonly RuleOverride[] | undefined }) {
  const { t, lang } = useI18n()
  if (!overrides || overrides.length === 0) return null
  return (
    <section className="st-overrides" aria-label={t('st.override.title')} data-testid="rule-overrides">
      <h3 className="panel-subtitle">{t('st.override.title')}</h3>
      <ul className="plain-list">
        {overrides.map((o) => (
          <li key={`${o.action}:${o.at}`}>
            <strong>{t(o.action === 'submit' ? 'st.override.submit' : 'st.override.approve')}</strong>
            <div className="hint">
              {t('st.override.line', {
                who: o.actorName,
                at: formatDateTime(o.at, lang),
                rules: o.rules.map((r) => t(`st.rule.${r}`)).join(', '),
              })}
            </div>
            <p className="st-pre">{o.reason}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}
