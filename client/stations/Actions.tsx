import { useState, type FormEvent, type ReactNode } from 'react'
import { ApiError } from '../api/http'
import { useI18n } from '../i18n'
import { formatCoordinate } from '../i18n/format'
import type { LngLat } from '../map/MapView'
import { vietnamToday } from '../time'
import { ErrorMessage } from '../ui/status'
import { stationsApi, type TransitionBody } from './api'
import { approveBody } from './form'
import { errorsByField } from './model'
import { ExceptionReason, failingRules, MIN_EXCEPTION_REASON, reasonLongEnough } from './RuleOverride'
import type { Action, Station } from './types'
import { MIN_WAIVER_REASON } from '../../shared/station-states'
import { DateInput } from '../ui/DateInput'

// Steps that need no more than a click; the others open a form.
const ONE_CLICK: readonly Action[] = ['submit', 'report_built', 'report_in_service']

export interface MoveControl {
  /** Where the inspector put the site on the map, when it moved. */
  moveTo: LngLat | null
  moving: boolean
  setMoving(on: boolean): void
}

/** The chosen image files (JPEG, PNG or WebP; the server checks their bytes again). */
function imagesOf(files: FileList | null): File[] {
  const allowed = ['image/jpeg', 'image/png', 'image/webp']
  return [...(files ?? [])].filter((f) => allowed.includes(f.type))
}

/**
 * The workflow steps the user may take on a station (from its `allowedActions`), each with the fields it needs.
 * A 409 means another person decided first: the form says so and offers to reload.
 */
