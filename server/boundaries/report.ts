import { formatNumber } from '../../shared/format'
import type { ImportReport } from './import'

/** The import report as text for a terminal: outcome first, then each rejection and each repair. */
export function formatReport(report: ImportReport): string {
  const scope = report.provinceCode ? ` of province ${report.provinceCode}` : ''
  const lines = [
    `Boundary import: ${report.fileName} — ${report.featureCount} ${report.level} feature(s)${scope}, ` +
      `valid from ${report.validFrom}`,
  ]
  if (report.status === 'rejected') {
    lines.push('REJECTED — nothing was written.')
    if (report.fileError) lines.push(`  ${report.fileError}`)
    for (const r of report.rejected) {
      lines.push(`  feature ${r.index} (code ${r.code ?? '—'}, ${r.name ?? 'no name'}):`)
      for (const reason of r.reasons) lines.push(`    - ${reason}`)
    }
    if (report.features.length === 0) return lines.join('\n')
  } else if (report.status === 'dry-run') {
    lines.push(
      `DRY RUN — nothing was written. Would insert ${report.features.length} and end ${report.closed.length} ` +
        'current version(s).',
    )
  } else {
    lines.push(
      `IMPORTED as import #${report.importId}: inserted ${report.inserted}, ` +
        `ended ${report.closed.length} current version(s).`,
    )
  }
  const repaired = report.features.filter((f) => f.repairs.length > 0)
  lines.push(`Repairs: ${repaired.length} of ${report.features.length} feature(s).`)
  for (const f of repaired) {
    lines.push(
      `  feature ${f.index} (code ${f.code}, ${f.name}), area change ${formatNumber(f.areaChangeM2, 'vi', 1)} m²:`,
    )
    for (const repair of f.repairs) lines.push(`    - ${repair}`)
  }
  if (report.superseded.length > 0) {
    const verb = report.status === 'dry-run' ? 'Would replace' : 'Replaced'
    const names = report.superseded.map((c) => `${c.code} ${c.name}`).join(', ')
    lines.push(`${verb} ${report.superseded.length} demo or derived version(s): ${names}`)
  }
  if (report.outlineDerived) {
    lines.push('Province outline: the union of these districts (no real province outline is loaded).')
  }
  if (report.moved) {
    const m = report.moved
    lines.push(
      `Moved to the units now in force: ${m.stations} stations changed district, ${m.poles} poles changed district, ` +
        `${m.conversionItems} conversion items changed district, ${m.routes} routes re-split by district.`,
    )
  }
  for (const note of report.notes) lines.push(`Note: ${note}`)
  if (report.closed.length > 0) {
    const ended = report.closed.map((c) => `${c.code} ${c.name}`).join(', ')
    lines.push(`${report.status === 'dry-run' ? 'Would end' : 'Ended'} on ${report.validFrom}: ${ended}`)
  }
  return lines.join('\n')
}
