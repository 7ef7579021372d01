import fs from 'node:fs/promises'
import type { Config } from '../config'

/** Where the client fetches the served archive from (same origin, so it works with no network). */
export const ARCHIVE_PATH = '/basemap/archive.pmtiles'

/** A street basemap: a PMTiles archive this server serves, or an online MapLibre style. */
export type StreetBasemap = { kind: 'pmtiles'; url: string } | { kind: 'style'; url: string }

/** Why an admin should look at the basemap settings: nothing set, or an archive that cannot be read. */
export type BasemapNotice = 'unconfigured' | 'archive-unreadable' | null

export interface BasemapSettings {
  street: StreetBasemap | null
  imagery: { tiles: string; attribution: string | null } | null
  notice: BasemapNotice
}

const MAGIC = 'PMTiles'
const SPEC_VERSION = 3

/** True when the file starts with a PMTiles v3 header (the first 8 bytes: magic and version). */
export async function isPmtilesV3(file: string): Promise<boolean> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(file, 'r')
    const head = Buffer.alloc(8)
    const { bytesRead } = await handle.read(head, 0, 8, 0)
    return bytesRead === 8 && head.toString('latin1', 0, 7) === MAGIC && head[7] === SPEC_VERSION
  } catch {
    return false
  } finally {
    await handle?.close()
  }
}

/**
 * What the map may draw under the app's layers. A readable archive wins over a style URL: it is the one
 * that works offline. An unreadable archive falls back to the style URL, and says so to the admin.
 */
export async function basemapSettings(config: Config): Promise<BasemapSettings> {
  const archiveOk = config.basemapPmtiles ? await isPmtilesV3(config.basemapPmtiles) : false
  const imagery = config.basemapImageryUrl
    ? { tiles: config.basemapImageryUrl, attribution: config.basemapImageryAttribution ?? null }
    : null
  let street: StreetBasemap | null = null
  if (archiveOk) street = { kind: 'pmtiles', url: ARCHIVE_PATH }
  else if (config.basemapStyleUrl) street = { kind: 'style', url: config.basemapStyleUrl }
  let notice: BasemapNotice = null
  if (config.basemapPmtiles && !archiveOk) notice = 'archive-unreadable'
  else if (!street) notice = 'unconfigured'
  return { street, imagery, notice }
}
