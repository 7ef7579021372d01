import { useI18n } from '../i18n'
import { ExportMenu as Menu } from '../ui/ExportMenu'
import type { StationQuery } from './api'

/**
 * The station list's exports: every format of the common menu with the list's filters, and the ZIP for GIS
 * tools (CSV with its .prj carrying the exact VN-2000 CRS, and a .vrt QGIS opens directly).
 */
export function ExportMenu({ query }: { query: StationQuery }) {
  const { t } = useI18n()
  const { operator, mastClass, state, district, temporary, q } = query
  const params = { operator, mastClass, state, district, temporary, q }
  const zip = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])))
  return (
    <Menu layer="stations" params={params} file="stations">
      <a
        className="btn btn-secondary btn-sm"
        href={`/api/stations/export.vn2000.zip${zip.size > 0 ? `?${zip}` : ''}`}
        download="stations-vn2000.zip"
        data-testid="export-zip"
        title={t('st.exportZipHint')}
      >
        {t('st.exportZip')}
      </a>
    </Menu>
  )
}
