import { useEffect, useRef, useState } from 'react'
import { navigate } from '../app/router'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { formatDateTime } from '../i18n/format'
import { useApi } from '../ui/useApi'
import { stationsApi } from './api'
import type { Notification } from './types'

const POLL_MS = 60_000

/** Where a notification leads: a carrier to its application, the department's staff to the station. */
function targetOf(n: Notification, role: string | undefined): string {
  if (n.entity !== 'station') return '/stations'
  return role === 'carrier'
    ? `/applications/${n.entityId}`
    : role === 'officer' || role === 'inspector'
      ? '/queue'
      : `/stations/${n.entityId}`
}

/** The bell in the top bar: the unread count, and a list of the latest notifications that marks one read when opened. */
export function NotificationBell() {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const [open, setOpen] = useState(false)
  const [tick, setTick] = useState(0)
  const box = useRef<HTMLDivElement>(null)
  const list = useApi((signal) => stationsApi.notifications(signal), `notifications:${tick}`)

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), POLL_MS)
    return () => clearInterval(timer)
  }, [])
  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('keydown', close)
    }
  }, [open])

  const unread = list.data?.unread ?? 0
  async function openOne(n: Notification) {
    setOpen(false)
    if (!n.read) await stationsApi.markRead(n.id).catch(() => undefined)
    setTick((x) => x + 1)
    navigate(targetOf(n, user?.role))
  }

  return (
    <div className="st-bell" ref={box}>
      <button
        type="button"
        className="btn btn-ghost st-bell-btn"
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={t('notif.label', { n: unread })}
        title={t('notif.title')}
        onClick={() => setOpen(!open)}
        data-testid="bell"
      >
        <svg
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9m4.3 13a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span className="st-bell-count" data-testid="bell-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <section className="st-bell-menu" aria-label={t('notif.title')}>
          <p className="st-bell-head">{t('notif.title')}</p>
          {(list.data?.items ?? []).length === 0 ? (
            <p className="muted st-bell-empty">{t('notif.empty')}</p>
          ) : (
            <ul>
              {list.data!.items.map((n) => (
                <li key={n.id}>
                  <button
                    type="button"
                    className={n.read ? 'st-note' : 'st-note st-unread'}
                    onClick={() => void openOne(n)}
                  >
                    <span>{lang === 'vi' ? n.messageVi : n.messageEn}</span>
                    <span className="muted">{formatDateTime(n.createdAt, lang)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  )
}
