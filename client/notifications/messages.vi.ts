/** Vietnamese text of the notification bell; spread into i18n/vi.ts. */
export const notificationsVi = {
  'notif.title': 'Thông báo',
  'notif.label': 'Thông báo, {n} chưa đọc',
  'notif.empty': 'Không có thông báo.',
} as const
