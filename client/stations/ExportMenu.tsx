import { useState } from 'react'
import { useI18n } from '../i18n'
import { exportUrl, type StationQuery } from './api'

/**
 * Download links for the stations matching the filters, as GeoJSON or CSV, optionally with VN-2000 coordinates;
 * with them, also a ZIP for GIS tools (CSV with its .prj carrying the exact CRS, and a .vrt QGIS opens directly).
 */
export function ExportMenu({ query }: { query: StationQuery }) {
  const { t } = useI18n()
  const [vn2000, setVn2000] = useState(false)
  return (
    <div className="st-export" data-testid="export">
      <span className="st-export-label">{t('st.export')}</span>
      <a
        className="btn btn-secondary btn-sm"
        href={exportUrl('geojson', query, vn2000)}
        download="stations.geojson"
        data-testid="export-geojson"
      >
        GeoJSON
      </a>
      <a
        className="btn btn-secondary btn-sm"
        href={exportUrl('csv', query, vn2000)}
        download="stations.csv"
        data-testid="export-csv"
      >
        CSV
      </a>
      {vn2000 && (
        <a
          className="btn btn-secondary btn-sm"
          href={exportUrl('vn2000.zip', query, false)}
          download="stations-vn2000.zip"
          data-testid="export-zip"
          title={t('st.exportZipHint')}
        >
          {t('st.exportZip')}
        </a>
      )}
      <label className="check st-export-vn">
        <input type="checkbox" checked={vn2000} onChange={(e) => setVn2000(e.target.checked)} />
        <span>{t('st.exportVn2000')}</span>
      </label>
    </div>
  )
}
