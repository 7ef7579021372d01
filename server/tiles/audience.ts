import type { SessionUser } from '../http/context'

/** Who is asking: the public, the regulator's staff, or one carrier. */
export type Audience = { kind: 'public' } | { kind: 'staff' } | { kind: 'carrier'; carrierId: number }

/** The audience of a user (no user: the public; a carrier account without a carrier sees what the public sees). */
export function audienceOf(user: SessionUser | undefined): Audience {
  if (!user) return { kind: 'public' }
  if (user.role === 'carrier')
    return user.carrierId === null ? { kind: 'public' } : { kind: 'carrier', carrierId: user.carrierId }
  return { kind: 'staff' }
}
