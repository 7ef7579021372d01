import { type FormEvent, useState } from 'react'
import { DateInput } from '../ui/DateInput'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { formatDate, formatDateTime } from '../i18n/format'
import { vietnamToday } from '../time'
import { type Column, Table } from '../ui/Table'
import { ErrorMessage, Loaded } from '../ui/status'
import { useAction } from '../ui/useAction'
import { useApi } from '../ui/useApi'
import {
  ASSET_KINDS,
  type AssetKind,
  type FollowUp,
  type Inspection,
  type Inspector,
  inspectionsApi,
  PURPOSES,
  type Purpose,
} from './api'
import { InspectionItem, VerdictTag } from './InspectionHistory'
import { violationText } from './labels'
import './inspections.css'

/**
 * "Kiểm tra hiện trường": for the officer, assigning inspections (and the post-construction ones waiting for an
 * inspector), the open ones, the overdue follow-ups and recent results; for an inspector, their assignments; for a
 * carrier, the violations of its assets to answer (text and a photo) and the results.
 */
export default function InspectionsPage() {
  const { t } = useI18n()
  const { user } = useSession()
  const role = user?.role
  return (
    <div className="page in-page">
      <header className="page-head">
        <h1>{t('in.title')}</h1>
      </header>
      {(role === 'officer' || role === 'admin') && <OfficerView />}
      {role === 'inspector' && <InspectorView />}
      {role === 'carrier' && <CarrierView />}
    </div>
  )
}

function useColumns() {
  const { t, lang } = useI18n()
  const asset: Column<Inspection> = {
    key: 'asset',
    header: t('in.col.asset'),
    cell: (i) => `${t(`in.kind.${i.assetKind}`)} ${i.asset?.label ?? `#${i.assetId}`}`,
  }
  const purpose: Column<Inspection> = {
    key: 'purpose',
    header: t('in.col.purpose'),
    cell: (i) => t(`in.purpose.${i.purpose}`),
  }
  const due: Column<Inspection> = {
    key: 'due',
    header: t('in.col.due'),
    cell: (i) => (i.dueOn ? formatDate(i.dueOn, lang) : '—'),
  }
  const carrier: Column<Inspection> = {
    key: 'carrier',
    header: t('in.col.carrier'),
    cell: (i) => i.asset?.carrierName ?? '—',
  }
  return { asset, purpose, due, carrier }
}

function OfficerView() {
  const { t, lang } = useI18n()
  const [version, setVersion] = useState(0)
  const inspectors = useApi((signal) => inspectionsApi.inspectors(signal), `inspectors:${version}`)
  const open = useApi(
    (signal) => inspectionsApi.list({ state: 'assigned', limit: 200 }, signal),
    `open-inspections:${version}`,
  )
  const overdue = useApi((signal) => inspectionsApi.followUps({ overdue: 1, limit: 200 }, signal), `overdue:${version}`)
  const recent = useApi((signal) => inspectionsApi.list({ state: 'recorded', limit: 20 }, signal), `recent:${version}`)
  const refresh = () => setVersion((v) => v + 1)
  const cols = useColumns()
  const assignCell: Column<Inspection> = {
    key: 'inspector',
    header: t('in.col.inspector'),
    cell: (i) => <AssignInline inspection={i} inspectors={inspectors.data?.items ?? []} onDone={refresh} />,
  }
  const overdueColumns: Column<FollowUp>[] = [
    {
      key: 'asset',
      header: t('in.col.asset'),
      cell: (f) => `${t(`in.kind.${f.assetKind}`)} #${f.assetId}`,
    },
    { key: 'carrier', header: t('in.col.carrier'), cell: (f) => f.carrierName ?? '—' },
    { key: 'due', header: t('in.col.due'), cell: (f) => formatDate(f.dueOn, lang) },
    {
      key: 'violations',
      header: t('in.col.violations'),
      cell: (f) => f.violations.map((v) => violationText(t, lang, v)).join('; '),
    },
    { key: 'inspector', header: t('in.col.inspector'), cell: (f) => f.inspectorName ?? '—' },
  ]
  return (
    <>
      <section className="card" aria-labelledby="in-assign-title">
        <h2 id="in-assign-title">{t('in.assign.title')}</h2>
        <AssignForm inspectors={inspectors.data?.items ?? []} onDone={refresh} />
      </section>
      <section aria-labelledby="in-open-title">
        <h2 id="in-open-title">{t('in.open.title')}</h2>
        <Loaded state={open}>
          {(page) => (
            <Table
              columns={[cols.asset, cols.purpose, cols.carrier, cols.due, assignCell]}
              rows={page.items}
              rowKey={(i) => i.id}
              caption={t('in.open.title')}
              empty={t('in.open.empty')}
              testId="open-inspections"
            />
          )}
        </Loaded>
      </section>
      <section aria-labelledby="in-overdue-title">
        <h2 id="in-overdue-title">{t('in.overdue.title')}</h2>
        <Loaded state={overdue}>
          {(page) => (
            <Table
              columns={overdueColumns}
              rows={page.items}
              rowKey={(f) => f.id}
              caption={t('in.overdue.title')}
              empty={t('in.overdue.empty')}
              testId="overdue-follow-ups"
            />
          )}
        </Loaded>
      </section>
      <Recent state={recent} />
    </>
  )
}

