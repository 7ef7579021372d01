/** The notifications API calls the bell makes. */
import { http } from '../api/http'

/** A notification about a workflow step; `entity` and `entityId` name the record it is about. */
export interface Notification {
  id: number
  entity: string
  entityId: string
  kind: string
  messageVi: string
  messageEn: string
  createdAt: string
  read: boolean
}

export const notificationsApi = {
  list: (signal?: AbortSignal) =>
    http.get<{ items: Notification[]; unread: number }>('/api/notifications', { limit: 30 }, signal),
  markRead: (id: number) => http.post<void>(`/api/notifications/${id}/read`),
}
