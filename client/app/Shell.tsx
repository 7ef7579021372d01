import { useEffect, useState, type ReactNode } from 'react'
import type { User } from '../api/types'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { DemoBadge, LanguageSwitch } from '../ui/chrome'
import { Icon } from '../ui/icons'
import { NotificationBell } from '../notifications/NotificationBell'
import { sectionsFor, type Section } from './nav'
import { navigate } from './router'

/** Tabs a phone's bottom bar holds before the rest goes behind "More". */
const PHONE_TABS = 4

/**
 * The signed-in frame: a header, the role's menu and the page. The one menu is a sidebar on a wide
 * screen and a bar of tabs at the bottom of a phone's screen (see shell.css).
 */
export function Shell({ user, current, children }: { user: User; current: Section | undefined; children: ReactNode }) {
  const { t } = useI18n()
  const { signOut } = useSession()
  const sections = sectionsFor(user.role)
  const [moreOpen, setMoreOpen] = useState(false)
  const overflows = sections.length > PHONE_TABS + 1
  const title = current ? `${t(current.label)} — ${t('app.title')}` : t('app.title')
  useEffect(() => {
    document.title = title
  }, [title])
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            TT
          </span>
          <span className="brand-text">
            <span className="brand-agency">{t('app.agency')}</span>
            <span className="brand-title">{t('app.title')}</span>
          </span>
        </div>
        <DemoBadge />
        <div className="topbar-end">
          <NotificationBell />
          <LanguageSwitch />
          <span className="user-chip" data-testid="user-chip">
            <span className="user-name">{user.displayName}</span>
            <span className="user-role">
              {t(`role.${user.role}`)}
              {user.carrierName ? ` · ${user.carrierName}` : ''}
            </span>
          </span>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => void signOut()}
            aria-label={t('app.signOut')}
            title={t('app.signOut')}
          >
            <Icon name="logout" size={18} />
            <span className="hide-narrow">{t('app.signOut')}</span>
          </button>
        </div>
      </header>
      <nav className={moreOpen ? 'mainnav more-open' : 'mainnav'} aria-label={t('app.menu')} data-testid="main-nav">
        <ul>
          {sections.map((s, i) => (
            <li key={s.id} className={overflows && i >= PHONE_TABS ? 'overflow' : undefined}>
              <a
                href={s.path}
                aria-current={current?.id === s.id ? 'page' : undefined}
                onClick={(e) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
                  e.preventDefault()
                  setMoreOpen(false)
                  navigate(s.path)
                }}
              >
                <Icon name={s.icon} />
                <span>{t(s.label)}</span>
              </a>
            </li>
          ))}
          {overflows && <li className="nav-break" aria-hidden="true" />}
          {overflows && (
            <li className="more-tab">
              <button
                type="button"
                aria-expanded={moreOpen}
                data-testid="nav-more"
                onClick={() => setMoreOpen(!moreOpen)}
              >
                <Icon name={moreOpen ? 'close' : 'menu'} />
                <span>{t('app.more')}</span>
              </button>
            </li>
          )}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  )
}
