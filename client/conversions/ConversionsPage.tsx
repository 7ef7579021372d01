import { useEffect, useState } from 'react'
import { navigate, usePath } from '../app/router'
import { useSession } from '../auth/session'
import { useI18n, type MessageKey } from '../i18n'
import { formatDate } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { api } from './api'
import { DashboardView } from './Dashboard'
import { ImportPage } from './ImportPage'
import { ItemDetailPage } from './ItemDetailPage'
import { ItemsMapPage } from './ItemsMapPage'
import { ItemsPage } from './ItemsPage'
import { AppLink } from './links'
import './conversions.css'

type Tab = 'dashboard' | 'items' | 'map' | 'verify' | 'import'
const TABS: { id: Tab; path: string; roles: string[] }[] = [
  { id: 'dashboard', path: '/conversions', roles: ['admin', 'officer', 'inspector', 'carrier'] },
  { id: 'items', path: '/conversions/items', roles: ['admin', 'officer', 'inspector', 'carrier'] },
  { id: 'map', path: '/conversions/map', roles: ['admin', 'officer', 'inspector', 'carrier'] },
  { id: 'verify', path: '/conversions/verify', roles: ['inspector', 'officer'] },
  { id: 'import', path: '/conversions/import', roles: ['officer'] },
]
const PROGRAMME_KEY = 'conversions.programme'

/** The conversion programme section: one programme at a time, its dashboard, items, map, verification and import. */
export default function ConversionsPage() {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const path = usePath()
  const programmes = useApi((s) => api.programmes(s), 'programmes')
  const [chosen, setChosen] = useState<number | null>(
    () => Number(new URLSearchParams(location.search).get('programme') ?? localStorage.getItem(PROGRAMME_KEY)) || null,
  )
  useEffect(() => {
    if (chosen) localStorage.setItem(PROGRAMME_KEY, String(chosen))
  }, [chosen])
  const itemId = /^\/conversions\/items\/(\d+)$/.exec(path)?.[1]
  const tabs = TABS.filter((tab) => tab.roles.includes(user?.role ?? ''))
  const tab = itemId ? 'items' : (tabs.find((x) => x.path === path)?.id ?? 'dashboard')
  if (programmes.error)
    return (
      <div className="page">
        <ErrorMessage error={programmes.error} onRetry={programmes.reload} />
      </div>
    )
  if (!programmes.data)
    return (
      <div className="page">
        <Loading />
      </div>
    )
  const programme = programmes.data.find((p) => p.id === chosen) ?? programmes.data[0]
  const full = tab === 'map' || tab === 'verify'
  return (
    <div className={`page conv-page${full ? ' conv-page-full' : ''}`}>
      <header className="page-head conv-head">
        <div>
          <h1>{t('conv.title')}</h1>
          {programme && (
            <p className="muted conv-basis">
              {t('conv.basis', { no: programme.decisionNo, date: formatDate(programme.decisionDate, lang) })}
              {programme.legalBasis ? ` — ${programme.legalBasis}` : ''}
            </p>
          )}
        </div>
        {programmes.data.length > 0 && (
          <label className="field conv-programme">
            <span>{t('conv.programme')}</span>
            <select
              value={programme?.id}
              onChange={(e) => {
                setChosen(Number(e.target.value))
                if (itemId) navigate('/conversions')
              }}
              data-testid="programme-select"
            >
              {programmes.data.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <nav className="conv-tabs" aria-label={t('conv.title')}>
        {tabs.map((x) => (
          <AppLink key={x.id} href={x.path} className={x.id === tab ? 'on' : undefined} testId={`tab-${x.id}`}>
            {t(`conv.tab.${x.id}` as MessageKey)}
          </AppLink>
        ))}
      </nav>
      {!programme ? (
        <p className="muted">{t('conv.none')}</p>
      ) : itemId ? (
        <ItemDetailPage id={Number(itemId)} />
      ) : tab === 'items' ? (
        <ItemsPage key={`${programme.id}${location.search}`} programme={programme} />
      ) : tab === 'map' ? (
        <ItemsMapPage key={programme.id} programme={programme} />
      ) : tab === 'verify' ? (
        <ItemsMapPage key={`v${programme.id}`} programme={programme} verifying />
      ) : tab === 'import' ? (
        <ImportPage programme={programme} onImported={programmes.reload} />
      ) : (
        <DashboardView key={programme.id} programme={programme} />
      )}
    </div>
  )
}
