import { useEffect, useMemo, useRef, useState } from 'react'
import { useI18n, type MessageKey } from '../i18n'
import { formatNumber, parseNumber } from '../i18n/format'
import { distanceM, formatDistance, type LonLat } from './geo'
import type { Answer, Assignment, AssetKind, Checklist, ChecklistItem, Draft, Measured, StoredPhoto } from './model'

/** Which measured values an asset kind asks for. */
const MEASURES: Record<AssetKind, (keyof Measured)[]> = {
  station: ['heightM', 'mastClass', 'platesSeen'],
  pole: ['heightM', 'labelPresent'],
  cable_route: ['sagCm', 'labelPresent'],
  duct: ['labelPresent'],
}
const MAST_CLASSES = ['A1', 'A1c', 'A2a', 'A2b']

/** What the form hands back to be saved: the values, and the photos taken (new Blobs). */
export interface FormValues {
  answers: Record<string, Answer>
  measured: Measured
  position: { lon: number; lat: number } | null
  noAccess: boolean
  note: string
  photos: File[]
}

interface Props {
  assignment: Assignment
  checklist: Checklist | undefined
  gps: LonLat | null
  /** A draft being recorded again (after a conflict), with its photos already kept. */
  draft?: Draft | null
  keptPhotos?: StoredPhoto[]
  /** The asset as the server has it now (recording again after a conflict): its values are the reference. */
  reference?: Record<string, unknown> | null
  onSave(values: FormValues): Promise<void>
  onCancel(): void
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v))

