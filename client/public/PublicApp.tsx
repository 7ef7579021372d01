import { lazy, Suspense, type MouseEvent } from 'react'
import { navigate, usePath } from '../app/router'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { DemoBadge, LanguageSwitch } from '../ui/chrome'
import { Loading } from '../ui/status'
import '../stations/stations.css'

const PublicMap = lazy(() => import('./PublicMap'))
const PermitChecker = lazy(() => import('./PermitChecker'))
const OpenData = lazy(() => import('./OpenData'))
const PublicReport = lazy(() => import('../tickets/PublicReport'))
const PublicLookup = lazy(() => import('../tickets/PublicLookup'))

const LINKS = [
  { path: '/public/map', label: 'pub.nav.map' },
  { path: '/public/permit', label: 'pub.nav.permit' },
  { path: '/public/open-data', label: 'pub.nav.openData' },
  { path: '/public/report', label: 'pub.nav.report' },
] as const

/**
 * The pages anyone may open without signing in: the public map of stations in service, the permit checker, open
 * data, and the 1022 report form with its lookup.
 */
export default function PublicApp() {
  const { t } = useI18n()
  const { user } = useSession()
  const path = usePath()
  const go = (to: string) => (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
    e.preventDefault()
    navigate(to)
  }
  return (
    <div className="pub-shell">
      <header className="topbar pub-top">
        <a className="brand pub-brand" href="/public/map" onClick={go('/public/map')}>
          <span className="brand-mark" aria-hidden="true">
            TT
          </span>
          <span className="brand-text">
            <span className="brand-agency">{t('app.agency')}</span>
            <span className="brand-title">{t('pub.title')}</span>
          </span>
        </a>
        <nav className="pub-nav" aria-label={t('pub.nav.label')}>
          {LINKS.map((l) => (
            <a
              key={l.path}
              href={l.path}
              aria-current={path === l.path || path.startsWith(`${l.path}/`) ? 'page' : undefined}
              onClick={go(l.path)}
            >
              {t(l.label)}
            </a>
          ))}
        </nav>
        <div className="topbar-end">
          <DemoBadge />
          <LanguageSwitch />
          <a
            className="btn btn-ghost"
            href={user ? '/' : '/login'}
            onClick={go(user ? '/' : '/login')}
            data-testid="public-signin"
          >
            {user ? t('pub.toApp') : t('signIn.submit')}
          </a>
        </div>
      </header>
      <main id="main" className="pub-main">
        <Suspense fallback={<Loading />}>
          {path === '/public/permit' ? (
            <PermitChecker />
          ) : path === '/public/open-data' ? (
            <OpenData />
          ) : path === '/public/report' ? (
            <PublicReport />
          ) : path === '/public/report/status' ? (
            <PublicLookup />
          ) : (
            <PublicMap />
          )}
        </Suspense>
      </main>
    </div>
  )
}
