import { useI18n } from '../i18n'
import { formatNumber } from '../i18n/format'
import { operatorLabel } from './labels'
import { overall } from './model'
import type { NeighbourBrief, Outcome, RuleResult } from './types'

const MARK: Record<Outcome, string> = { pass: '✓', warn: '!', fail: '✕' }

/** The rule results of an application: outcome, the plain-language message with its numbers, and the nearest masts. */
export function RuleList({ results, compact = false }: { results: readonly RuleResult[] | null; compact?: boolean }) {
  const { t, lang } = useI18n()
  if (!results || results.length === 0) return <p className="muted">{t('st.rules.none')}</p>
  const worst = overall(results)
  const nearest = (results.find((r) => r.rule === 'spacing')?.values.nearest ?? []) as NeighbourBrief[]
  return (
    <div className="st-rules" data-testid="rule-results" data-overall={worst}>
      <p className={`st-rules-summary st-${worst}`}>
        <span className="st-mark" aria-hidden="true">
          {MARK[worst]}
        </span>
        {t(`st.rules.overall.${worst}`, {
          fail: results.filter((r) => r.outcome === 'fail').length,
          warn: results.filter((r) => r.outcome === 'warn').length,
        })}
      </p>
      <ul className="st-rule-list">
        {results.map((r) => (
          <li key={r.rule} className={`st-rule st-${r.outcome}`} data-rule={r.rule} data-outcome={r.outcome}>
            <span className="st-mark" aria-hidden="true">
              {MARK[r.outcome]}
            </span>
            <div>
              <p className="st-rule-name">
                {t(`st.rule.${r.rule}`)} <span className="sr-only">— {t(`st.outcome.${r.outcome}`)}</span>
              </p>
              <p className="st-rule-msg">{lang === 'vi' ? r.message_vi : r.message_en}</p>
            </div>
          </li>
        ))}
      </ul>
      {!compact && nearest.length > 0 && (
        <table className="st-nearest">
          <caption>{t('st.rules.nearest')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('st.siteCode')}</th>
              <th scope="col">{t('st.operator')}</th>
              <th scope="col">{t('st.mastClass')}</th>
              <th scope="col" className="num">
                {t('st.distance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {nearest.map((n) => (
              <tr key={n.id}>
                <td>
                  <code>{n.siteCode}</code>
                </td>
                <td>{operatorLabel(t, n.operator)}</td>
                <td>{n.mastClass}</td>
                <td className="num">{formatNumber(n.distanceM, lang, 1)} m</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