/** The inspection form of one assignment: measured values, checklist, position, photos, verdict, note. */
export function InspectionForm({ assignment, checklist, gps, draft, keptPhotos, reference, onSave, onCancel }: Props) {
  const { t, lang } = useI18n()
  const kind = assignment.assetKind
  const approved = (reference?.approved ?? assignment.asset.approved ?? {}) as Record<string, unknown>
  const [height, setHeight] = useState(
    draft?.measured.heightM !== undefined ? formatNumber(draft.measured.heightM, lang, 2) : '',
  )
  const [sag, setSag] = useState(draft?.measured.sagCm !== undefined ? formatNumber(draft.measured.sagCm, lang, 1) : '')
  const [mastClass, setMastClass] = useState(draft?.measured.mastClass ?? '')
  const [plates, setPlates] = useState((draft?.measured.platesSeen ?? []).join(', '))
  const [label, setLabel] = useState<boolean | null>(draft?.measured.labelPresent ?? null)
  const [answers, setAnswers] = useState<Record<string, Answer>>(draft?.answers ?? {})
  const [position, setPosition] = useState<{ lon: number; lat: number } | null>(draft?.position ?? null)
  const [noAccess, setNoAccess] = useState(draft?.noAccess ?? false)
  const [note, setNote] = useState(draft?.note ?? '')
  const [photos, setPhotos] = useState<File[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const previews = useMemo(() => photos.map((p) => URL.createObjectURL(p)), [photos])
  useEffect(
    () => () => {
      for (const url of previews) URL.revokeObjectURL(url)
    },
    [previews],
  )
  const camera = useRef<HTMLInputElement>(null)
  const measures = MEASURES[kind]
  const recordAt: LonLat = [assignment.asset.lon, assignment.asset.lat]
  const itemLabel = (item: ChecklistItem) => (lang === 'vi' ? item.labelVi : item.labelEn)

  function collect(): FormValues | null {
    const problems: Record<string, string> = {}
    const measured: Measured = {}
    const number = (key: string, raw: string, set: (n: number) => void) => {
      if (!raw.trim()) return
      const n = parseNumber(raw)
      if (n === null || n < 0) problems[key] = t('field.form.notNumber')
      else set(n)
    }
    if (!noAccess) {
      if (measures.includes('heightM'))
        number('heightM', height, (n) => {
          measured.heightM = n
        })
      if (measures.includes('sagCm'))
        number('sagCm', sag, (n) => {
          measured.sagCm = n
        })
      if (measures.includes('mastClass') && mastClass) measured.mastClass = mastClass
      if (measures.includes('platesSeen') && plates.trim())
        measured.platesSeen = plates
          .split(/[,;]/)
          .map((p) => p.trim())
          .filter(Boolean)
      if (measures.includes('labelPresent') && label !== null) measured.labelPresent = label
      for (const item of checklist?.items ?? []) {
        const v = answers[item.key]
        if (item.kind === 'number' && typeof v === 'string' && v.trim()) {
          const n = parseNumber(v)
          if (n === null) problems[`item.${item.key}`] = t('field.form.notNumber')
        }
        if (item.required && (v === undefined || v === null || v === ''))
          problems[`item.${item.key}`] = t('field.form.required')
      }
    }
    setErrors(problems)
    if (Object.keys(problems).length > 0) return null
    const clean: Record<string, Answer> = {}
    for (const item of checklist?.items ?? []) {
      const v = answers[item.key]
      if (v === undefined || v === '') continue
      clean[item.key] = item.kind === 'number' && typeof v === 'string' ? parseNumber(v) : v
    }
    return { answers: noAccess ? {} : clean, measured, position, noAccess, note, photos }
  }

  async function save() {
    const values = collect()
    if (!values) return
    setSaving(true)
    try {
      await onSave(values)
    } finally {
      setSaving(false)
    }
  }

  const approvedFact = (key: string, unit = '') =>
    approved[key] === undefined || approved[key] === null
      ? null
      : t('field.form.approved', {
          value:
            typeof approved[key] === 'number'
              ? `${formatNumber(approved[key] as number, lang, 2)}${unit}`
              : text(approved[key]),
        })

  return (
    <form
      className="fd-form"
      data-testid="inspection-form"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <header className="fd-form-head">
        <button type="button" className="btn btn-secondary fd-big" onClick={onCancel}>
          {t('field.back')}
        </button>
        <div>
          <h2>{assignment.asset.label}</h2>
          <p className="muted">
            {t(`field.kind.${kind}` as MessageKey)}
            {assignment.asset.carrierName ? ` · ${assignment.asset.carrierName}` : ''}
          </p>
        </div>
      </header>
      {reference && (
        <p className="status status-warning" data-testid="rerecord-note">
          {t('field.form.rerecordNote')}
        </p>
      )}

      <label className="check fd-check">
        <input type="checkbox" name="noAccess" checked={noAccess} onChange={(e) => setNoAccess(e.target.checked)} />
        <span>{t('field.form.noAccess')}</span>
      </label>

      {!noAccess && (
        <fieldset className="fd-fieldset">
          <legend>{t('field.form.measured')}</legend>
          {measures.includes('heightM') && (
            <label className={errors.heightM ? 'field field-invalid' : 'field'}>
              <span>{t('field.form.heightM')}</span>
              <input
                name="heightM"
                inputMode="decimal"
                autoComplete="off"
                value={height}
                onChange={(e) => setHeight(e.target.value)}
              />
              <small className="hint">{approvedFact('heightM', ' m')}</small>
              {errors.heightM && <small className="field-error">{errors.heightM}</small>}
            </label>
          )}
          {measures.includes('mastClass') && (
            <label className="field">
              <span>{t('field.form.mastClass')}</span>
              <select name="mastClass" value={mastClass} onChange={(e) => setMastClass(e.target.value)}>
                <option value="">{t('field.form.notSeen')}</option>
                {MAST_CLASSES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
              <small className="hint">{approvedFact('mastClass')}</small>
            </label>
          )}
          {measures.includes('platesSeen') && (
            <label className="field">
              <span>{t('field.form.platesSeen')}</span>
              <input name="platesSeen" value={plates} onChange={(e) => setPlates(e.target.value)} />
            </label>
          )}
          {measures.includes('sagCm') && (
            <label className={errors.sagCm ? 'field field-invalid' : 'field'}>
              <span>{t('field.form.sagCm')}</span>
              <input name="sagCm" inputMode="decimal" value={sag} onChange={(e) => setSag(e.target.value)} />
              {errors.sagCm && <small className="field-error">{errors.sagCm}</small>}
            </label>
          )}
          {measures.includes('labelPresent') && (
            <YesNo name="labelPresent" label={t('field.form.labelPresent')} value={label} onChange={setLabel} />
          )}
        </fieldset>
      )}

      {!noAccess && (checklist?.items.length ?? 0) > 0 && (
        <fieldset className="fd-fieldset" data-testid="checklist">
          <legend>{t('field.form.checklist')}</legend>
          {checklist!.items.map((item) => {
            const err = errors[`item.${item.key}`]
            const set = (v: Answer) => setAnswers((a) => ({ ...a, [item.key]: v }))
            const v = answers[item.key]
            if (item.kind === 'boolean')
              return (
                <YesNo
                  key={item.key}
                  name={`item-${item.key}`}
                  label={itemLabel(item)}
                  value={typeof v === 'boolean' ? v : null}
                  onChange={set}
                  error={err}
                />
              )
            return (
              <label key={item.key} className={err ? 'field field-invalid' : 'field'} htmlFor={`item-${item.key}`}>
                <span>
                  {itemLabel(item)}
                  {item.unit ? ` (${item.unit})` : ''}
                </span>
                {item.kind === 'choice' ? (
                  <select
                    id={`item-${item.key}`}
                    name={`item-${item.key}`}
                    value={text(v)}
                    onChange={(e) => set(e.target.value)}
                  >
                    <option value="" />
                    {(item.choices ?? []).map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={`item-${item.key}`}
                    name={`item-${item.key}`}
                    inputMode={item.kind === 'number' ? 'decimal' : undefined}
                    value={text(v)}
                    onChange={(e) => set(e.target.value)}
                  />
                )}
                {err && <small className="field-error">{err}</small>}
              </label>
            )
          })}
        </fieldset>
      )}

      <fieldset className="fd-fieldset">
        <legend>{t('field.form.position')}</legend>
        <p className="hint" data-testid="position-state">
          {position
            ? t('field.form.positionSet', {
                distance: formatDistance(distanceM(recordAt, [position.lon, position.lat]), lang),
              })
            : t('field.form.positionRecord')}
        </p>
        <div className="fd-row">
          <button
            type="button"
            className="btn btn-secondary fd-big"
            data-testid="use-gps"
            disabled={!gps}
            onClick={() => gps && setPosition({ lon: gps[0], lat: gps[1] })}
          >
            {t('field.form.useGps')}
          </button>
          {position && (
            <button type="button" className="btn btn-ghost fd-big" onClick={() => setPosition(null)}>
              {t('field.form.keepRecord')}
            </button>
          )}
        </div>
      </fieldset>

      <fieldset className="fd-fieldset">
        <legend>{t('field.form.photos')}</legend>
        <button type="button" className="btn btn-secondary fd-big fd-camera" onClick={() => camera.current?.click()}>
          {t('field.form.takePhoto')}
        </button>
        <input
          ref={camera}
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          data-testid="camera"
          className="sr-only"
          tabIndex={-1}
          aria-label={t('field.form.takePhoto')}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])]
            setPhotos((p) => [...p, ...files])
            e.target.value = ''
          }}
        />
        <p className="hint" data-testid="photo-count">
          {t('field.form.photoCount', { n: photos.length + (keptPhotos?.length ?? 0) })}
        </p>
        {previews.length > 0 && (
          <ul className="fd-thumbs">
            {previews.map((url, i) => (
              <li key={url}>
                <img src={url} alt={photos[i]?.name ?? ''} />
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <label className="field">
        <span>{t('field.form.note')}</span>
        <textarea name="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>

      <button type="submit" className="btn btn-primary fd-big fd-save" disabled={saving} data-testid="save-record">
        {reference ? t('field.form.saveAgain') : t('field.form.save')}
      </button>
    </form>
  )
}

function YesNo({
  name,
  label,
  value,
  onChange,
  error,
}: {
  name: string
  label: string
  value: boolean | null
  onChange(v: boolean): void
  error?: string
}) {
  const { t } = useI18n()
  return (
    <fieldset className={error ? 'fd-yesno field-invalid' : 'fd-yesno'} data-name={name}>
      <legend>{label}</legend>
      <div className="fd-row">
        {[true, false].map((v) => (
          <button
            key={String(v)}
            type="button"
            className={value === v ? 'btn btn-primary fd-big' : 'btn btn-secondary fd-big'}
            aria-pressed={value === v}
            data-value={String(v)}
            onClick={() => onChange(v)}
          >
            {v ? t('field.yes') : t('field.no')}
          </button>
        ))}
      </div>
      {error && <small className="field-error">{error}</small>}
    </fieldset>
  )
}
