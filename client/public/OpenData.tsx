import { useState } from 'react'
import './open-data.css'
import { http } from '../api/http'
import { useI18n } from '../i18n'
import { formatDateTime } from '../i18n/format'
import { formatCount } from '../../shared/format'
import { Loaded } from '../ui/status'
import { useApi } from '../ui/useApi'

/** What GET /api/open-data answers. */
interface OpenDataset {
  title: string
  licence: string
  updated: string | null
  count: number
  positionDecimals: number | null
  downloads: { format: string; mediaType: string; href: string }[]
  ogc: string
}

function Copyable({ text }: { text: string }) {
  const { t } = useI18n()
  const [copied, setCopied] = useState(false)
  return (
    <span className="open-url">
      <code>{text}</code>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(() => setCopied(true))
        }}
      >
        {copied ? t('open.copied') : t('open.copy')}
      </button>
    </span>
  )
}

/** The open data of stations in service: what it holds, its licence and date, the files and the OGC address. */
export default function OpenData() {
  const { t, lang } = useI18n()
  const state = useApi((signal) => http.get<OpenDataset>('/api/open-data', undefined, signal), 'open-data')
  return (
    <div className="page open-data" data-testid="open-data">
      <header className="page-head">
        <h1>{t('open.title')}</h1>
      </header>
      <p className="open-lead">{t('open.lead')}</p>
      <Loaded state={state}>
        {(d) => (
          <>
            <dl className="open-facts">
              <div>
                <dt>{t('open.count')}</dt>
                <dd data-testid="open-count">{formatCount(d.count, lang)}</dd>
              </div>
              <div>
                <dt>{t('open.updated')}</dt>
                <dd>{d.updated ? formatDateTime(d.updated, lang) : '—'}</dd>
              </div>
              <div>
                <dt>{t('open.licence')}</dt>
                <dd>{d.licence}</dd>
              </div>
              <div>
                <dt>{t('open.positions')}</dt>
                <dd>
                  {d.positionDecimals === null
                    ? t('open.positionsExact')
                    : t('open.positionsRounded', { decimals: d.positionDecimals })}
                </dd>
              </div>
            </dl>
            <h2>{t('open.downloads')}</h2>
            <ul className="open-downloads">
              {d.downloads.map((file) => (
                <li key={file.format}>
                  <a className="btn btn-primary" href={file.href} download>
                    {file.format}
                  </a>
                  <span className="open-hint">{t(file.format === 'CSV' ? 'open.csvHint' : 'open.geojsonHint')}</span>
                  <span className="open-hint">
                    {t('open.stableUrl')}: <Copyable text={file.href} />
                  </span>
                </li>
              ))}
            </ul>
            <h2>{t('open.ogcTitle')}</h2>
            <p className="open-hint">{t('open.ogcHint')}</p>
            <Copyable text={d.ogc.replace(/\/collections\/stations$/, '')} />
          </>
        )}
      </Loaded>
    </div>
  )
}
