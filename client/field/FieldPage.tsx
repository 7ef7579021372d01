import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { http } from '../api/http'
import type { AdminUnits } from '../api/types'
import { useSession } from '../auth/session'
import { useI18n, type MessageKey } from '../i18n'
import { formatDate, formatDateTime } from '../i18n/format'
import { MapView, type MapClick } from '../map/MapView'
import type { MapOverlay } from '../map/overlays'
import { LAYER } from '../map/style'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { contextOverlays, FIELD_LAYER, meOverlay, targetsOverlay, type TargetStage } from './fieldMap'
import { bearingDeg, byDistance, distanceM, formatBearing, formatDistance } from './geo'
import { InspectionForm, type FormValues } from './InspectionForm'
import { assetAt, type Assignment, type Draft, type StoredPhoto } from './model'
import { newEntry, step } from './queue'
import { deleteDraft, photosOf, putDraft, saveDraftWithPhotos } from './store'
import { SyncQueue } from './SyncQueue'
import { bboxAround } from './tiles'
import { useField } from './useField'
import { useGps } from './useGps'
import './field.css'

type View = 'list' | 'map' | 'queue'

/** What the inspector is recording: a new record of an assignment, or a draft again after a conflict. */
type Editing = { assignment: Assignment; draft: Draft | null; kept: StoredPhoto[] }

const uuid = () => crypto.randomUUID()

const STAGE: Record<Draft['state'], TargetStage> = {
  waiting: 'device',
  sending: 'device',
  failed: 'device',
  conflict: 'conflict',
  done: 'sent',
}

/**
 * Field mode for the inspector on a phone: today's assignments nearest first with distance and direction,
 * on a map, the inspection form, and the sync queue of what was recorded on the device. Works offline
 * (client/field/sw.js, IndexedDB); see docs/field-mode.md.
 */
