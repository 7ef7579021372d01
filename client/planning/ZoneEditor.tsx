import { type FormEvent, useState } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { useI18n } from '../i18n'
import { zoneKindLabel } from '../i18n/labels'
import { formatNumber, parseNumber } from '../i18n/format'
import { usePolygonDraw } from '../map/usePolygonDraw'
import { ErrorMessage } from '../ui/status'
import { planningApi, type Zone, type ZoneInput } from './api'

const KINDS: ZoneInput['kind'][] = ['a1_only', 'heritage', 'government', 'main_street', 'residential', 'rural', 'other']
const CLASSES: ZoneInput['allowedClasses'] = ['A1', 'A2a', 'A2b']

/**
 * A zone being drawn (`zone` null) or edited on the zones map: its outline with terra-draw, its fields in a form;
 * saving sends it to the zone API, whose geometry check answers any invalid outline by field.
 */
export function ZoneEditor({
  map,
  zone,
  onSaved,
  onCancel,
}: {
  map: MapLibreMap | null
  zone: Zone | null
  onSaved(zone: Zone): void
  onCancel(): void
}) {
  const { t, lang } = useI18n()
  const draw = usePolygonDraw(map, true, zone?.geometry ?? null)
  const [name, setName] = useState(zone?.name ?? '')
  const [kind, setKind] = useState<ZoneInput['kind']>((zone?.kind as ZoneInput['kind'] | undefined) ?? 'residential')
  const [classes, setClasses] = useState<string[]>(zone?.allowedClasses ?? ['A1', 'A2a', 'A2b'])
  const [height, setHeight] = useState(zone?.maxHeightM == null ? '' : formatNumber(zone.maxHeightM, lang, 2))
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)

  async function save(e: FormEvent) {
    e.preventDefault()
    setError(null)
    if (!draw.area) {
      setError(new Error(t('zoneDraw.needArea')))
      return
    }
    const maxHeightM = height.trim() === '' ? null : parseNumber(height)
    if (height.trim() !== '' && maxHeightM === null) {
      setError(new Error(t('zoneDraw.badHeight')))
      return
    }
    const body: ZoneInput = {
      name,
      kind,
      allowedClasses: CLASSES.filter((c) => classes.includes(c)),
      maxHeightM,
      geometry: draw.area as ZoneInput['geometry'],
    }
    setSaving(true)
    try {
      onSaved(
        zone
          ? await planningApi.replaceZone(zone.id, { ...body, version: zone.version })
          : await planningApi.createZone(body),
      )
    } catch (err) {
      setError(err)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="zone-editor" onSubmit={(e) => void save(e)} noValidate data-testid="zone-editor">
      <h3>{zone ? t('zoneDraw.editTitle', { name: zone.name }) : t('zoneDraw.newTitle')}</h3>
      <p className="hint" data-testid="zone-draw-hint">
        {draw.drawing ? t('zoneDraw.hintDraw') : t('zoneDraw.hintEdit')}
      </p>
      <div className="zone-fields">
        <label>
          {t('plan.zone')}
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <label>
          {t('plan.zoneKind')}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as ZoneInput['kind'])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {zoneKindLabel(t, k)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('plan.allowedClasses')}</legend>
          {CLASSES.map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                name={`class-${c}`}
                checked={classes.includes(c)}
                onChange={(e) => setClasses((now) => (e.target.checked ? [...now, c] : now.filter((x) => x !== c)))}
              />{' '}
              {t(`st.classShort.${c}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('zoneDraw.maxHeight')}
          <input name="maxHeightM" value={height} inputMode="decimal" onChange={(e) => setHeight(e.target.value)} />
        </label>
      </div>
      {draw.refused && <p className="status status-error">{t('zoneDraw.refused')}</p>}
      {error !== null && <ErrorMessage error={error} />}
      <div className="zone-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={saving || draw.drawing || draw.refused}
          data-testid="zone-save"
        >
          {t('zoneDraw.save')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={draw.drawPart} disabled={draw.drawing}>
          {t('zoneDraw.addPart')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={draw.redraw}>
          {t('zoneDraw.redraw')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('zoneDraw.cancel')}
        </button>
      </div>
    </form>
  )
}
