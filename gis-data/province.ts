import type { Queryable } from '../server/db/index'
import { rng } from './random'
import * as sql from './sql'

/** The demo province: generated shapes with Hồ Chí Minh City's post-2021 district names and GSO codes. */
export const DEMO_PROVINCE = { code: '79', name: 'Thành phố Hồ Chí Minh (demo)', center: [106.66, 10.8] as const }

// Each district's seed: bearing (degrees, counter-clockwise from east) and distance (degrees) from the centre,
// roughly where the real district lies, so the demo map reads like the city: Củ Chi north-west, Cần Giờ south-east.
const DISTRICTS: [code: string, name: string, bearing: number, distance: number][] = [
  ['760', 'Quận 1', 10, 0.035],
  ['770', 'Quận 3', 80, 0.02],
  ['773', 'Quận 4', -40, 0.04],
  ['774', 'Quận 5', 220, 0.025],
  ['771', 'Quận 10', 150, 0.02],
  ['768', 'Quận Phú Nhuận', 70, 0.045],
  ['772', 'Quận 11', 185, 0.045],
  ['775', 'Quận 6', 215, 0.06],
  ['765', 'Quận Bình Thạnh', 40, 0.065],
  ['766', 'Quận Tân Bình', 120, 0.055],
  ['767', 'Quận Tân Phú', 160, 0.075],
  ['776', 'Quận 8', 255, 0.06],
  ['778', 'Quận 7', -60, 0.07],
  ['764', 'Quận Gò Vấp', 90, 0.09],
  ['777', 'Quận Bình Tân', 195, 0.1],
  ['761', 'Quận 12', 105, 0.14],
  ['769', 'Thành phố Thủ Đức', 20, 0.15],
  ['786', 'Huyện Nhà Bè', -75, 0.14],
  ['785', 'Huyện Bình Chánh', 225, 0.16],
  ['784', 'Huyện Hóc Môn', 135, 0.2],
  ['783', 'Huyện Củ Chi', 125, 0.32],
  ['787', 'Huyện Cần Giờ', -55, 0.3],
]
export const DEMO_VALID_FROM = '2021-01-01'

function outlineWkt(random: () => number): string {
  const [cx, cy] = DEMO_PROVINCE.center
  const ring: string[] = []
  for (let i = 0; i < 64; i++) {
    const a = (i / 64) * 2 * Math.PI
    // An elongated north-west/south-east shape, like the real city stretching from Củ Chi to Cần Giờ.
    const r = 0.22 + 0.03 * Math.sin(3 * a) + 0.02 * (random() - 0.5)
    // Stretched along the north-west/south-east axis, the way the city runs from Củ Chi to Cần Giờ.
    const along = Math.cos(a - (3 * Math.PI) / 4) * 1.9
    const across = Math.sin(a - (3 * Math.PI) / 4) * 0.8
    const x = cx + r * (along * Math.cos((3 * Math.PI) / 4) - across * Math.sin((3 * Math.PI) / 4))
    const y = cy + r * (along * Math.sin((3 * Math.PI) / 4) + across * Math.cos((3 * Math.PI) / 4))
    ring.push(`${x.toFixed(6)} ${y.toFixed(6)}`)
  }
  ring.push(ring[0]!)
  return `POLYGON((${ring.join(',')}))`
}

function seeds(random: () => number): [number, number][] {
  const [cx, cy] = DEMO_PROVINCE.center
  return DISTRICTS.map(([, , bearing, distance]) => {
    const a = ((bearing + (random() - 0.5) * 8) * Math.PI) / 180
    const r = distance * (0.95 + random() * 0.1)
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)]
  })
}

/**
 * Writes the demo province and its districts (a Voronoi partition of a generated outline, so that
 * districts tile the province with no gap or overlap). Deterministic for a seed.
 */
export async function generateProvince(
  q: Queryable,
  provinceCode: string,
  seed: number,
): Promise<{ districts: number }> {
  const random = rng(seed)
  const outline = outlineWkt(random)
  const points = seeds(random)
  await q.exec(sql.INSERT_DEMO_PROVINCE, [provinceCode, DEMO_PROVINCE.name, outline, DEMO_VALID_FROM])
  const inserted = await q.exec(sql.INSERT_DEMO_DISTRICTS, [
    points.map((p) => p[0]),
    points.map((p) => p[1]),
    DISTRICTS.map((d) => d[0]),
    DISTRICTS.map((d) => d[1]),
    outline,
    provinceCode,
    DEMO_VALID_FROM,
  ])
  // The province is the union of its districts, so that a point is in the province exactly when it is in a district.
  await q.exec(sql.PROVINCE_AS_UNION_OF_DISTRICTS, [provinceCode, DEMO_VALID_FROM])
  return { districts: inserted }
}
