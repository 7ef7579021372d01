// The exact CRS of a province's VN-2000 TM-3 coordinates, written for GIS tools. A bare EPSG code (9210…) is not
// enough: GDAL and QGIS resolve it with another VN-2000 → WGS84 operation and land 0,79–0,81 m away. The WKT and
// the PROJ string both carry the pinned TOWGS84 that the database applies.

/** A zone's CRS as PROJ and GDAL read it. */
export interface ZoneCrs {
  /** The PROJ string PostGIS applies (with +towgs84). */
  proj: string
  /** WKT1 with TOWGS84: the content of a .prj file beside a CSV or Shapefile. */
  wkt: string
  /** A short name for people, e.g. "VN-2000 / TM-3 105°45′ (TOWGS84 pinned)". */
  name: string
}

/** 105.75 → "105-45" (ASCII, for names inside WKT). */
const meridianAscii = (m: number) => `${Math.trunc(m)}-${String(Math.round((m % 1) * 60)).padStart(2, '0')}`

/** WKT1 of a VN-2000 3° TM zone with the given central meridian and TOWGS84 (7 parameters, PROJ's signs). */
export function zoneWkt(centralMeridian: number, towgs84: readonly number[]): string {
  if (towgs84.length !== 7 || !towgs84.every(Number.isFinite)) throw new Error('TOWGS84 needs 7 finite parameters')
  return (
    `PROJCS["VN-2000 / TM-3 ${meridianAscii(centralMeridian)}",` +
    `GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563],TOWGS84[${towgs84.join(',')}]],` +
    'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],' +
    'PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],' +
    `PARAMETER["central_meridian",${centralMeridian}],PARAMETER["scale_factor",0.9999],` +
    'PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]'
  )
}
