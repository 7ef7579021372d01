import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n'
import { fromDmy, toDmy } from './dateText'
import { Icon } from './icons'

/**
 * A date field that reads and writes dd/mm/yyyy whatever the browser's language (Chromium draws `type=date` in its
 * own locale: mm/dd/yyyy in a default headless or English install), with the browser's calendar one click away.
 * The value is YYYY-MM-DD; in a form it is sent under `name` (a hidden input), as `type=date` would send it.
 */
export function DateInput({
  value,
  defaultValue,
  onChange,
  name,
  required,
  min,
  max,
  label,
  invalid,
  describedBy,
  testId,
}: {
  /** Controlled: YYYY-MM-DD or '' (none). */
  value?: string
  /** Uncontrolled: the first value. */
  defaultValue?: string
  onChange?(iso: string): void
  name?: string
  required?: boolean
  min?: string
  max?: string
  /** The field's name for assistive technology when no <label> wraps it. */
  label?: string
  invalid?: boolean
  describedBy?: string
  testId?: string
}) {
  const { t } = useI18n()
  const [own, setOwn] = useState(defaultValue ?? '')
  const iso = value ?? own
  const [text, setText] = useState(toDmy(iso))
  const picker = useRef<HTMLInputElement>(null)
  const input = useRef<HTMLInputElement>(null)

  // A new value from outside (a reset, a default) shows; what is being typed is left alone while it means the same.
  useEffect(() => {
    setText((now) => ((fromDmy(now) ?? '') === iso ? now : toDmy(iso)))
  }, [iso])

  const take = (next: string) => {
    if (value === undefined) setOwn(next)
    onChange?.(next)
  }
  const typed = (raw: string) => {
    setText(raw)
    const parsed = fromDmy(raw)
    const outOfRange = parsed !== null && ((min && parsed < min) || (max && parsed > max))
    input.current?.setCustomValidity(
      raw.trim() === '' || (parsed && !outOfRange) ? '' : outOfRange ? t('date.range') : t('date.invalid'),
    )
    if (raw.trim() === '') take('')
    else if (parsed && !outOfRange) take(parsed)
  }

  return (
    <span className="date-input">
      <input
        ref={input}
        type="text"
        inputMode="numeric"
        lang="vi"
        placeholder="dd/mm/yyyy"
        autoComplete="off"
        value={text}
        required={required}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        data-testid={testId}
        data-value={iso}
        onChange={(e) => typed(e.target.value)}
        onBlur={() => {
          const parsed = fromDmy(text)
          if (parsed) setText(toDmy(parsed))
        }}
      />
      <button
        type="button"
        className="icon-btn date-input-pick"
        aria-label={t('date.pick')}
        onClick={() => picker.current?.showPicker?.()}
      >
        <Icon name="calendar" size={16} />
      </button>
      <input
        ref={picker}
        type="date"
        className="date-input-native"
        tabIndex={-1}
        aria-hidden="true"
        value={iso}
        min={min}
        max={max}
        onChange={(e) => {
          setText(toDmy(e.target.value))
          input.current?.setCustomValidity('')
          take(e.target.value)
        }}
      />
      {name && <input type="hidden" name={name} value={iso} />}
    </span>
  )
}