/** Recorded inspections, newest first, each as on an asset's page. */
function Recent({ state }: { state: { data: { items: Inspection[] } | undefined; error: unknown; reload(): void } }) {
  const { t } = useI18n()
  return (
    <section aria-labelledby="in-recent-title">
      <h2 id="in-recent-title">{t('in.recent.title')}</h2>
      <Loaded state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('in.recent.empty')}</p>
          ) : (
            <ul className="in-list">
              {page.items.map((i) => (
                <li key={i.id} className="in-list-entry">
                  <strong>
                    {t(`in.kind.${i.assetKind}`)} {i.asset?.label ?? `#${i.assetId}`}
                  </strong>
                  <ul className="in-list">
                    <InspectionItem inspection={i} />
                  </ul>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  )
}

function InspectorSelect({
  inspectors,
  value,
  onChange,
  label,
}: {
  inspectors: Inspector[]
  value: string
  onChange(v: string): void
  label: string
}) {
  const { t } = useI18n()
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} required>
      <option value="">{t('in.assign.choose')}</option>
      {inspectors.map((u) => (
        <option key={u.id} value={u.id}>
          {t('in.assign.open', { name: u.displayName, n: u.open })}
        </option>
      ))}
    </select>
  )
}

/** The officer picks an inspector for an open inspection (a post-construction one waits without one). */
function AssignInline({
  inspection,
  inspectors,
  onDone,
}: {
  inspection: Inspection
  inspectors: Inspector[]
  onDone(): void
}) {
  const { t } = useI18n()
  const [chosen, setChosen] = useState(inspection.inspectorId ? String(inspection.inspectorId) : '')
  const action = useAction()
  const changed = chosen !== '' && chosen !== String(inspection.inspectorId ?? '')
  return (
    <span className="in-inline">
      {!inspection.inspectorId && <span className="muted">{t('in.unassigned')}</span>}
      <InspectorSelect inspectors={inspectors} value={chosen} onChange={setChosen} label={t('in.col.inspector')} />
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        disabled={!changed || action.busy}
        onClick={() =>
          action.run(async () => {
            await inspectionsApi.assign(inspection.id, {
              version: inspection.version,
              inspectorId: Number(chosen),
              dueOn: inspection.dueOn,
            })
            onDone()
          })
        }
      >
        {t('in.assign.button')}
      </button>
      {action.error !== null && <ErrorMessage error={action.error} />}
    </span>
  )
}

function AssignForm({ inspectors, onDone }: { inspectors: Inspector[]; onDone(): void }) {
  const { t } = useI18n()
  const [kind, setKind] = useState<AssetKind>('station')
  const [assetId, setAssetId] = useState('')
  const [inspector, setInspector] = useState('')
  const [due, setDue] = useState(vietnamToday())
  const [purpose, setPurpose] = useState<Purpose>('routine')
  const [done, setDone] = useState<number | null>(null)
  const action = useAction()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setDone(null)
    void action.run(async () => {
      const created = await inspectionsApi.create({
        assetKind: kind,
        assetId: Number(assetId),
        inspectorId: inspector ? Number(inspector) : null,
        dueOn: due || null,
        purpose,
      })
      setDone(created.id)
      setAssetId('')
      onDone()
    })
  }
  return (
    <form className="in-assign" onSubmit={submit} data-testid="assign-form">
      <label className="field">
        <span>{t('in.assign.kind')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as AssetKind)}>
          {ASSET_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`in.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('in.assign.assetId')}</span>
        <input
          name="assetId"
          inputMode="numeric"
          required
          value={assetId}
          onChange={(e) => setAssetId(e.target.value)}
        />
      </label>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the select is rendered inside the label by InspectorSelect */}
      <label className="field">
        <span>{t('in.assign.inspector')}</span>
        <InspectorSelect
          inspectors={inspectors}
          value={inspector}
          onChange={setInspector}
          label={t('in.assign.inspector')}
        />
      </label>
      <label className="field">
        <span>{t('in.assign.due')}</span>
        <DateInput value={due} onChange={setDue} testId="inspection-due" />
      </label>
      <label className="field">
        <span>{t('in.assign.purpose')}</span>
        <select value={purpose} onChange={(e) => setPurpose(e.target.value as Purpose)}>
          {PURPOSES.filter((p) => p !== 'campaign' && p !== 'citizen_report').map((p) => (
            <option key={p} value={p}>
              {t(`in.purpose.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={action.busy}>
        {t('in.assign.submit')}
      </button>
      {action.error !== null && <ErrorMessage error={action.error} />}
      {done !== null && (
        <p className="status status-ok" role="status">
          {t('in.assign.done', { id: done })}
        </p>
      )}
    </form>
  )
}

