import { useEffect, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react'
import type { Role } from '../api/types'
import { navigate } from '../app/router'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { formatDateTime } from '../i18n/format'
import { useApi } from '../ui/useApi'
import { type Notification, notificationsApi } from './api'
import './bell.css'

const POLL_MS = 60_000

/**
 * The record a notification is about: a 1022 report's page; an inspection's list (the inspector's field mode); a
 * carrier's application (which it can edit when returned), or the station's page for the department's staff,
 * where its panel shows the steps open to them.
 */
export function targetOf(n: Notification, role: Role | undefined): string {
  if (n.entity === 'ticket' && /^\d+$/.test(n.entityId)) return `/tickets/${n.entityId}`
  // an inspector records inspections in the field mode; the office's staff and carriers follow them in the list
  if (n.entity === 'inspection') return role === 'inspector' ? '/field' : '/inspections'
  if (n.entity !== 'station' || !/^\d+$/.test(n.entityId)) return '/stations'
  return role === 'carrier' ? `/applications/${n.entityId}` : `/stations/${n.entityId}`
}

/** The bell in the top bar: the unread count, and the latest notifications; opening one marks it read. */
export function NotificationBell() {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const [open, setOpen] = useState(false)
  const [tick, setTick] = useState(0)
  const box = useRef<HTMLDivElement>(null)
  const list = useApi((signal) => notificationsApi.list(signal), `notifications:${tick}`)

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
  const items = list.data?.items ?? []
  async function openOne(e: ReactMouseEvent<HTMLAnchorElement>, n: Notification, href: string) {
    // A modified click opens the record in another tab, as any link does; it is marked read all the same.
    const inPlace = !(e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0)
    if (inPlace) {
      e.preventDefault()
      setOpen(false)
    }
    if (!n.read) await notificationsApi.markRead(n.id).catch(() => undefined)
    setTick((x) => x + 1)
    if (inPlace) navigate(href)
  }

  return (
    <div className="bell" ref={box}>
      <button
        type="button"
        className="btn btn-ghost bell-btn"
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
          <span className="bell-count" data-testid="bell-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <section className="bell-menu" aria-label={t('notif.title')} data-testid="bell-menu">
          <p className="bell-head">{t('notif.title')}</p>
          {items.length === 0 ? (
            <p className="muted bell-empty">{t('notif.empty')}</p>
          ) : (
            <ul>
              {items.map((n) => {
                const href = targetOf(n, user?.role)
                return (
                  <li key={n.id}>
                    <a
                      href={href}
                      className={n.read ? 'bell-note' : 'bell-note bell-unread'}
                      onClick={(e) => void openOne(e, n, href)}
                    >
                      <span>{lang === 'vi' ? n.messageVi : n.messageEn}</span>
                      <span className="muted">{formatDateTime(n.createdAt, lang)}</span>
                    </a>
                  </li>
                )
              })}
            </ul>
          )}
        </section>
      )}
    </div>
  )
}
