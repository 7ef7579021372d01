import { useState, type FormEvent, type ReactNode } from 'react'
import { useI18n } from '../i18n'
import { parseNumber } from '../i18n/format'
import { vietnamToday } from '../time'
import { ErrorMessage } from '../ui/status'
import { api, type ItemDetail } from './api'
import { DateInput } from '../ui/DateInput'

/** The steps open to the user on an item: photo upload, start and report (carrier); verify and return (inspector). */
export function ItemActions({ item, onChanged }: { item: ItemDetail; onChanged(): void }) {
  const { t } = useI18n()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await fn()
      onChanged()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const can = (a: string) => item.allowedActions.includes(a)
  const canPhoto = can('report') && item.status !== 'reported'
  const step = (body: Record<string, unknown>) => run(() => api.transition(item.id, { ...body, version: item.version }))
  return (
    <div className="conv-actions" data-testid="item-actions">
      {error !== null && <ErrorMessage error={error} />}
      {canPhoto && (
        <label className="field">
          <span>{t('conv.photos.add')}</span>
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            disabled={busy}
            data-testid="photo-input"
            onChange={(e) => {
              const f = e.target.files?.[0]
              if (f) void run(() => api.uploadPhoto(item.id, f))
            }}
          />
          <span className="hint">{t('conv.photos.hint')}</span>
        </label>
      )}
      {can('start') && (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={busy}
          onClick={() => void step({ action: 'start' })}
        >
          {t('conv.action.start')}
        </button>
      )}
      {can('report') && (
        <StepForm
          title={t('conv.action.report')}
          busy={busy}
          disabled={item.photos.length === 0}
          hint={item.photos.length === 0 ? t('conv.report.needPhoto') : undefined}
          onSubmit={(f) => {
            const h = parseNumber(f.get('height') as string)
            return step({
              action: 'report',
              measuredHeightM: h ?? NaN,
              completedOn: f.get('date'),
              note: (f.get('note') as string) || undefined,
            })
          }}
          testId="report-form"
        >
          <label className="field">
            <span>{t('conv.report.height')}</span>
            <input name="height" inputMode="decimal" required defaultValue={item.measuredHeightM ?? ''} />
          </label>
          <label className="field">
            <span>{t('conv.report.date')}</span>
            <DateInput name="date" required defaultValue={vietnamToday()} />
          </label>
          <label className="field">
            <span>{t('conv.detail.note')}</span>
            <input name="note" />
          </label>
        </StepForm>
      )}
      {can('verify') && (
        <StepForm
          title={t('conv.action.verify')}
          busy={busy}
          onSubmit={(f) => {
            const h = parseNumber((f.get('height') as string) || '')
            return step({
              action: 'verify',
              ...(h !== null ? { inspectedHeightM: h } : {}),
              note: (f.get('note') as string) || undefined,
            })
          }}
          testId="verify-form"
        >
          <label className="field">
            <span>{t('conv.verify.height')}</span>
            <input name="height" inputMode="decimal" placeholder={t('conv.verify.heightHint')} />
          </label>
          <label className="field">
            <span>{t('conv.detail.note')}</span>
            <input name="note" />
          </label>
        </StepForm>
      )}
      {can('return') && (
        <StepForm
          title={t('conv.action.return')}
          busy={busy}
          secondary
          onSubmit={(f) =>
            step({
              action: 'return',
              reasons: String(f.get('reasons'))
                .split('\n')
                .map((s) => s.trim())
                .filter(Boolean),
            })
          }
          testId="return-form"
        >
          <label className="field">
            <span>{t('conv.return.reasons')}</span>
            <textarea name="reasons" rows={3} required />
          </label>
        </StepForm>
      )}
    </div>
  )
}

function StepForm({
  title,
  busy,
  disabled,
  hint,
  secondary,
  onSubmit,
  testId,
  children,
}: {
  title: string
  busy: boolean
  disabled?: boolean
  hint?: string
  secondary?: boolean
  onSubmit(f: FormData): Promise<unknown>
  testId: string
  children: ReactNode
}) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    void onSubmit(new FormData(e.currentTarget))
  }
  return (
    <form className="conv-step" onSubmit={submit} data-testid={testId}>
      <h4>{title}</h4>
      {children}
      {hint && <p className="hint">{hint}</p>}
      <div className="form-actions">
        <button
          type="submit"
          className={`btn ${secondary ? 'btn-secondary' : 'btn-primary'}`}
          disabled={busy || disabled}
        >
          {title}
        </button>
      </div>
    </form>
  )
}
