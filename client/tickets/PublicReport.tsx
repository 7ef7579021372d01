import { useState } from 'react'
import { navigate } from '../app/router'
import { useI18n, type MessageKey } from '../i18n'
import { formatDateTime } from '../i18n/format'
import { useErrorText } from '../ui/status'
import { lookupHref, ticketsApi, type Receipt, type ReportInput } from './api'
import { ReportForm } from './ReportForm'

/** The receipt: the number and code to keep, the deadline, and the way to the lookup. */
export function ReceiptCard({
  receipt,
  photoError,
  again,
}: {
  receipt: Receipt
  photoError: string | null
  again?: () => void
}) {
  const { t, lang } = useI18n()
  const href = lookupHref(receipt.number, receipt.checkCode)
  return (
    <section className="page tk-receipt" aria-live="polite" data-testid="ticket-receipt">
      <h1>{t('tk.receipt.title')}</h1>
      <dl className="tk-facts">
        <dt>{t('tk.receipt.number')}</dt>
        <dd className="tk-big" data-testid="ticket-number">
          {receipt.number}
        </dd>
        <dt>{t('tk.receipt.code')}</dt>
        <dd className="tk-big" data-testid="ticket-code">
          {receipt.checkCode}
        </dd>
        <dt>{t('tk.category')}</dt>
        <dd>{t(`tk.category.${receipt.category}` as MessageKey)}</dd>
        {receipt.districtName && (
          <>
            <dt>{t('tk.district')}</dt>
            <dd>{receipt.districtName}</dd>
          </>
        )}
        <dt>{t('tk.receipt.due')}</dt>
        <dd>{formatDateTime(receipt.dueAt, lang)}</dd>
      </dl>
      <p className="hint">{t('tk.receipt.keep')}</p>
      {photoError && (
        <p className="field-error" role="alert">
          {t('tk.receipt.photoFailed', { error: photoError })}
        </p>
      )}
      <div className="tk-actions">
        <a
          className="btn btn-primary"
          href={href}
          onClick={(e) => {
            e.preventDefault()
            navigate(href)
          }}
          data-testid="ticket-lookup-link"
        >
          {t('tk.receipt.lookup')}
        </a>
        {again && (
          <button type="button" className="btn btn-secondary" onClick={again}>
            {t('tk.receipt.another')}
          </button>
        )}
      </div>
    </section>
  )
}

/** "Gửi phản ánh": the public form; the photo follows the report, by its number and code. */
export default function PublicReport() {
  const errorText = useErrorText()
  const [photoError, setPhotoError] = useState<string | null>(null)
  const [round, setRound] = useState(0)
  async function send(input: ReportInput, photo: File | null): Promise<Receipt> {
    const receipt = await ticketsApi.report(input)
    setPhotoError(null)
    if (photo) {
      try {
        await ticketsApi.publicPhoto(receipt.number, receipt.checkCode, photo)
      } catch (err) {
        setPhotoError(errorText(err))
      }
    }
    return receipt
  }
  return (
    <ReportForm
      key={round}
      mode="public"
      send={send}
      done={(receipt) => <ReceiptCard receipt={receipt} photoError={photoError} again={() => setRound((n) => n + 1)} />}
    />
  )
}