export default function FieldPage() {
  const { t, lang } = useI18n()
  const { user, health, basemap } = useSession()
  const province = health?.province ?? '79'
  const field = useField(user!.id, province, basemap)
  const gps = useGps()
  const [view, setView] = useState<View>('list')
  const [editing, setEditing] = useState<Editing | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const districts = useApi(
    (signal) => http.get<AdminUnits>('/api/admin-units', { level: 'district', province }, signal),
    province,
  )

  const draftOf = useMemo(() => {
    const map = new Map<number, Draft>()
    // newest first: the latest record of an assignment wins
    for (const d of [...field.drafts].reverse()) map.set(d.inspectionId, d)
    return map
  }, [field.drafts])
  const stageOf = useCallback(
    (a: Assignment): TargetStage => {
      const d = draftOf.get(a.id)
      return d ? STAGE[d.state] : 'todo'
    },
    [draftOf],
  )
  const targets = useMemo(
    () =>
      byDistance(
        (field.assignments ?? []).map((a) => ({ a, at: assetAt(a) })),
        gps.at,
      ),
    [field.assignments, gps.at],
  )
  const overlays = useMemo<MapOverlay[]>(
    () => [...contextOverlays(), targetsOverlay(field.assignments ?? [], stageOf), meOverlay(gps.at)],
    [field.assignments, stageOf, gps.at],
  )
  const fit = useMemo(() => {
    const box = bboxAround((field.assignments ?? []).map(assetAt), 200)
    return box ? { bounds: box, seq: 0 } : null
  }, [field.assignments])
  const visible = useMemo(
    () => ({
      [LAYER.districtFill]: true,
      [LAYER.districtLine]: true,
      [LAYER.districtLabel]: false,
      [LAYER.picked]: false,
    }),
    [],
  )
  const pending = field.drafts.filter((d) => d.state !== 'done').length

  const open = (a: Assignment) => {
    setSaved(null)
    const d = draftOf.get(a.id)
    if (d && d.state !== 'conflict') return setView('queue')
    setEditing({ assignment: a, draft: null, kept: [] })
    setView('list')
  }

  async function save(values: FormValues) {
    if (!editing) return
    const { assignment: a, draft: before } = editing
    const clientId = before?.clientId ?? uuid()
    const photos: StoredPhoto[] = values.photos.map((f) => ({
      clientId: uuid(),
      draftId: clientId,
      blob: f,
      name: f.name,
      serverId: null,
    }))
    const entry = before ? step(before, { type: 'rerecord' }, Date.now()) : newEntry()
    const draft: Draft = {
      ...(before ?? {}),
      ...entry,
      clientId,
      userId: user!.id,
      inspectionId: a.id,
      assetKind: a.assetKind,
      seen: before?.seen ?? a.asset,
      assetVersion: before?.assetVersion ?? a.assetVersion,
      answers: values.answers,
      measured: values.measured,
      position: values.position,
      noAccess: values.noAccess,
      note: values.note,
      recordedAt: new Date().toISOString(),
      photoIds: [...(before?.photoIds ?? []), ...photos.map((p) => p.clientId)],
      result: null,
      updatedAt: Date.now(),
    }
    await saveDraftWithPhotos(draft, photos)
    await field.refreshDrafts()
    setEditing(null)
    setSaved(a.asset.label)
    field.sync()
  }

  async function rerecord(d: Draft) {
    const a = field.assignments?.find((x) => x.id === d.inspectionId)
    const assignment: Assignment = a ?? {
      id: d.inspectionId,
      assetKind: d.assetKind,
      assetId: 0,
      assetVersion: d.assetVersion,
      asset: d.seen,
      dueOn: '',
      purpose: '',
      state: 'assigned',
      verdict: null,
      version: 0,
    }
    setSaved(null)
    setEditing({ assignment, draft: d, kept: await photosOf(d.clientId) })
    setView('list')
  }

  const mapClick = (click: MapClick) => {
    const id = click.feature?.layer === FIELD_LAYER.targets ? Number(click.feature.properties.id) : null
    const a = field.assignments?.find((x) => x.id === id)
    if (a) open(a)
  }

  const statusBar = (
    <div className="fd-bar" data-testid="field-bar">
      <span className={field.online ? 'tag tag-ok' : 'tag fd-offline'} data-testid="net-state">
        {field.online ? t('field.online') : t('field.offline')}
      </span>
      <span className="tag tag-muted" data-testid="gps-state">
        {t(`field.gps.${gps.status}` as MessageKey, {
          accuracy: gps.accuracyM !== null ? formatDistance(gps.accuracyM, lang) : '',
        })}
      </span>
      <span className="tag tag-muted" data-testid="offline-ready" data-state={field.offline} data-tiles={field.tiles}>
        {t(`field.ready.${field.offline}` as MessageKey)}
      </span>
    </div>
  )

  let side: ReactNode
  if (editing) {
    const checklist = field.checklists.find((c) => c.assetKind === editing.assignment.assetKind)
    side = (
      <InspectionForm
        key={editing.draft?.clientId ?? editing.assignment.id}
        assignment={editing.assignment}
        checklist={checklist}
        gps={gps.at}
        draft={editing.draft}
        keptPhotos={editing.kept}
        reference={editing.draft?.conflict?.current ?? null}
        onSave={save}
        onCancel={() => setEditing(null)}
      />
    )
  } else if (field.loadError && !field.assignments) {
    side = <ErrorMessage error={field.loadError} />
  } else if (!field.assignments) {
    side = <Loading />
  } else {
    side = (
      <>
        {field.fromDeviceAt && (
          <p className="status status-warning" data-testid="from-device">
            {t('field.fromDevice', { at: formatDateTime(field.fromDeviceAt, lang) })}
          </p>
        )}
        {saved && (
          <p className="status status-ok" role="status" data-testid="saved-note">
            {t('field.saved', { label: saved })}
          </p>
        )}
        {targets.length === 0 ? (
          <p className="muted side-empty">{t('field.none')}</p>
        ) : (
          <ul className="fd-list" data-testid="assignment-list">
            {targets.map(({ a, at }) => {
              const stage = stageOf(a)
              return (
                <li key={a.id}>
                  <button
                    type="button"
                    className="fd-card"
                    data-testid="assignment"
                    data-id={a.id}
                    data-stage={stage}
                    onClick={() => open(a)}
                  >
                    <span className="fd-card-main">
                      <strong>{a.asset.label}</strong>
                      {gps.at && (
                        <span className="fd-dist" data-testid="distance">
                          <span
                            className="fd-arrow"
                            aria-hidden="true"
                            style={{ transform: `rotate(${Math.round(bearingDeg(gps.at, at))}deg)` }}
                          >
                            ↑
                          </span>
                          {formatDistance(distanceM(gps.at, at), lang)} · {formatBearing(bearingDeg(gps.at, at), lang)}
                        </span>
                      )}
                    </span>
                    <span className="fd-card-sub muted">
                      {t(`field.kind.${a.assetKind}` as MessageKey)}
                      {a.asset.carrierName ? ` · ${a.asset.carrierName}` : ''} ·{' '}
                      {t('field.due', { date: formatDate(a.dueOn, lang) })}
                    </span>
                    {stage !== 'todo' && (
                      <span className={`tag fd-stage fd-stage-${stage}`}>
                        {t(`field.stage.${stage}` as MessageKey)}
                      </span>
                    )}
                  </button>
                </li>
              )
            })}
          </ul>
        )}
      </>
    )
  }

  return (
    <div
      className="fd-page"
      data-view={editing ? 'list' : view}
      data-editing={editing ? 'true' : undefined}
      data-testid="field-page"
    >
      <header className="fd-head">
        <h1>{t('field.title')}</h1>
        {statusBar}
      </header>
      <nav className="fd-tabs" aria-label={t('field.title')}>
        {(['list', 'map', 'queue'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className={view === v && !editing ? 'fd-tab fd-tab-on' : 'fd-tab'}
            aria-pressed={view === v && !editing}
            data-testid={`tab-${v}`}
            onClick={() => {
              setEditing(null)
              setSaved(null)
              setView(v)
            }}
          >
            {t(`field.tab.${v}` as MessageKey)}
            {v === 'queue' && pending > 0 && <span className="tab-count">{pending}</span>}
          </button>
        ))}
      </nav>
      <section className="fd-side" aria-label={t('field.tab.list')}>
        {side}
      </section>
      <section className="fd-queue-pane" aria-label={t('field.queue.title')}>
        <h2 className="fd-pane-title">{t('field.queue.title')}</h2>
        <SyncQueue
          drafts={field.drafts}
          online={field.online}
          labelOf={(d) => d.seen.label}
          onRetry={(d) => void retry(d)}
          onRerecord={(d) => void rerecord(d)}
          onDiscard={(d) => void discard(d)}
        />
      </section>
      <section className="fd-map">
        <MapView
          basemap={basemap}
          districts={districts.data ?? null}
          visible={visible}
          selectedDistrictId={null}
          picked={null}
          pin={null}
          fit={fit}
          label={t('field.mapLabel')}
          onClick={mapClick}
          overlays={overlays}
          interactiveLayers={[FIELD_LAYER.targets]}
        />
      </section>
    </div>
  )

  async function retry(d: Draft) {
    await putDraft({ ...d, ...step(d, { type: 'retry' }, Date.now()), updatedAt: Date.now() })
    await field.refreshDrafts()
    field.sync()
  }

  async function discard(d: Draft) {
    if (!window.confirm(t('field.conflict.discardConfirm'))) return
    await deleteDraft(d.clientId)
    await field.refreshDrafts()
  }
}