function InspectorView() {
  const { t } = useI18n()
  const mine = useApi((signal) => inspectionsApi.list({ mine: 1, state: 'assigned', limit: 200 }, signal), 'mine')
  const cols = useColumns()
  return (
    <section aria-labelledby="in-mine-title">
      <h2 id="in-mine-title">{t('in.mine.title')}</h2>
      <p>
        <a className="btn btn-primary" href="/field">
          {t('in.mine.field')}
        </a>
      </p>
      <Loaded state={mine}>
        {(page) => (
          <Table
            columns={[cols.asset, cols.purpose, cols.carrier, cols.due]}
            rows={page.items}
            rowKey={(i) => i.id}
            caption={t('in.mine.title')}
            empty={t('in.mine.empty')}
            testId="my-inspections"
          />
        )}
      </Loaded>
    </section>
  )
}

function CarrierView() {
  const { t, lang } = useI18n()
  const [version, setVersion] = useState(0)
  const followUps = useApi(
    (signal) => inspectionsApi.followUps({ state: 'open', limit: 200 }, signal),
    `carrier-follow-ups:${version}`,
  )
  const results = useApi((signal) => inspectionsApi.list({ limit: 20 }, signal), `carrier-results:${version}`)
  return (
    <>
      <section aria-labelledby="in-carrier-title">
        <h2 id="in-carrier-title">{t('in.carrier.title')}</h2>
        <Loaded state={followUps}>
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">{t('in.carrier.empty')}</p>
            ) : (
              <ul className="in-list" data-testid="carrier-follow-ups">
                {page.items.map((f) => (
                  <li key={f.id} className="in-item">
                    <div className="in-item-head">
                      <strong>
                        {t(`in.kind.${f.assetKind}`)} #{f.assetId}
                      </strong>
                      <span className={f.overdue ? 'in-overdue' : 'muted'}>
                        {t('in.fu.due', { date: formatDate(f.dueOn, lang) })}
                        {f.overdue ? ` · ${t('in.fu.overdue')}` : ''}
                      </span>
                      {f.recordedAt && <span className="muted">{formatDateTime(f.recordedAt, lang)}</span>}
                    </div>
                    <ul className="in-violations">
                      {f.violations.map((v, k) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a record's violations are fixed and in order
                        <li key={k}>{violationText(t, lang, v)}</li>
                      ))}
                    </ul>
                    <AnswerForm followUp={f} onDone={() => setVersion((v) => v + 1)} />
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <section aria-labelledby="in-results-title">
        <h2 id="in-results-title">{t('in.carrier.results')}</h2>
        <Loaded state={results}>
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">{t('in.recent.empty')}</p>
            ) : (
              <ul className="in-list">
                {page.items.map((i) => (
                  <li key={i.id} className="in-list-entry">
                    <strong>
                      {t(`in.kind.${i.assetKind}`)} {i.asset?.label ?? `#${i.assetId}`}
                    </strong>{' '}
                    <VerdictTag verdict={i.verdict} />
                    <ul className="in-list">
                      <InspectionItem inspection={i} />
                    </ul>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
    </>
  )
}

/** The carrier's answer to a violation: what was fixed, and a photo (uploaded first, then named). */
function AnswerForm({ followUp, onDone }: { followUp: FollowUp; onDone(): void }) {
  const { t } = useI18n()
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [sent, setSent] = useState(false)
  const action = useAction()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void action.run(async () => {
      const photo = file ? await inspectionsApi.answerPhoto(followUp.id, file) : null
      await inspectionsApi.answer(followUp.id, {
        version: followUp.version,
        text,
        ...(photo ? { photoId: photo.id } : {}),
      })
      setSent(true)
      onDone()
    })
  }
  if (sent)
    return (
      <p className="status status-ok" role="status">
        {t('in.answer.done')}
      </p>
    )
  return (
    <form onSubmit={submit} data-testid={`answer-${followUp.id}`}>
      <label className="field">
        <span>{t('in.answer.text')}</span>
        <textarea rows={2} required value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('in.answer.photo')}</span>
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <button type="submit" className="btn btn-primary" disabled={action.busy}>
        {t('in.answer.submit')}
      </button>
      {action.error !== null && <ErrorMessage error={action.error} />}
    </form>
  )
}
