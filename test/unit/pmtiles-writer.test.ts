import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { PbfReader } from 'pbf'
import { VectorTile } from '@mapbox/vector-tile'
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles'
import { writePmtiles, type ArchiveTile } from '../helpers/pmtiles-writer'
import { STREET_ARCHIVE_MAX_ZOOM, streetArchive, tileCentre } from '../helpers/street-archive'

/** The archive as the pmtiles library reads it: byte ranges of an in-memory buffer. */
function reader(bytes: Uint8Array): PMTiles {
  const source: Source = {
    getKey: () => 'memory',
    async getBytes(offset: number, length: number): Promise<RangeResponse> {
      return { data: bytes.slice(offset, offset + length).buffer }
    },
  }
  return new PMTiles(source)
}

const BOUNDS: [number, number, number, number] = [106.6, 10.7, 106.8, 10.9]
const CENTER = { lon: 106.7, lat: 10.8, zoom: 14 }

describe('the test PMTiles writer, read back by the pmtiles library', () => {
  it('writes a v3 header with the zoom range, bounds, centre and tile type', async () => {
    const tiles = [
      { z: 3, x: 6, y: 3, data: Uint8Array.of(1, 2) },
      { z: 9, x: 407, y: 242, data: Uint8Array.of(3) },
    ]
    const header = await reader(
      writePmtiles(tiles, { tileType: TileType.Png, bounds: BOUNDS, center: CENTER }),
    ).getHeader()
    expect(header).toMatchObject({
      specVersion: 3,
      minZoom: 3,
      maxZoom: 9,
      tileType: TileType.Png,
      numAddressedTiles: 2,
      clustered: true,
    })
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual(BOUNDS)
    expect([header.centerLon, header.centerLat, header.centerZoom]).toEqual([106.7, 10.8, 14])
  })

  it('keeps the metadata as JSON', async () => {
    const archive = writePmtiles([{ z: 0, x: 0, y: 0, data: Uint8Array.of(7) }], {
      tileType: 1,
      bounds: BOUNDS,
      center: CENTER,
      metadata: { name: 'đường phố' },
    })
    expect(await reader(archive).getMetadata()).toEqual({ name: 'đường phố' })
  })

  it('answers every written tile with its own bytes and nothing for a tile it does not hold', async () => {
    const tileArb = fc.integer({ min: 0, max: 16 }).chain((z) =>
      fc.record({
        z: fc.constant(z),
        x: fc.integer({ min: 0, max: 2 ** z - 1 }),
        y: fc.integer({ min: 0, max: 2 ** z - 1 }),
        data: fc.uint8Array({ minLength: 1, maxLength: 300 }),
      }),
    )
    const unique = fc.uniqueArray(tileArb, { minLength: 1, maxLength: 60, selector: (t) => `${t.z}/${t.x}/${t.y}` })
    await fc.assert(
      fc.asyncProperty(unique, async (tiles: ArchiveTile[]) => {
        const archive = reader(writePmtiles(tiles, { tileType: 1, bounds: BOUNDS, center: CENTER }))
        for (const t of tiles) expect(new Uint8Array((await archive.getZxy(t.z, t.x, t.y))!.data)).toEqual(t.data)
        // the tiles go up to zoom 16, so none is at 17
        expect(await archive.getZxy(17, 0, 0)).toBeUndefined()
      }),
      { numRuns: 40 },
    )
  })

  it('refuses the same tile twice', () => {
    const tile = { z: 1, x: 1, y: 1, data: Uint8Array.of(1) }
    expect(() => writePmtiles([tile, tile], { tileType: 1, bounds: BOUNDS, center: CENTER })).toThrow(/twice/)
  })
})

describe('the street archive built for the basemap tests', () => {
  it('holds Protomaps-schema tiles with named streets, water and earth at its deepest zoom', async () => {
    const [x, y] = [26096, 15396]
    const center = tileCentre(15, x, y)
    const archive = reader(streetArchive(center))
    const header = await archive.getHeader()
    expect([header.minZoom, header.maxZoom, header.tileType]).toEqual([0, STREET_ARCHIVE_MAX_ZOOM, TileType.Mvt])
    const tile = new VectorTile(new PbfReader(new Uint8Array((await archive.getZxy(15, x, y))!.data)))
    expect(Object.keys(tile.layers).sort()).toEqual(['earth', 'places', 'roads', 'water'])
    const roads = tile.layers.roads!
    const names = Array.from({ length: roads.length }, (_, i) => roads.feature(i).properties.name)
    expect(names.length).toBeGreaterThan(4)
    expect(names).toContain('Đường số 5')
    expect(roads.feature(0).type).toBe(2)
  })
})
