import { useI18n, type MessageKey } from '../i18n'
import type { Violation } from '../inspections/api'
import { violationText } from '../inspections/labels'
import { formatDateTime, formatNumber } from '../i18n/format'
import { distanceM, formatDistance } from './geo'
import type { AssetSnapshot, Draft } from './model'

/** One changed value of the asset: what the inspector saw and what the server has now. */
export interface Change {
  field: string
  seen: unknown
  now: unknown
}

const flatten = (o: Record<string, unknown>, prefix = ''): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.entries(flatten(v as Record<string, unknown>, `${prefix}${k}.`))
        : [[`${prefix}${k}`, v]],
    ),
  )

// the version says that something changed, not what; ids are not for people
const IGNORED = new Set(['lon', 'lat', 'version', 'carrierId'])

/** What differs between the asset as seen and as the server has it now; a moved position is one change. */
export function changesOf(seen: AssetSnapshot, now: Record<string, unknown>): Change[] {
  const a = flatten(seen)
  const b = flatten(now)
  const out: Change[] = []
  if (typeof b.lon === 'number' && typeof b.lat === 'number' && (b.lon !== a.lon || b.lat !== a.lat))
    out.push({ field: 'position', seen: [a.lon, a.lat], now: [b.lon, b.lat] })
  for (const key of Object.keys(b)) {
    if (IGNORED.has(key) || !(key in a)) continue
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push({ field: key, seen: a[key], now: b[key] })
  }
  return out
}

const KNOWN: Record<string, MessageKey> = {
  label: 'field.change.label',
  carrierName: 'field.change.carrier',
  'approved.heightM': 'field.change.heightM',
  'approved.mastClass': 'field.change.mastClass',
  'approved.state': 'field.change.state',
  'approved.name': 'field.change.name',
  'approved.address': 'field.change.address',
  'approved.operators': 'field.change.operators',
  heightM: 'field.change.heightM',
  mastClass: 'field.change.mastClass',
  position: 'field.change.position',
}

interface Props {
  drafts: Draft[]
  online: boolean
  labelOf(d: Draft): string
  onRetry(d: Draft): void
  onRerecord(d: Draft): void
  onDiscard(d: Draft): void
}

/** The sync queue: every record made on the device with its state, retries, and conflicts to decide. */
export function SyncQueue({ drafts, online, labelOf, onRetry, onRerecord, onDiscard }: Props) {
  const { t, lang } = useI18n()
  const value = (v: unknown) =>
    typeof v === 'number' ? formatNumber(v, lang, 2) : v === null || v === undefined ? '—' : String(v)
  if (drafts.length === 0) return <p className="muted side-empty">{t('field.queue.empty')}</p>
  return (
    <ul className="fd-queue" data-testid="sync-queue">
      {drafts.map((d) => (
        <li key={d.clientId} className="fd-queue-item" data-testid="queue-item" data-state={d.state}>
          <div className="fd-queue-head">
            <strong>{labelOf(d)}</strong>
            <span className={`tag fd-state fd-state-${d.state}`} data-testid="queue-state">
              {t(`field.state.${d.state}` as MessageKey)}
            </span>
          </div>
          <p className="muted">
            {t('field.queue.recorded', { at: formatDateTime(d.recordedAt, lang), photos: d.photoIds.length })}
          </p>
          {d.state === 'waiting' && !online && <p className="hint">{t('field.queue.whenOnline')}</p>}
          {d.state === 'done' && d.result && (
            <div data-testid="queue-verdict">
              <p>{t(`field.verdict.${d.result.verdict ?? 'none'}` as MessageKey)}</p>
              {d.result.violations.length > 0 && (
                <ul className="fd-violations">
                  {(d.result.violations as Violation[]).map((v) => (
                    <li key={`${v.rule}:${JSON.stringify(v.params)}`}>{violationText(t, lang, v)}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {d.state === 'failed' && (
            <div className="fd-queue-failed">
              <p className="field-error">{d.error}</p>
              <p className="hint">
                {d.nextAttemptAt
                  ? t('field.queue.retryAt', { n: d.attempts, at: formatDateTime(new Date(d.nextAttemptAt), lang) })
                  : t('field.queue.refused')}
              </p>
              <button type="button" className="btn btn-secondary fd-big" onClick={() => onRetry(d)}>
                {t('field.queue.retry')}
              </button>
            </div>
          )}
          {d.state === 'conflict' && d.conflict && (
            <div className="fd-conflict" data-testid="conflict">
              <p>{t('field.conflict.text', { sent: d.conflict.sent, have: d.conflict.have })}</p>
              <table className="table fd-conflict-table">
                <thead>
                  <tr>
                    <th>{t('field.conflict.field')}</th>
                    <th>{t('field.conflict.seen')}</th>
                    <th>{t('field.conflict.now')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changesOf(d.seen, d.conflict.current).map((c) => (
                    <tr key={c.field} data-field={c.field}>
                      <td>{KNOWN[c.field] ? t(KNOWN[c.field]!) : c.field}</td>
                      {c.field === 'position' ? (
                        <td colSpan={2}>
                          {t('field.conflict.moved', {
                            distance: formatDistance(
                              distanceM(c.seen as [number, number], c.now as [number, number]),
                              lang,
                            ),
                          })}
                        </td>
                      ) : (
                        <>
                          <td>{value(c.seen)}</td>
                          <td>{value(c.now)}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="fd-row">
                <button
                  type="button"
                  className="btn btn-primary fd-big"
                  data-testid="rerecord"
                  onClick={() => onRerecord(d)}
                >
                  {t('field.conflict.rerecord')}
                </button>
                <button type="button" className="btn btn-ghost fd-big" onClick={() => onDiscard(d)}>
                  {t('field.conflict.discard')}
                </button>
              </div>
            </div>
          )}
        </li>
      ))}
    </ul>
  )
}
