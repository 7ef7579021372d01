// What sign-out forgets on this device: the service worker's copies of API answers and tiles, and the
// assignments and checklists the field mode kept. Drafts not yet sent stay (they are their owner's work and
// show only to that user when they sign in again).
import { forgetOfflineCopies } from './offline'
import { forgetLoaded } from './store'

export async function forgetOnSignOut(): Promise<void> {
  await Promise.allSettled([forgetOfflineCopies(), forgetLoaded()])
}
