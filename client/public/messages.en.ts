import type { openDataVi } from './messages.vi'

/** English text of the open-data page. */
export const openDataEn: Record<keyof typeof openDataVi, string> = {
  'pub.nav.openData': 'Open data',
  'open.title': 'Open data: base stations in service',
  'open.lead':
    'The base stations in service in the province, as on the public map: operator, mast class, height, ' +
    'technologies, district and position.',
  'open.count': 'Stations',
  'open.updated': 'Last changed',
  'open.licence': 'Licence',
  'open.positions': 'Positions',
  'open.positionsExact': 'as recorded (WGS84)',
  'open.positionsRounded': 'rounded to {decimals} decimals of a degree (WGS84)',
  'open.downloads': 'Downloads',
  'open.csvHint': 'CSV, UTF-8 with BOM, opens in Excel',
  'open.geojsonHint': 'GeoJSON (RFC 7946), opens in QGIS',
  'open.stableUrl': 'Stable address',
  'open.ogcTitle': 'Read it directly in QGIS or GDAL (OGC API Features)',
  'open.ogcHint': 'QGIS: Layer → Add WFS / OGC API Features layer, with the address below.',
  'open.copy': 'Copy',
  'open.copied': 'Copied',
}
