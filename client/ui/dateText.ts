/** A calendar date as people in Vietnam write it (dd/mm/yyyy) and back; pure, so it is tested without a browser. */

const pad = (n: number) => String(n).padStart(2, '0')

/** YYYY-MM-DD as dd/mm/yyyy; anything else unchanged (an empty value stays empty). */
export function toDmy(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso
}

/**
 * The date a person typed, as YYYY-MM-DD: day, month and four-digit year separated by "/", "-", "." or spaces
 * (1/2/2024, 01-02-2024), or already YYYY-MM-DD; null when it is not a date that exists.
 */
export function fromDmy(text: string): string | null {
  const t = text.trim()
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t)
  const dmy = /^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d{4})$/.exec(t)
  const [y, mo, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [0, 0, 0]
  if (!y) return null
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return `${y}-${pad(mo)}-${pad(d)}`
}
