/** "Today" on the client is a Vietnamese day, whatever the device's time zone (the server's rule: server/time.ts). */
export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh'

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** Today's date in Vietnam as YYYY-MM-DD, the value of a date input (before 07:00 there the UTC date is yesterday). */
export function vietnamToday(now: Date = new Date()): string {
  return dayFormat.format(now)
}

/** The current quarter (1–4) of the Vietnamese calendar year. */
export function vietnamQuarter(now: Date = new Date()): number {
  return Math.floor((Number(vietnamToday(now).slice(5, 7)) - 1) / 3) + 1
}
