import { navigate } from '../app/router'
import { useI18n } from '../i18n'
import { formatCount, formatNumber } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { cablesApi } from './api'
import { formatLength, formatVnd } from './format'

/** Shared underground ducts: capacity, tubes allocated, occupancy and each carrier's monthly rent. */
export function DuctsTable() {
  const { t, lang } = useI18n()
  const ducts = useApi((signal) => cablesApi.ducts(signal).then((r) => r.items), 'ducts')
  if (ducts.error) return <ErrorMessage error={ducts.error} onRetry={ducts.reload} />
  if (!ducts.data) return <Loading />
  return (
    <div className="table-wrap">
      <table className="table cb-ducts" data-testid="ducts-table">
        <caption className="sr-only">{t('cb.ducts.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cb.ducts.route')}</th>
            <th scope="col" className="num">
              {t('cb.field.length')}
            </th>
            <th scope="col" className="num">
              {t('cb.ducts.capacity')}
            </th>
            <th scope="col" className="num">
              {t('cb.ducts.allocated')}
            </th>
            <th scope="col">{t('cb.ducts.occupancy')}</th>
            <th scope="col" className="num">
              {t('cb.ducts.price')}
            </th>
            <th scope="col">{t('cb.ducts.rent')}</th>
          </tr>
        </thead>
        <tbody>
          {ducts.data.length === 0 && (
            <tr>
              <td colSpan={7} className="empty">
                {t('cb.ducts.none')}
              </td>
            </tr>
          )}
          {ducts.data.map((d) => (
            <tr key={d.routeId}>
              <td>
                <a
                  href={`/cables/${d.routeId}`}
                  onClick={(e) => {
                    e.preventDefault()
                    navigate(`/cables/${d.routeId}`)
                  }}
                >
                  {d.name}
                </a>
              </td>
              <td className="num">{formatLength(d.lengthM, lang)}</td>
              <td className="num">
                {t('cb.ducts.tubes', { ducts: formatCount(d.ducts, lang), tubes: formatCount(d.tubes, lang) })}
              </td>
              <td className="num">{formatCount(d.allocatedTubes, lang)}</td>
              <td>
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
              </td>
              <td className="num">{formatVnd(d.priceVndPerMMonth, lang)}</td>
              <td>
                {d.allocations.map((a) => (
                  <div key={a.carrier} className="cb-rent">
                    {a.carrier}: {formatCount(a.tubes, lang)} ·{' '}
                    <span className="num">{formatVnd(a.monthlyRentVnd, lang)}</span>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
