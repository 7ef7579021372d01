import type { ReactNode } from 'react'
import { navigate } from '../app/router'
import { useI18n, type MessageKey } from '../i18n'
import type { Status } from './api'

/** An in-app link (no page reload) for the figures that open the list behind them. */
export function AppLink({
  href,
  children,
  className,
  testId,
}: {
  href: string
  children: ReactNode
  className?: string
  testId?: string
}) {
  return (
    <a
      href={href}
      className={className}
      data-testid={testId}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
        e.preventDefault()
        navigate(href)
      }}
    >
      {children}
    </a>
  )
}

/** The map and chip colour of each status. */
export const STATUS_COLOURS: Record<Status, string> = {
  planned: '#98a2b3',
  in_progress: '#2e90fa',
  reported: '#f79009',
  returned: '#d92d20',
  verified: '#12b76a',
}

/** A status as a coloured chip. */
export function StatusChip({ status }: { status: Status }) {
  const { t } = useI18n()
  return (
    <span className="conv-status" data-status={status}>
      <i style={{ background: STATUS_COLOURS[status] }} />
      {t(`conv.status.${status}` as MessageKey)}
    </span>
  )
}
