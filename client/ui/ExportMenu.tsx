import { type ReactNode, useState } from 'react'
import { useI18n } from '../i18n'

/** The formats every export route serves (server/exports), in menu order, with the file's extension. */
export const EXPORT_FORMATS = [
  { format: 'csv', ext: 'csv' },
  { format: 'xlsx', ext: 'xlsx' },
  { format: 'geojson', ext: 'geojson' },
  { format: 'kml', ext: 'kml' },
  { format: 'shp', ext: 'shp.zip' },
  { format: 'gpkg', ext: 'gpkg' },
] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]['format']

type Params = Record<string, string | number | boolean | null | undefined>

/** The address of an export: `/api/exports/<layer>` with the list's filters, the format and VN-2000 columns. */
export function exportHref(layer: string, params: Params, format: ExportFormat, vn2000: boolean): string {
  const q = new URLSearchParams()
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') q.set(key, String(value))
  q.set('format', format)
  if (vn2000) q.set('vn2000', '1')
  return `/api/exports/${layer}?${q.toString()}`
}

/**
 * The one export menu of every list page: a download per format of what the list shows (its filters travel
 * with the link; the server applies the same scope as the list), optionally with VN-2000 columns.
 */
export function ExportMenu({
  layer,
  params = {},
  file,
  label,
  testId = 'export',
  children,
}: {
  /** The route under /api/exports: stations, poles, cable-routes, conversion-items, districts, zones. */
  layer: string
  params?: Params
  /** The file name offered, without extension. */
  file: string
  /** What is exported, when the page offers more than one layer. */
  label?: string
  testId?: string
  /** Layer-specific downloads shown after the formats. */
  children?: ReactNode
}) {
  const { t } = useI18n()
  const [vn2000, setVn2000] = useState(false)
  return (
    <div className="export-menu" data-testid={testId}>
      <span className="export-menu-label">{label ?? t('export.title')}</span>
      {EXPORT_FORMATS.map(({ format, ext }) => (
        <a
          key={format}
          className="btn btn-secondary btn-sm"
          href={exportHref(layer, params, format, vn2000)}
          download={`${file}.${ext}`}
          title={t(`export.hint.${format}`)}
          data-testid={`${testId}-${format}`}
        >
          {t(`export.format.${format}`)}
        </a>
      ))}
      {children}
      <label className="check export-menu-vn">
        <input type="checkbox" checked={vn2000} onChange={(e) => setVn2000(e.target.checked)} />
        <span>{t('export.vn2000')}</span>
      </label>
    </div>
  )
}
