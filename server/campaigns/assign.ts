/**
 * Which inspector takes each district's assets: the districts, largest first, each go whole to the inspector with
 * the fewest assets so far (the first listed on a tie), so one inspector visits a district's assets together and
 * the loads stay even. Assets outside every district (`null`) form one group of their own.
 */
export function assignByDistrict(
  assets: readonly { districtCode: string | null }[],
  inspectorIds: readonly number[],
): Map<string | null, number> {
  const sizes = new Map<string | null, number>()
  for (const a of assets) sizes.set(a.districtCode, (sizes.get(a.districtCode) ?? 0) + 1)
  const groups = [...sizes].sort((x, y) => y[1] - x[1] || String(x[0] ?? '~').localeCompare(String(y[0] ?? '~')))
  const load = inspectorIds.map(() => 0)
  const out = new Map<string | null, number>()
  for (const [district, n] of groups) {
    const least = load.indexOf(Math.min(...load))
    load[least]! += n
    out.set(district, inspectorIds[least]!)
  }
  return out
}
