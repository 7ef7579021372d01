import type { notificationsVi } from './messages.vi'

/** English text of the notification bell; spread into i18n/en.ts. */
export const notificationsEn: Record<keyof typeof notificationsVi, string> = {
  'notif.title': 'Notifications',
  'notif.label': 'Notifications, {n} unread',
  'notif.empty': 'No notifications.',
}
