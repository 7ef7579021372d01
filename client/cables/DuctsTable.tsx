import { navigate } from '../app/router'
import { useI18n } from '../i18n'
import { formatCount, formatNumber } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { type Column, Table } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { cablesApi, type DuctRow } from './api'
import { formatLength, formatVnd } from './format'

/** Shared underground ducts: capacity, tubes allocated, occupancy and each carrier's monthly rent. */
export function DuctsTable() {
  const { t, lang } = useI18n()
  const ducts = useApi((signal) => cablesApi.ducts(signal).then((r) => r.items), 'ducts')
  if (ducts.error) return <ErrorMessage error={ducts.error} onRetry={ducts.reload} />
  if (!ducts.data) return <Loading />
  const columns: Column<DuctRow>[] = [
    {
      key: 'route',
      header: t('cb.ducts.route'),
      cell: (d) => (
        <a
          href={`/cables/${d.routeId}`}
          onClick={(e) => {
            e.preventDefault()
            navigate(`/cables/${d.routeId}`)
          }}
        >
          {d.name}
        </a>
      ),
    },
    { key: 'length', header: t('cb.field.length'), cell: (d) => formatLength(d.lengthM, lang), className: 'num' },
    {
      key: 'capacity',
      header: t('cb.ducts.capacity'),
      cell: (d) => t('cb.ducts.tubes', { ducts: formatCount(d.ducts, lang), tubes: formatCount(d.tubes, lang) }),
      className: 'num',
    },
    {
      key: 'allocated',
      header: t('cb.ducts.allocated'),
      cell: (d) => formatCount(d.allocatedTubes, lang),
      className: 'num',
    },
    {
      key: 'occupancy',
      header: t('cb.ducts.occupancy'),
      cell: (d) => (
        <>
          {/* biome-ignore lint/a11y/useSemanticElements: a <meter> looks different in each browser */}
          <span
            className="cb-meter"
            role="meter"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(d.occupancy * 100)}
            aria-label={t('cb.ducts.occupancy')}
          >
            <span style={{ width: `${Math.min(100, d.occupancy * 100)}%` }} />
          </span>{' '}
          {formatNumber(d.occupancy * 100, lang, 0)} %
        </>
      ),
    },
    { key: 'price', header: t('cb.ducts.price'), cell: (d) => formatVnd(d.priceVndPerMMonth, lang), className: 'num' },
    {
      key: 'rent',
      header: t('cb.ducts.rent'),
      cell: (d) =>
        d.allocations.map((a) => (
          <div key={a.carrier} className="cb-rent">
            {a.carrierName}: {formatCount(a.tubes, lang)} ·{' '}
            <span className="num">{formatVnd(a.monthlyRentVnd, lang)}</span>
          </div>
        )),
    },
  ]
  return (
    <Table
      columns={columns}
      rows={ducts.data}
      rowKey={(d) => d.routeId}
      caption={t('cb.ducts.title')}
      empty={t('cb.ducts.none')}
      className="cb-ducts"
      testId="ducts-table"
    />
  )
}
