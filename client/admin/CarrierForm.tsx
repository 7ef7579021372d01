import { useState, type FormEvent } from 'react'
import { http } from '../api/http'
import type { Carrier } from '../api/types'
import { useI18n } from '../i18n'
import { bodyFields } from '../ui/Field'
import { ErrorMessage } from '../ui/status'
import { useAction } from '../ui/useAction'

const KINDS: Carrier['kind'][] = ['mobile', 'fixed', 'cable_tv', 'power_utility']

/** Adds a carrier, or changes one (`editing`); the server checks the short name and the mobile network code. */
export function CarrierForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing?: Carrier
  onSaved(c: Carrier): void
  onCancel?(): void
}) {
  const { t } = useI18n()
  const [name, setName] = useState(editing?.name ?? '')
  const [shortName, setShortName] = useState(editing?.shortName ?? '')
  const [kind, setKind] = useState<Carrier['kind']>(editing?.kind ?? 'mobile')
  const [mnc, setMnc] = useState(editing?.mnc ?? '')
  const action = useAction()
  const field = bodyFields(action.error)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void action.run(async () => {
      const body = { name, shortName, kind, mnc: kind === 'mobile' && mnc ? mnc : null }
      const saved = editing
        ? await http.put<Carrier>(`/api/carriers/${editing.id}`, body)
        : await http.post<Carrier>('/api/carriers', body)
      if (!editing) {
        setName('')
        setShortName('')
        setMnc('')
      }
      onSaved(saved)
    })
  }
  return (
    <form
      className="card form-grid"
      onSubmit={submit}
      noValidate
      data-testid={editing ? 'carrier-edit' : 'carrier-new'}
    >
      <h2 className="card-title">{editing ? t('carriers.edit', { name: editing.name }) : t('carriers.add')}</h2>
      {action.error !== null && <ErrorMessage error={action.error} listFields={false} />}
      {field('name', t('carriers.name'), <input name="name" value={name} onChange={(e) => setName(e.target.value)} />)}
      {field(
        'shortName',
        t('carriers.shortName'),
        <input name="shortName" value={shortName} onChange={(e) => setShortName(e.target.value)} />,
      )}
      {field(
        'kind',
        t('carriers.kind'),
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Carrier['kind'])}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>,
      )}
      {kind === 'mobile' &&
        field(
          'mnc',
          t('carriers.mnc'),
          <input name="mnc" inputMode="numeric" maxLength={2} value={mnc} onChange={(e) => setMnc(e.target.value)} />,
        )}
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t('users.cancel')}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={action.busy}>
          {editing ? t('users.update') : t('carriers.addButton')}
        </button>
      </div>
    </form>
  )
}
