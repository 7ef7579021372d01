import { useState } from 'react'
import { useI18n } from '../i18n'
import { ErrorMessage } from '../ui/status'
import { useApi } from '../ui/useApi'
import { cablesApi } from './api'
import { formatLength } from './format'

/**
 * A carrier's open invitations to shared routes: another carrier named it on a route, which counts in its
 * ledger only once it accepts.
 */
export function InvitationsPanel({ revision, onAnswered }: { revision: number; onAnswered: () => void }) {
  const { t, lang } = useI18n()
  const [busy, setBusy] = useState<number | null>(null)
  const [failed, setFailed] = useState<Error | null>(null)
  const invitations = useApi((signal) => cablesApi.invitations(signal).then((r) => r.items), `invitations:${revision}`)
  if (invitations.error) return <ErrorMessage error={invitations.error} onRetry={invitations.reload} />
  if (!invitations.data || invitations.data.length === 0) return null
  const answer = async (id: number, action: 'accept' | 'decline') => {
    setBusy(id)
    setFailed(null)
    try {
      await cablesApi.answer(id, action)
      onAnswered()
    } catch (err) {
      setFailed(err as Error)
    } finally {
      setBusy(null)
    }
  }
  return (
    <section className="cb-invitations" aria-label={t('cb.invite.title')} data-testid="invitations">
      <h3>{t('cb.invite.title')}</h3>
      <p className="hint">{t('cb.invite.hint')}</p>
      {failed && <ErrorMessage error={failed} />}
      <ul>
        {invitations.data.map((i) => (
          <li key={i.routeId}>
            <strong>{i.name}</strong> · {t(`cb.kind.${i.kind}`)} · {formatLength(i.lengthM, lang)}
            <div className="hint">{t('cb.invite.by', { carrier: i.invitedBy ?? t('cb.invite.office') })}</div>
            <button type="button" disabled={busy !== null} onClick={() => void answer(i.routeId, 'accept')}>
              {t('cb.invite.accept')}
            </button>{' '}
            <button type="button" disabled={busy !== null} onClick={() => void answer(i.routeId, 'decline')}>
              {t('cb.invite.decline')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
