import { http } from '../api/http'
import { useI18n, type Lang, type MessageKey } from '../i18n'
import { formatNumber } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'

interface ChecklistItem {
  key: 'boundaries' | 'rules' | 'users' | 'carriers'
  done: boolean
  detail: Record<string, unknown>
}
interface Setup {
  province: { provinceCode: string; provinceName: string; centralMeridian: number; epsg: number } | null
  items: ChecklistItem[]
}

/** A central meridian as degrees and minutes, e.g. 107°45′. */
function dms(degrees: number, lang: Lang): string {
  const minutes = String(Math.round((degrees % 1) * 60)).padStart(2, '0')
  return `${formatNumber(Math.trunc(degrees), lang)}°${minutes}′`
}

/** The administrator's first-run checklist: the province's zone, then boundaries, rule values, users, carriers. */
export function SetupChecklist({ version }: { version: number }) {
  const { t, lang } = useI18n()
  const setup = useApi((signal) => http.get<Setup>('/api/admin/setup', undefined, signal), `setup-${version}`)
  if (setup.error !== null) return <ErrorMessage error={setup.error} onRetry={setup.reload} />
  if (!setup.data) return <Loading />
  const { province, items } = setup.data
  const text = (item: ChecklistItem) => {
    const values = Object.fromEntries(
      Object.entries(item.detail).filter(([, v]) => typeof v === 'number' || typeof v === 'string'),
    ) as Record<string, string | number>
    return t(`setup.${item.key}` as MessageKey, values)
  }
  return (
    <section className="card" aria-labelledby="setup-title">
      <h2 id="setup-title">{t('setup.title')}</h2>
      {province && (
        <p>
          {t('setup.zone', {
            name: province.provinceName,
            code: province.provinceCode,
            meridian: dms(province.centralMeridian, lang),
            epsg: province.epsg,
          })}
        </p>
      )}
      <ul className="checklist">
        {items.map((item) => (
          <li key={item.key} data-done={item.done}>
            <strong>{item.done ? `✓ ${t('setup.done')}` : `• ${t('setup.todo')}`}</strong> {text(item)}
          </li>
        ))}
      </ul>
    </section>
  )
}
