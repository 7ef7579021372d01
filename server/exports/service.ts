// One export module for every layer and list: a layer (exports/sql.ts) and the rows its list's scope and filters
// select, written in the format asked (exports/writers.ts), with VN-2000 columns on request.
import type { Response } from 'express'
import type { Queryable, Row } from '../db/index'
import { requireZoneCrs } from '../coords/service'
import { exportPage, type GeometryAs, type LayerSql, type Where } from './sql'
import {
  type ExportJob,
  FORMAT_FILES,
  type Format,
  geoPackage,
  kml,
  PAGE_ROWS,
  shapefileZip,
  type Sink,
  writeCsv,
  writeGeoJson,
  writeXlsx,
} from './writers'

/** What to export: the layer, which rows (scope and filters), whether VN-2000 columns are wanted, its title. */
export interface ExportRequest {
  layer: LayerSql
  where: Where
  vn2000: boolean
  title: string
  /** The file name without extension. */
  file: string
}

/** The rows of `layer` under `where`, one keyset page at a time (never more than PAGE_ROWS rows held). */
async function* pagesOf(q: Queryable, layer: LayerSql, where: Where, as: GeometryAs, srid: number | null) {
  const sql = exportPage(layer, where, as, srid)
  let after = 0
  for (;;) {
    const rows = await q.many<Row>(sql, [...where.params, after, PAGE_ROWS])
    if (rows.length > 0) yield rows
    if (rows.length < PAGE_ROWS) return
    after = Number(rows[rows.length - 1]!.id)
  }
}

/** The job a writer runs: pages from the database, and the province's zone when VN-2000 columns are asked. */
export async function exportJob(q: Queryable, provinceCode: string, r: ExportRequest): Promise<ExportJob> {
  const crs = r.vn2000 ? await requireZoneCrs(q, provinceCode) : null
  return {
    layer: r.layer,
    crs,
    title: r.title,
    pages: (as) => pagesOf(q, r.layer, r.where, as, crs ? crs.zone.srid : null),
  }
}

/** A sink over the response that waits for 'drain' when the client reads slower than we write. */
function sinkOf(res: Response): Sink {
  return {
    stream: res,
    write: (chunk) =>
      new Promise<void>((resolve, reject) => {
        if (res.destroyed) return reject(new Error('The client went away.'))
        if (res.write(chunk)) resolve()
        else {
          const done = () => {
            res.off('close', gone)
            resolve()
          }
          const gone = () => {
            res.off('drain', done)
            reject(new Error('The client went away.'))
          }
          res.once('drain', done)
          res.once('close', gone)
        }
      }),
  }
}

/**
 * Writes the export as the answer. Formats built in memory are finished before anything is sent (a failure is
 * a problem+json answer); streamed ones start at once, and a failure after the first bytes cuts the connection
 * (a truncated file is never delivered as complete).
 */
export async function sendExport(
  res: Response,
  q: Queryable,
  provinceCode: string,
  r: ExportRequest,
  format: Format,
): Promise<void> {
  const job = await exportJob(q, provinceCode, r)
  const file = FORMAT_FILES[format]
  const head = () =>
    res.type(file.type).setHeader('Content-Disposition', `attachment; filename="${r.file}.${file.ext}"`)
  if (format === 'kml' || format === 'shp' || format === 'gpkg') {
    const body = format === 'kml' ? await kml(job) : format === 'shp' ? await shapefileZip(job) : await geoPackage(job)
    head().send(body)
    return
  }
  head().status(200)
  try {
    if (format === 'xlsx') await writeXlsx(job, sinkOf(res))
    else {
      await (format === 'csv' ? writeCsv : writeGeoJson)(job, sinkOf(res))
      res.end()
    }
  } catch (err) {
    if (!res.headersSent) throw err
    res.destroy(err as Error)
  }
}
