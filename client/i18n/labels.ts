/** Display names for codes that come from the server (zone kinds, audit actions…), with the code as fallback. */
import type { MessageKey, Translate } from './index'
import { vi } from './vi'

/** Whether the UI has a text for `key` (both tables have the same keys). */
export const hasMessage = (key: string): key is MessageKey => Object.hasOwn(vi, key)

/** `t(key)` when the key exists, else `fallback`. */
export function labelOr(t: Translate, key: string, fallback: string, values?: Record<string, string | number>) {
  return hasMessage(key) ? t(key, values) : fallback
}

/** A zone kind's display name (a1_only → "Chỉ cột A1"). */
export const zoneKindLabel = (t: Translate, kind: string) => labelOr(t, `zone.kind.${kind}`, kind)
