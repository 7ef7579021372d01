// RFC 7946 §3.1.6 winding: exterior rings counter-clockwise, holes clockwise. Parsers must not reject a polygon
// wound the other way, so the import rewinds it and says so. Pure; positions are lon/lat as the gate answers them.
import type { Geometry, Position } from './gate'

/** Twice the signed planar area of a ring: positive when it runs counter-clockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = ring[i - 1]!
    const [x1, y1] = ring[i]!
    sum += (x1 - x0) * (y1 + y0)
  }
  return -sum
}

function rewindRings(rings: Position[][]): { rings: Position[][]; changed: boolean } {
  let changed = false
  const out = rings.map((ring, i) => {
    const area = signedArea(ring)
    const wrong = i === 0 ? area < 0 : area > 0
    if (!wrong) return ring
    changed = true
    return [...ring].reverse()
  })
  return { rings: out, changed }
}

/** The geometry with its polygons wound as RFC 7946 says, and whether any ring had to be reversed. */
export function rewind(geometry: Geometry): { geometry: Geometry; rewound: boolean } {
  if (geometry.type === 'Polygon') {
    const { rings, changed } = rewindRings(geometry.coordinates)
    return { geometry: { type: 'Polygon', coordinates: rings }, rewound: changed }
  }
  if (geometry.type === 'MultiPolygon') {
    let rewound = false
    const coordinates = geometry.coordinates.map((polygon) => {
      const { rings, changed } = rewindRings(polygon)
      rewound ||= changed
      return rings
    })
    return { geometry: { type: 'MultiPolygon', coordinates }, rewound }
  }
  return { geometry, rewound: false }
}

/** The warning a rewound polygon carries in an import report. */
export const REWOUND =
  'the polygon was rewound: exterior rings counter-clockwise, holes clockwise (RFC 7946 §3.1.6, right-hand rule)'
