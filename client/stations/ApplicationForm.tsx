import type { ReactNode } from 'react'
import { useI18n } from '../i18n'
import { ON_BUILDING, type FormFields } from './form'
import { operatorLabel } from './labels'
import { CAMOUFLAGE_KINDS, MAST_CLASSES, OPERATORS, TECHNOLOGIES, type MastClass } from './types'
import { DateInput } from '../ui/DateInput'

/**
 * The attributes of a site application. `errors` are messages keyed by field (from the form's own checks and
 * from the server's problem+json), shown under each field.
 */
export function ApplicationForm({
  value,
  onChange,
  errors,
  ownOperator,
  disabled,
}: {
  value: FormFields
  onChange(f: FormFields): void
  errors: Record<string, string>
  ownOperator: string
  disabled?: boolean
}) {
  const { t } = useI18n()
  const set = <K extends keyof FormFields>(key: K, v: FormFields[K]) => onChange({ ...value, [key]: v })
  type TextKey =
    | 'siteCode'
    | 'name'
    | 'address'
    | 'mastHeightM'
    | 'buildingHeightM'
    | 'reachBeyondEdgeM'
    | 'validFrom'
    | 'validTo'
  const text = (key: TextKey) => ({
    name: key,
    value: value[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `err-${key}` : undefined,
  })
  const dateField = (key: 'validFrom' | 'validTo') => (
    <DateInput
      name={key}
      value={value[key]}
      onChange={(v) => set(key, v)}
      invalid={Boolean(errors[key])}
      describedBy={errors[key] ? `err-${key}` : undefined}
    />
  )
  const field = (key: string, label: string, input: ReactNode, hint?: string) => (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the `input` argument, rendered inside the label
    <label className={`field${errors[key] ? ' field-invalid' : ''}`}>
      <span>{label}</span>
      {input}
      {hint && !errors[key] && <span className="hint">{hint}</span>}
      {errors[key] && (
        <span className="field-error" id={`err-${key}`} data-field-error={key}>
          {errors[key]}
        </span>
      )}
    </label>
  )
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item])
  const onBuilding = ON_BUILDING.includes(value.mastClass)

  return (
    <fieldset className="st-form" disabled={disabled}>
      <legend className="sr-only">{t('st.form.attributes')}</legend>
      <div className="field-row">
        {field(
          'siteCode',
          t('st.siteCode'),
          <input {...text('siteCode')} autoComplete="off" spellCheck={false} placeholder="HCM-Q1-0123" />,
        )}
        {field('name', t('st.name'), <input {...text('name')} autoComplete="off" />)}
      </div>
      {field(
        'address',
        t('st.address'),
        <input {...text('address')} autoComplete="off" placeholder={t('st.form.addressHint')} />,
      )}
      <fieldset className={`st-classes${errors.mastClass ? ' field-invalid' : ''}`}>
        <legend>{t('st.mastClass')}</legend>
        {MAST_CLASSES.map((c: MastClass) => (
          <label key={c} className={value.mastClass === c ? 'on' : undefined}>
            <input
              type="radio"
              name="mastClass"
              value={c}
              checked={value.mastClass === c}
              onChange={() => set('mastClass', c)}
            />
            <strong>{c}</strong>
            <span>{t(`st.class.${c}`)}</span>
          </label>
        ))}
        {errors.mastClass && <span className="field-error">{errors.mastClass}</span>}
      </fieldset>
      {value.mastClass === 'A1c' &&
        field(
          'camouflageKind',
          t('st.camouflage'),
          <select
            name="camouflageKind"
            value={value.camouflageKind}
            onChange={(e) => set('camouflageKind', e.target.value as FormFields['camouflageKind'])}
          >
            <option value="">—</option>
            {CAMOUFLAGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`st.camo.${k}`)}
              </option>
            ))}
          </select>,
        )}
      <div className="field-row">
        {field(
          'mastHeightM',
          t('st.mastHeightM'),
          <input {...text('mastHeightM')} inputMode="decimal" autoComplete="off" />,
        )}
        {(onBuilding || value.mastClass === 'A1c') &&
          field(
            'buildingHeightM',
            t('st.buildingHeightM'),
            <input {...text('buildingHeightM')} inputMode="decimal" autoComplete="off" />,
            value.mastClass === 'A1' ? t('st.form.a1Hint') : undefined,
          )}
        {value.mastClass !== 'A2b' &&
          field(
            'reachBeyondEdgeM',
            t('st.reachBeyondEdgeM'),
            <input {...text('reachBeyondEdgeM')} inputMode="decimal" autoComplete="off" />,
            value.mastClass === 'A1' ? t('st.form.a1ReachHint') : undefined,
          )}
      </div>
      <fieldset className="st-checks-row">
        <legend>{t('st.technologies')}</legend>
        {TECHNOLOGIES.map((tech) => (
          <label key={tech} className="check">
            <input
              type="checkbox"
              checked={value.technologies.includes(tech)}
              onChange={() => set('technologies', toggle(value.technologies, tech))}
            />
            <span>{tech}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="st-checks-row">
        <legend>{t('st.sharedWith')}</legend>
        {OPERATORS.filter((o) => o !== ownOperator).map((o) => (
          <label key={o} className="check">
            <input
              type="checkbox"
              checked={value.sharedOperators.includes(o)}
              onChange={() => set('sharedOperators', toggle(value.sharedOperators, o))}
            />
            <span>{operatorLabel(t, o)}</span>
          </label>
        ))}
        {errors.sharedOperators && <span className="field-error">{errors.sharedOperators}</span>}
      </fieldset>
      <fieldset className="st-checks-row">
        <legend>{t('st.kind')}</legend>
        <label className="check">
          <input
            type="checkbox"
            name="temporary"
            checked={value.temporary}
            onChange={(e) => set('temporary', e.target.checked)}
          />
          <span>{t('st.temporaryLong')}</span>
        </label>
        <label className="check">
          <input
            type="checkbox"
            name="mobile"
            checked={value.mobile}
            onChange={(e) => set('mobile', e.target.checked)}
          />
          <span>{t('st.mobileLong')}</span>
        </label>
      </fieldset>
      {value.temporary && (
        <div className="field-row">
          {field('validFrom', t('st.validFrom'), dateField('validFrom'))}
          {field('validTo', t('st.validTo'), dateField('validTo'))}
        </div>
      )}
    </fieldset>
  )
}
