/** The time zone of Vietnam: "today" for a deadline, a report period or a default date is a Vietnamese day. */
export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh'

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** Today's date in Vietnam as YYYY-MM-DD (between 17:00 and 24:00 UTC it is already tomorrow there). */
export function vietnamToday(now = new Date()): string {
  return dayFormat.format(now)
}
