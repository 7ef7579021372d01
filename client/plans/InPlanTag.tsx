import { useI18n } from '../i18n'
import { formatNumber } from '../i18n/format'
import './plans.css'

/** The approved planned site a station matches (server/plans/in-plan.sql.ts), as the station answers carry it. */
export interface InPlan {
  planId: number
  title: string
  version: number
  decisionNumber: string
  siteKey: string | null
  featureIndex: number
  distanceM: number
}

/**
 * "In plan": the station matches a site of its carrier's approved plan. `full` also names the plan, the decision,
 * the planned site and how far it is; a station in no approved plan shows nothing unless `showNone`.
 */
export function InPlanTag({
  inPlan,
  full = false,
  showNone = false,
}: {
  inPlan: InPlan | null | undefined
  full?: boolean
  showNone?: boolean
}) {
  const { t, lang } = useI18n()
  if (!inPlan) {
    return showNone ? (
      <span className="pl-in-plan pl-in-plan-none" data-testid="in-plan" data-in-plan="false">
        {t('pl.inPlan.none')}
      </span>
    ) : null
  }
  return (
    <span className="pl-in-plan" data-testid="in-plan" data-in-plan="true">
      {t('pl.inPlan')}
      {full &&
        ` · ${t('pl.inPlan.detail', {
          title: inPlan.title,
          decision: inPlan.decisionNumber,
          site: inPlan.siteKey ?? `#${inPlan.featureIndex + 1}`,
          m: formatNumber(inPlan.distanceM, lang, 1),
        })}`}
    </span>
  )
}