export function Actions({
  station,
  onDone,
  onReload,
  move,
}: {
  station: Station
  onDone(s: Station): void
  onReload(): void
  move?: MoveControl
}) {
  const { t, lang } = useI18n()
  const [open, setOpen] = useState<Action | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [photos, setPhotos] = useState<File[]>([])
  const set = (name: string) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [name]: e.target.value }))
  const actions = station.allowedActions
  const failing = failingRules(station.ruleResults)
  // submitting or approving an application that fails a rule is an exception: it opens a form asking the reason
  const needsReason = (a: Action | null) => (a === 'submit' || a === 'approve') && failing.length > 0
  const oneClick = (a: Action) => ONE_CLICK.includes(a) && !needsReason(a)
  const [reasonTried, setReasonTried] = useState(false)
  if (actions.length === 0) return null

  async function run(body: TransitionBody | (() => Promise<TransitionBody>)) {
    setBusy(true)
    setError(null)
    try {
      const updated = await stationsApi.transition(station.id, typeof body === 'function' ? await body() : body)
      setOpen(null)
      setFields({})
      setPhotos([])
      move?.setMoving(false)
      onDone(updated)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  function submitForm(e: FormEvent) {
    e.preventDefault()
    if (!open) return
    const version = station.version
    const f = fields
    const reason = (f.exceptionReason ?? '').trim()
    if (needsReason(open)) {
      setReasonTried(true)
      if (!reasonLongEnough(reason)) return
    }
    const exception = needsReason(open) ? { exceptionReason: reason } : {}
    if (open === 'submit') return run({ action: 'submit', version, ...exception })
    if (open === 'approve') return run({ ...approveBody(version, f), ...exception })
    if (open === 'reject')
      return run({
        action: 'reject',
        version,
        reasons: (f.reasons ?? '')
          .split('\n')
          .map((r) => r.trim())
          .filter(Boolean),
      })
    if (open === 'return') return run({ action: 'return', version, note: f.note ?? '' })
    if (open === 'skip_field_check') return run({ action: 'skip_field_check', version, reason: f.reason ?? '' })
    if (open === 'waive_inspection') return run({ action: 'waive_inspection', version, reason: f.reason ?? '' })
    if (open === 'decommission') return run({ action: 'decommission', version, ...(f.note ? { note: f.note } : {}) })
    if (open === 'field_check') {
      const moved = move?.moveTo
      return run(async () => ({
        action: 'field_check',
        version,
        outcome: moved ? 'moved' : 'confirmed',
        // each photo is stored first; the step then names them
        photos: await Promise.all(
          photos.map(async (file) => ({
            photoId: (await stationsApi.uploadPhoto(station.id, file)).id,
            name: file.name,
            takenAt: new Date(file.lastModified).toISOString(),
          })),
        ),
        ...(moved ? { position: { crs: 'wgs84', lon: moved[0], lat: moved[1] } } : {}),
        ...(f.notes ? { notes: f.notes } : {}),
      }))
    }
  }

  const conflict = error instanceof ApiError && error.status === 409
  const fieldErrors = error instanceof ApiError ? errorsByField(error.errors) : {}
  // Reject and decommission look dangerous; the open form, the one-click steps, approve and field check lead.
  const buttonTone = (a: Action) =>
    a === 'reject' || a === 'decommission'
      ? 'btn-secondary st-danger'
      : a === open || ONE_CLICK.includes(a) || a === 'approve' || a === 'field_check'
        ? 'btn-primary'
        : 'btn-secondary'
  const field = (name: string, label: string, input: ReactNode) => (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the `input` argument, rendered inside the label
    <label className={`field${fieldErrors[name] ? ' field-invalid' : ''}`}>
      <span>{label}</span>
      {input}
      {fieldErrors[name] && <span className="field-error">{fieldErrors[name]}</span>}
    </label>
  )

  return (
    <section className="st-actions" aria-label={t('st.actions')} data-testid="actions">
      <div className="st-action-buttons">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`btn ${buttonTone(a)}`}
            disabled={busy}
            aria-expanded={oneClick(a) ? undefined : open === a}
            data-action={a}
            onClick={() => {
              setError(null)
              setReasonTried(false)
              if (oneClick(a)) void run({ action: a, version: station.version })
              else setOpen(open === a ? null : a)
            }}
          >
            {t(`st.do.${a}`)}
          </button>
        ))}
      </div>
      {conflict ? (
        <div className="status status-error" role="alert" data-testid="conflict">
          <p>{t('st.conflict')}</p>
          <button type="button" className="btn btn-secondary" onClick={onReload}>
            {t('st.reload')}
          </button>
        </div>
      ) : (
        error !== null && <ErrorMessage error={error} listFields={Object.keys(fieldErrors).length === 0} />
      )}
      {open && !oneClick(open) && (
        <form className="st-action-form" onSubmit={submitForm} noValidate data-testid={`form-${open}`}>
          {needsReason(open) && (
            <ExceptionReason
              rules={failing}
              mode={open === 'submit' ? 'submit' : 'approve'}
              value={fields.exceptionReason ?? ''}
              onChange={(v) => setFields((f) => ({ ...f, exceptionReason: v }))}
              error={
                fieldErrors.exceptionReason ??
                (reasonTried && !reasonLongEnough(fields.exceptionReason ?? '')
                  ? t('st.override.tooShort', { n: MIN_EXCEPTION_REASON })
                  : undefined)
              }
            />
          )}
          {open === 'approve' && (
            <div className="field-row">
              {field(
                'decisionNo',
                t('st.decisionNo'),
                <input
                  name="decisionNo"
                  required
                  value={fields.decisionNo ?? ''}
                  onChange={set('decisionNo')}
                  placeholder="123/QĐ-STTTT"
                />,
              )}
              {field(
                'decisionDate',
                t('st.decisionDate'),
                <DateInput
                  name="decisionDate"
                  required
                  value={fields.decisionDate ?? vietnamToday()}
                  onChange={(v) => set('decisionDate')({ target: { value: v } })}
                />,
              )}
            </div>
          )}
          {open === 'reject' &&
            field(
              'reasons',
              t('st.reasons'),
              <textarea name="reasons" rows={3} value={fields.reasons ?? ''} onChange={set('reasons')} />,
            )}
          {(open === 'return' || open === 'decommission' || open === 'approve') &&
            field(
              'note',
              t(open === 'return' ? 'st.returnNote' : 'st.note'),
              <textarea name="note" rows={2} value={fields.note ?? ''} onChange={set('note')} />,
            )}
          {(open === 'skip_field_check' || open === 'waive_inspection') &&
            field(
              'reason',
              open === 'waive_inspection' ? t('st.waiveReason', { n: MIN_WAIVER_REASON }) : t('st.skipReason'),
              <textarea name="reason" rows={2} value={fields.reason ?? ''} onChange={set('reason')} />,
            )}
          {open === 'field_check' && move && (
            <>
              <fieldset className="segmented">
                <legend className="sr-only">{t('st.check.position')}</legend>
                <label className={!move.moving && !move.moveTo ? 'on' : undefined}>
                  <input
                    type="radio"
                    name="outcome"
                    checked={!move.moving && !move.moveTo}
                    onChange={() => move.setMoving(false)}
                  />
                  {t('st.check.confirm')}
                </label>
                <label className={move.moving || move.moveTo ? 'on' : undefined}>
                  <input
                    type="radio"
                    name="outcome"
                    checked={move.moving || Boolean(move.moveTo)}
                    onChange={() => move.setMoving(true)}
                    data-testid="move-site"
                  />
                  {t('st.check.move')}
                </label>
              </fieldset>
              {(move.moving || move.moveTo) && (
                <p className="hint" role="status">
                  {move.moveTo
                    ? t('st.check.movedTo', {
                        lat: formatCoordinate(move.moveTo[1], lang, 6),
                        lon: formatCoordinate(move.moveTo[0], lang, 6),
                      })
                    : t('st.check.moveHint')}
                </p>
              )}
              {field(
                'notes',
                t('st.check.notes'),
                <textarea name="notes" rows={3} value={fields.notes ?? ''} onChange={set('notes')} />,
              )}
              <label className="field">
                <span>{t('st.check.photos')}</span>
                <input
                  type="file"
                  accept="image/jpeg,image/png,image/webp"
                  capture="environment"
                  multiple
                  onChange={(e) => setPhotos(imagesOf(e.target.files))}
                />
                {photos.length > 0 && <span className="hint">{t('st.check.photoCount', { n: photos.length })}</span>}
              </label>
            </>
          )}
          <div className="st-form-actions">
            <button type="button" className="btn btn-secondary" onClick={() => setOpen(null)}>
              {t('st.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="confirm-action">
              {busy ? t('st.working') : t(`st.confirm.${open}`)}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
