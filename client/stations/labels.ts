import { ACTIONS } from '../../shared/station-states'
import type { Translate } from '../i18n'
import { OPERATORS, type Operator } from './types'

/** An operator's display name from its short name (unknown names as they are). */
export function operatorLabel(t: Translate, shortName: string): string {
  return (OPERATORS as readonly string[]).includes(shortName) ? t(`op.${shortName as Operator}`) : shortName
}

const HISTORY_ACTIONS = ['create', 'update', ...ACTIONS] as const

/** A history step's name ("create", "approve", …); unknown steps as they are. */
export function actionLabel(t: Translate, action: string): string {
  return (HISTORY_ACTIONS as readonly string[]).includes(action)
    ? t(`st.action.${action as (typeof HISTORY_ACTIONS)[number]}`)
    : action
}

/** The name of a rule's ring on the map (spacing, must share, duplicate). */
export function ringLabel(t: Translate, rule: string): string {
  return rule === 'spacing' || rule === 'must_share' || rule === 'duplicate' ? t(`st.ring.${rule}`) : rule
}
