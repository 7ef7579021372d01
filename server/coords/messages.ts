// What /api/coordinates/interpret tells the person typing: Vietnamese first, English second.
import { formatNumber } from '../../shared/format'
import { formatMeridian } from './plausibility'

export interface ZoneLabel {
  provinceName: string
  centralMeridian: number
}

export interface Explanation {
  vi: string
  en: string
}

const vi = (n: number) => formatNumber(n, 'vi', 9)
const en = (n: number) => formatNumber(n, 'en', 9)

const zoneVi = (z: ZoneLabel) =>
  `VN-2000 múi 3°, kinh tuyến trục ${formatMeridian(z.centralMeridian)} (${z.provinceName})`
const zoneEn = (z: ZoneLabel) => `VN-2000 TM-3 zone ${formatMeridian(z.centralMeridian)} (${z.provinceName})`

/** Explains how a geographic pair was read. */
export function explainGeographic(
  lon: number,
  lat: number,
  swapped: boolean,
  datum: 'wgs84' | 'vn2000-geo',
  zone: ZoneLabel | null,
): Explanation {
  const datumName = datum === 'wgs84' ? 'WGS84' : 'VN-2000'
  const orderVi = swapped ? 'Đã hiểu là vĩ độ trước, kinh độ sau' : 'Đã hiểu là kinh độ trước, vĩ độ sau'
  const orderEn = swapped ? 'Read as latitude first, then longitude' : 'Read as longitude first, then latitude'
  const noZoneVi = zone ? '' : ' Chọn tỉnh để có tọa độ VN-2000 phẳng (X, Y).'
  const noZoneEn = zone ? '' : ' Choose a province to get VN-2000 plane coordinates (X, Y).'
  return {
    vi:
      `${orderVi}: kinh độ ${vi(lon)}°, vĩ độ ${vi(lat)}° (${datumName}).` +
      (zone ? ` Đổi sang ${zoneVi(zone)}.` : noZoneVi),
    en:
      `${orderEn}: longitude ${en(lon)}°, latitude ${en(lat)}° (${datumName}).` +
      (zone ? ` Converted to ${zoneEn(zone)}.` : noZoneEn),
  }
}

/** Explains how a projected pair was read; `swapped` means it came in the survey order X, Y. */
export function explainProjected(easting: number, northing: number, swapped: boolean, zone: ZoneLabel): Explanation {
  const orderVi = swapped
    ? 'Đã hiểu theo thứ tự trắc địa X trước, Y sau'
    : 'Đã hiểu là Y (hướng Đông) trước, X (hướng Bắc) sau'
  const orderEn = swapped ? 'Read in the survey order, X first, then Y' : 'Read as Y (easting) first, then X (northing)'
  return {
    vi: `${orderVi}: X (hướng Bắc) = ${vi(northing)} m, Y (hướng Đông) = ${vi(easting)} m, ${zoneVi(zone)}.`,
    en: `${orderEn}: X (northing) = ${en(northing)} m, Y (easting) = ${en(easting)} m, ${zoneEn(zone)}.`,
  }
}

/** Explains why a pair could not be read. */
export function explainUnreadable(
  reason: 'unknown' | 'outside' | 'ambiguous' | 'zone-needed',
  zone?: ZoneLabel,
): Explanation {
  switch (reason) {
    case 'unknown':
      return {
        vi: 'Cặp số này không phải tọa độ địa lý (độ) cũng không phải tọa độ phẳng (mét).',
        en: 'This pair is neither geographic (degrees) nor projected (metres) coordinates.',
      }
    case 'zone-needed':
      return {
        vi: 'Đây là tọa độ phẳng (mét): chọn tỉnh để biết múi chiếu VN-2000.',
        en: 'These are projected coordinates (metres): choose the province to know the VN-2000 zone.',
      }
    case 'ambiguous':
      return {
        vi:
          `Cả hai thứ tự X, Y đều rơi vào Việt Nam trong ${zone ? zoneVi(zone) : 'múi này'}: ` +
          'hãy nhập rõ X (hướng Bắc) và Y (hướng Đông).',
        en:
          `Both orders land in Vietnam in ${zone ? zoneEn(zone) : 'this zone'}: ` +
          'enter X (northing) and Y (easting) explicitly.',
      }
    case 'outside':
      return {
        vi:
          `Theo thứ tự nào điểm này cũng nằm ngoài Việt Nam${zone ? ` (${zoneVi(zone)})` : ''}: ` +
          'kiểm tra lại các số và tỉnh.',
        en:
          `Read either way, this point is outside Vietnam${zone ? ` (${zoneEn(zone)})` : ''}: ` +
          'check the numbers and the province.',
      }
  }
}

/** Warns that plane coordinates placed through a province's zone land outside it: probably another zone's numbers. */
export function explainOtherZone(zone: ZoneLabel): Explanation {
  return {
    vi:
      `Theo ${zoneVi(zone)}, điểm này nằm ngoài ${zone.provinceName}: ` +
      'có thể X, Y được đo theo múi chiếu của tỉnh khác. ' +
      'Kiểm tra lại tỉnh (múi chiếu) của số liệu.',
    en:
      `Read in the ${zoneEn(zone)}, this point lies outside ${zone.provinceName}: ` +
      "the X, Y may be in another province's zone. " +
      'Check which province (zone) the numbers were surveyed in.',
  }
}
