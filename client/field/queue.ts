// The sync queue's rules, pure: the state of each record made on the device, what moves it, when it is due
// again, and how long to wait after a failure. store.ts keeps the records, sync.ts runs the requests.

/** A record's place in the queue, as the inspector sees it. */
export type QueueState = 'waiting' | 'sending' | 'done' | 'failed' | 'conflict'

export const QUEUE_STATES: readonly QueueState[] = ['waiting', 'sending', 'done', 'failed', 'conflict']

/** What the server said when it refused a result because the asset changed since the inspector saw it. */
export interface Conflict {
  /** The asset's version now. */
  have: number
  /** The version the inspector recorded against. */
  sent: number
  /** The asset as the server has it now. */
  current: Record<string, unknown>
}

/** The queue's part of a record. */
export interface QueueEntry {
  state: QueueState
  /** Failed attempts since the last success or manual retry. */
  attempts: number
  /** When an automatic retry is due (ms since the epoch); null when none will happen by itself. */
  nextAttemptAt: number | null
  /** The last failure's text (a problem's detail or a network error). */
  error: string | null
  conflict: Conflict | null
  /** Set once the inspector chose to record against the changed asset. */
  acceptChanged: boolean
}

export type QueueEvent =
  | { type: 'send' }
  | { type: 'sent' }
  | { type: 'networkError'; message: string }
  | { type: 'refused'; message: string }
  | { type: 'conflict'; conflict: Conflict }
  | { type: 'retry' }
  | { type: 'rerecord' }
  | { type: 'interrupted' }

/** The first entry of a record saved on the device. */
export const newEntry = (): QueueEntry => ({
  state: 'waiting',
  attempts: 0,
  nextAttemptAt: null,
  error: null,
  conflict: null,
  acceptChanged: false,
})

export const BACKOFF_BASE_MS = 2_000
export const BACKOFF_MAX_MS = 5 * 60_000

/**
 * The wait before automatic retry number `attempt` (1 = after the first failure): doubling from 2 s, at most
 * 5 min, spread by ±25 % (`random` in [0, 1)) so that many phones coming back at once do not retry in step.
 */
export function backoffMs(attempt: number, random: number = Math.random()): number {
  const n = Math.max(1, Math.floor(attempt))
  const plain = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(n - 1, 30))
  return Math.round(Math.min(BACKOFF_MAX_MS, plain * (0.75 + 0.5 * random)))
}

/** Thrown for an event the record's state does not accept (a bug in the caller, never shown to a user). */
export class QueueTransitionError extends Error {}

const FROM: Record<QueueEvent['type'], readonly QueueState[]> = {
  send: ['waiting', 'failed'],
  sent: ['sending'],
  networkError: ['sending'],
  refused: ['sending'],
  conflict: ['sending'],
  retry: ['failed'],
  rerecord: ['conflict'],
  interrupted: ['sending'],
}

/**
 * The entry after an event. A network failure retries by itself after a backoff; a refusal (the server said
 * no, e.g. 403 or 422) waits for the inspector; a conflict waits for the inspector's choice to record again
 * against the asset as it is now (never sent over it silently); `interrupted` is a send cut off by a closed
 * page, found on the next start: it is sent again (the server answers a replay with the same record).
 */
export function step(entry: QueueEntry, event: QueueEvent, now: number, random?: number): QueueEntry {
  if (!FROM[event.type].includes(entry.state))
    throw new QueueTransitionError(`${event.type} is not allowed in state ${entry.state}`)
  switch (event.type) {
    case 'send':
      return { ...entry, state: 'sending', nextAttemptAt: null }
    case 'sent':
      return { ...entry, state: 'done', attempts: 0, nextAttemptAt: null, error: null, conflict: null }
    case 'networkError': {
      const attempts = entry.attempts + 1
      return {
        ...entry,
        state: 'failed',
        attempts,
        nextAttemptAt: now + backoffMs(attempts, random),
        error: event.message,
      }
    }
    case 'refused':
      return { ...entry, state: 'failed', attempts: entry.attempts + 1, nextAttemptAt: null, error: event.message }
    case 'conflict':
      return { ...entry, state: 'conflict', nextAttemptAt: null, error: null, conflict: event.conflict }
    case 'retry':
      return { ...entry, state: 'waiting', attempts: 0, nextAttemptAt: null, error: null }
    case 'rerecord':
      return { ...entry, state: 'waiting', attempts: 0, nextAttemptAt: null, acceptChanged: true }
    case 'interrupted':
      return { ...entry, state: 'waiting', nextAttemptAt: null }
  }
}

/** Whether the sync run should send this record now: waiting, or failed with its retry due. */
export function isDue(entry: QueueEntry, now: number): boolean {
  if (entry.state === 'waiting') return true
  return entry.state === 'failed' && entry.nextAttemptAt !== null && entry.nextAttemptAt <= now
}

/** The earliest automatic retry among some entries, or null. */
export function nextRetryAt(entries: readonly QueueEntry[]): number | null {
  const times = entries.flatMap((e) => (e.state === 'failed' && e.nextAttemptAt !== null ? [e.nextAttemptAt] : []))
  return times.length > 0 ? Math.min(...times) : null
}
