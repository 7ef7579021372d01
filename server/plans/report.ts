// The per-feature report of an upload: what was refused and why, and what was changed on the way in (rewound,
// Z dropped, rounded). Answered with a refusal and kept with an accepted version; downloadable as CSV.
import { csvDocument } from '../http/csv'

/** One feature's errors (refusing the version) and warnings (changes made to it). */
export interface FeatureReport {
  index: number
  label: string
  errors: string[]
  warnings: string[]
}

/** The report as CSV: one line per message, feature index first (0-based, as in the file's feature list). */
export function reportCsv(report: readonly FeatureReport[]): string {
  const lines = report.flatMap((r) => [
    ...r.errors.map((m) => [r.index, r.label, 'error', m]),
    ...r.warnings.map((m) => [r.index, r.label, 'warning', m]),
  ])
  return csvDocument([['feature', 'label', 'level', 'message'], ...lines])
}
