import { usePath } from '../app/router'
import { useSession } from '../auth/session'
import { useI18n, type MessageKey } from '../i18n'
import { formatCount, formatDate } from '../i18n/format'
import { AppLink } from '../conversions/links'
import { ErrorMessage, Loading } from '../ui/status'
import { type Column, Table } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { api, type Campaign } from './api'
import { CampaignDashboard } from './CampaignDashboard'
import { CampaignForm } from './CampaignForm'
import { ProgressBar } from './ProgressBar'
import './campaigns.css'

/** The campaigns section: the list, a new campaign (/campaigns/new), one campaign's dashboard (/campaigns/:id). */
export default function CampaignsPage() {
  const path = usePath()
  const id = /^\/campaigns\/(\d+)$/.exec(path)?.[1]
  if (path === '/campaigns/new') return <CampaignForm />
  if (id) return <CampaignDashboard key={id} id={Number(id)} />
  return <CampaignList />
}

function CampaignList() {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const list = useApi((s) => api.list(s), 'campaigns')
  const officer = user?.role === 'officer' || user?.role === 'admin'
  const inspector = user?.role === 'inspector'
  const columns: Column<Campaign>[] = [
    {
      key: 'name',
      header: t('camp.col.name'),
      cell: (c) => (
        <AppLink href={`/campaigns/${c.id}`} testId="campaign-link">
          {c.name}
        </AppLink>
      ),
    },
    { key: 'kind', header: t('camp.col.kind'), cell: (c) => t(`camp.kind.${c.assetKind}` as MessageKey) },
    {
      key: 'period',
      header: t('camp.col.period'),
      cell: (c) => t('camp.period', { from: formatDate(c.startsOn, lang), to: formatDate(c.endsOn, lang) }),
    },
    { key: 'state', header: t('camp.col.state'), cell: (c) => t(`camp.state.${c.state}` as MessageKey) },
    {
      key: 'progress',
      header: t('camp.col.progress'),
      cell: (c) => (c.state === 'generated' ? <ProgressBar done={c.progress.done} total={c.progress.total} /> : '—'),
    },
  ]
  if (inspector)
    columns.push({
      key: 'mine',
      header: t('camp.col.mine'),
      cell: (c) =>
        c.mine
          ? t('camp.mine', { remaining: formatCount(c.mine.remaining, lang), total: formatCount(c.mine.total, lang) })
          : '—',
    })
  return (
    <div className="page camp-page">
      <header className="page-head">
        <div>
          <h1>{t('camp.title')}</h1>
          <p className="muted">{t('camp.intro')}</p>
        </div>
        {officer && (
          <AppLink href="/campaigns/new" className="btn btn-primary" testId="campaign-new">
            {t('camp.new')}
          </AppLink>
        )}
      </header>
      {list.error ? (
        <ErrorMessage error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <Table
          columns={columns}
          rows={list.data}
          rowKey={(c) => c.id}
          caption={t('camp.title')}
          empty={inspector ? t('camp.noneMine') : t('camp.none')}
          testId="campaign-list"
        />
      )}
    </div>
  )
}
