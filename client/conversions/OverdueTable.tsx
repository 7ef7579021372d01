import { useI18n, type MessageKey } from '../i18n'
import { formatDate, formatNumber } from '../i18n/format'
import { Table, type Column } from '../ui/Table'
import type { Item } from './api'
import { AppLink, StatusChip } from './links'

/** "A2b 42 m → A1c 10 m (palm tree)": what the item changes on its station. */
export function useChangeText(): (item: Item) => string {
  const { t, lang } = useI18n()
  return (i) => {
    const h = (m: number) => `${formatNumber(m, lang)} m`
    if (i.kind === 'share') return t('conv.kind.shareOnto', { host: i.hostSiteCode ?? '' })
    const design = i.toDesign ? ` (${t(`conv.design.${i.toDesign}` as MessageKey)})` : ''
    return `${i.fromClass} ${h(i.fromHeightM)} → ${i.toClass} ${h(i.toHeightM)}${design}`
  }
}

/** The common columns of an item list; each row opens the item. */
export function ItemsTable({ items, caption }: { items: Item[]; caption?: string }) {
  const { t, lang } = useI18n()
  const change = useChangeText()
  const columns: Column<Item>[] = [
    {
      key: 'site',
      header: t('conv.col.site'),
      cell: (i) => (
        <AppLink href={`/conversions/items/${i.id}`} testId="item-link">
          {i.station.siteCode}
        </AppLink>
      ),
      className: 'nowrap',
    },
    {
      key: 'district',
      header: t('conv.filter.district'),
      cell: (i) => i.station.districtName ?? i.station.districtCode ?? '—',
    },
    { key: 'carrier', header: t('conv.filter.carrier'), cell: (i) => i.carrier.name },
    {
      key: 'change',
      header: t('conv.col.change'),
      cell: (i) => (
        <>
          <span className="muted">{t(`conv.kind.${i.kind}` as MessageKey)}</span>
          <br />
          {change(i)}
        </>
      ),
    },
    {
      key: 'due',
      header: t('conv.col.due'),
      cell: (i) => <span className={i.overdue ? 'conv-overdue' : undefined}>{formatDate(i.dueDate, lang)}</span>,
      className: 'nowrap',
    },
    {
      key: 'measured',
      header: t('conv.col.measured'),
      cell: (i) => (i.measuredHeightM === null ? '—' : `${formatNumber(i.measuredHeightM, lang)} m`),
      className: 'num nowrap',
    },
    { key: 'status', header: t('conv.col.status'), cell: (i) => <StatusChip status={i.status} />, className: 'nowrap' },
  ]
  return (
    <Table
      columns={columns}
      rows={items}
      rowKey={(i) => i.id}
      caption={caption ?? t('conv.items.title')}
      empty={t('conv.items.empty')}
    />
  )
}

/** The most overdue items. */
export function OverdueTable({ items }: { items: Item[] }) {
  const { t } = useI18n()
  return <ItemsTable items={items} caption={t('conv.overdue.title')} />
}
