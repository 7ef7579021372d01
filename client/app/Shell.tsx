import { useEffect, type ReactNode } from 'react'
import type { User } from '../api/types'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { DemoBadge, LanguageSwitch } from '../ui/chrome'
import { Icon } from '../ui/icons'
import { NotificationBell } from '../stations/NotificationBell'
import { sectionsFor, type Section } from './nav'
import { navigate } from './router'

/**
 * The signed-in frame: a header, the role's menu and the page. The one menu is a sidebar on a wide
 * screen and a bar of tabs at the bottom of a phone's screen (see shell.css).
 */
export function Shell({ user, current, children }: { user: User; current: Section | undefined; children: ReactNode }) {
  const { t } = useI18n()
  const { signOut } = useSession()
  const sections = sectionsFor(user.role)
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
          <button type="button" className="btn btn-ghost" onClick={() => void signOut()} aria-label={t('app.signOut')} title={t('app.signOut')}>
            <Icon name="logout" size={18} />
            <span className="hide-narrow">{t('app.signOut')}</span>
          </button>
        </div>
      </header>
      <nav className="mainnav" aria-label={t('app.menu')} data-testid="main-nav">
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a
                href={s.path}
                aria-current={current?.id === s.id ? 'page' : undefined}
                onClick={(e) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
                  e.preventDefault()
                  navigate(s.path)
                }}
              >
                <Icon name={s.icon} />
                <span>{t(s.label)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  )
}
