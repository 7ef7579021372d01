import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react'
import { useSession } from '../auth/session'
import { SignIn } from '../auth/SignIn'
import { useI18n } from '../i18n'
import { ErrorMessage, Loading } from '../ui/status'
import { navigate, usePath } from './router'
import { sectionAt, sectionsFor, type SectionId } from './nav'
import { Shell } from './Shell'

const PublicApp = lazy(() => import('../public/PublicApp'))

// Each page is its own chunk: the sign-in page does not wait for MapLibre.
const PAGES: Record<SectionId, LazyExoticComponent<ComponentType>> = {
  map: lazy(() => import('../map/MapPage')),
  stations: lazy(() => import('../stations/StationsPage')),
  applications: lazy(() => import('../stations/ApplicationsPage')),
  queue: lazy(() => import('../stations/QueuePage')),
  planning: lazy(() => import('../planning/PlanningPage')),
  conversions: lazy(() => import('../conversions/ConversionsPage')),
  cables: lazy(() => import('../cables/CablesPage')),
  cableSummary: lazy(() => import('../cables/SummaryPage')),
  reports: lazy(() => import('../reports/ReportPage')),
  users: lazy(() => import('../admin/UsersPage')),
  carriers: lazy(() => import('../admin/CarriersPage')),
  boundaries: lazy(() => import('../admin/BoundariesPage')),
  audit: lazy(() => import('../admin/AuditPage')),
  apiTokens: lazy(() => import('../admin/ApiTokensPage')),
  plans: lazy(() => import('../plans/PlansPage')),
  inspections: lazy(() => import('../inspections/InspectionsPage')),
  campaigns: lazy(() => import('../campaigns/CampaignsPage')),
  field: lazy(() => import('../field/FieldPage')),
  tickets: lazy(() => import('../tickets/TicketsPage')),
}

/** Chooses between the start-up states, the sign-in page and the signed-in shell. */
export function App() {
  const { user, startError, retry } = useSession()
  const { t } = useI18n()
  const path = usePath()
  const home = user ? (sectionsFor(user.role)[0]?.path ?? '/') : '/login'
  const section = user ? sectionAt(user.role, path) : undefined
  const isPublic = path === '/public' || path.startsWith('/public/')

  useEffect(() => {
    if (user === undefined || isPublic) return
    if (!user && path !== '/login') navigate('/login', { replace: true })
    if (user && (path === '/' || path === '/login')) navigate(home, { replace: true })
  }, [user, path, home, isPublic])

  if (startError) {
    return (
      <main className="center-page">
        <ErrorMessage error={startError} onRetry={retry} />
      </main>
    )
  }
  if (user === undefined) {
    return (
      <main className="center-page">
        <Loading />
      </main>
    )
  }
  if (isPublic) {
    return (
      <Suspense fallback={<Loading />}>
        <PublicApp />
      </Suspense>
    )
  }
  if (!user) return <SignIn />
  const Page = section ? PAGES[section.id] : undefined
  return (
    <Shell user={user} current={section}>
      {Page ? (
        <Suspense fallback={<Loading />}>
          <Page />
        </Suspense>
      ) : path === '/' || path === '/login' ? (
        <Loading />
      ) : (
        <div className="page">
          <p className="status">{t('app.notFound')}</p>
        </div>
      )}
    </Shell>
  )
}
