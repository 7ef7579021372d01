import { useI18n } from '../i18n'
import { formatCount, formatNumber } from '../i18n/format'
import type { UploadProgress } from './api'

/**
 * Where an upload is, as a progress bar and a sentence: the bytes going out, then the server reading the file,
 * validating its features (N of M, with the errors and warnings found so far) and storing the version.
 */
export function UploadProgressBar({ progress }: { progress: UploadProgress }) {
  const { t, lang } = useI18n()
  const count = (n: number) => formatCount(n, lang)
  let bar: { max: number; value?: number }
  let text: string
  switch (progress.phase) {
    case 'sending':
      bar = { max: 1, value: progress.sent < 1 ? progress.sent : undefined }
      text =
        progress.sent < 1
          ? t('pl.upload.sending', { pct: `${formatNumber(progress.sent * 100, lang, 0)} %` })
          : t('pl.upload.reading')
      break
    case 'validating':
      bar = { max: Math.max(progress.total, 1), value: progress.done }
      text = t('pl.upload.validating', {
        done: count(progress.done),
        total: count(progress.total),
        errors: count(progress.errors),
        warnings: count(progress.warnings),
      })
      break
    case 'storing':
      bar = { max: 1 }
      text = t('pl.upload.storing', { total: count(progress.total) })
      break
    default:
      bar = { max: 1 }
      text = t('pl.upload.reading')
  }
  return (
    <div role="status" className="pl-upload-progress" data-phase={progress.phase}>
      <progress {...bar} data-testid="plan-upload-progress" />
      <span>{text}</span>
    </div>
  )
}
