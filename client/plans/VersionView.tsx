import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import type { FeatureCollection } from 'geojson'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { formatCount, formatDate, formatDateTime } from '../i18n/format'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import {
  plansApi,
  type Finding,
  type Findings,
  type Plan,
  type PlanAction,
  type PlanComment,
  type PlanFeatures,
  type PlanVersion,
} from './api'
import { PlanMap } from './PlanMap'

const STAFF = ['admin', 'officer', 'inspector']
const OFFICE = ['admin', 'officer']
const SHOWN_FINDINGS = 300

/** A feature's label: the carrier's code, else its number in the file. */
const labelOf = (features: PlanFeatures | undefined, index: number | null) => {
  if (index === null) return null
  const f = features?.features.find((x) => x.properties.index === index)
  return (f?.properties.key as string | null | undefined) ?? `#${index + 1}`
}

/** The officer's steps on a version: return with a comment, pass, approve with the decision. */
function AppraisalActions({ plan, version, onDone }: { plan: Plan; version: PlanVersion; onDone(): void }) {
  const { t } = useI18n()
  const [open, setOpen] = useState<PlanAction | null>(null)
  const [comment, setComment] = useState('')
  const [decisionNumber, setDecisionNumber] = useState('')
  const [decisionDate, setDecisionDate] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const actions = (version.allowedActions ?? []) as PlanAction[]
  if (actions.length === 0) return null
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!open) return
    setBusy(true)
    setError(null)
    try {
      await plansApi.transition(plan.id, version.number, {
        action: open,
        version: version.version,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(open === 'approve' ? { decisionNumber: decisionNumber.trim(), decisionDate } : {}),
      })
      setOpen(null)
      setComment('')
      onDone()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="page-section" data-testid="plan-actions">
      <h3>{t('pl.appraise')}</h3>
      <div className="form-row">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`btn ${a === 'return' ? 'btn-secondary' : 'btn-primary'}`}
            aria-expanded={open === a}
            data-action={a}
            onClick={() => setOpen(a)}
          >
            {t(`pl.action.${a}`)}
          </button>
        ))}
      </div>
      {open && (
        <form className="pl-form" onSubmit={submit} data-testid={`plan-form-${open}`}>
          <label className="field">
            <span>{open === 'return' ? t('pl.comment.why') : t('pl.comment.optional')}</span>
            <textarea
              name="comment"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              rows={3}
              required={open === 'return'}
              maxLength={4000}
            />
          </label>
          {open === 'approve' && (
            <div className="form-row">
              <label className="field">
                <span>{t('pl.decision.number')}</span>
                <input
                  name="decisionNumber"
                  value={decisionNumber}
                  required
                  maxLength={100}
                  onChange={(e) => setDecisionNumber(e.target.value)}
                />
              </label>
              <label className="field">
                <span>{t('pl.decision.date')}</span>
                <input
                  type="date"
                  name="decisionDate"
                  value={decisionDate}
                  required
                  onChange={(e) => setDecisionDate(e.target.value)}
                />
              </label>
            </div>
          )}
          <div className="form-row">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="plan-confirm">
              {t(`pl.action.${open}`)}
            </button>
            <button type="button" className="btn btn-link" onClick={() => setOpen(null)}>
              {t('pl.cancel')}
            </button>
          </div>
          {error !== null && <ErrorMessage error={error} />}
        </form>
      )}
    </div>
  )
}

/** The automatic checks' findings (staff): runs them once when a version has none yet, grouped by rule and district. */
function FindingsPanel({
  plan,
  version,
  features,
  onComment,
}: {
  plan: Plan
  version: PlanVersion
  features: PlanFeatures | undefined
  onComment(f: Finding): void
}) {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const canRun = OFFICE.includes(user?.role ?? '')
  const [data, setData] = useState<Findings | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [running, setRunning] = useState(false)
  const [rule, setRule] = useState('')
  const started = useRef(false)
  const run = async () => {
    setRunning(true)
    setError(null)
    try {
      setData(await plansApi.runChecks(plan.id, version.number))
    } catch (err) {
      setError(err)
    } finally {
      setRunning(false)
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per version
  useEffect(() => {
    started.current = false
    plansApi.findings(plan.id, version.number).then((f) => {
      setData(f)
      if (f.checkedAt === null && canRun && !started.current) {
        started.current = true
        void run()
      }
    }, setError)
  }, [plan.id, version.number])
  const shown = (data?.findings ?? []).filter((f) => !rule || f.rule === rule)
  return (
    <section className="page-section" data-testid="plan-findings" data-checked={data?.checkedAt ? 'true' : 'false'}>
      <h3>{t('pl.findings')}</h3>
      {error !== null && <ErrorMessage error={error} />}
      {(running || !data) && <Loading label={t('pl.findings.running')} />}
      {data?.checkedAt && (
        <p className="muted">
          {t('pl.findings.summary', {
            n: formatCount(data.total, lang),
            at: formatDateTime(data.checkedAt, lang),
          })}{' '}
          {canRun && (
            <button
              type="button"
              className="btn btn-link"
              onClick={() => void run()}
              disabled={running}
              data-testid="plan-run-checks"
            >
              {t('pl.findings.rerun')}
            </button>
          )}
        </p>
      )}
      {data && data.total > 0 && (
        <div className="pl-groups">
          <table className="table" data-testid="plan-findings-by-rule">
            <thead>
              <tr>
                <th scope="col">{t('pl.findings.rule')}</th>
                <th scope="col">{t('pl.outcome.fail')}</th>
                <th scope="col">{t('pl.outcome.warn')}</th>
                <th scope="col">{t('pl.outcome.opportunity')}</th>
              </tr>
            </thead>
            <tbody>
              {data.byRule.map((g) => (
                <tr key={g.rule} data-rule={g.rule} data-count={g.count}>
                  <td>
                    <button
                      type="button"
                      className="btn btn-link"
                      onClick={() => setRule(rule === g.rule ? '' : g.rule)}
                    >
                      {t(`pl.rule.${g.rule}`)}
                    </button>
                  </td>
                  <td className="num">{formatCount(g.fail, lang)}</td>
                  <td className="num">{formatCount(g.warn, lang)}</td>
                  <td className="num">{formatCount(g.opportunity, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table" data-testid="plan-findings-by-district">
            <thead>
              <tr>
                <th scope="col">{t('pl.findings.district')}</th>
                <th scope="col">{t('pl.findings.count')}</th>
              </tr>
            </thead>
            <tbody>
              {data.byDistrict.map((g) => (
                <tr key={g.districtCode ?? '-'}>
                  <td>{g.districtName ?? t('pl.findings.noDistrict')}</td>
                  <td className="num">{formatCount(g.count, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="plan-findings-list">
            <thead>
              <tr>
                <th scope="col">{t('pl.feature')}</th>
                <th scope="col">{t('pl.findings.rule')}</th>
                <th scope="col">{t('pl.message')}</th>
                <th scope="col">{t('pl.findings.district')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, SHOWN_FINDINGS).map((f) => (
                <tr key={f.id} data-rule={f.rule} data-outcome={f.outcome} data-feature={f.featureKey ?? ''}>
                  <td>{f.featureKey ?? labelOf(features, f.featureIndex)}</td>
                  <td className={`pl-outcome-${f.outcome}`}>{t(`pl.rule.${f.rule}`)}</td>
                  <td>{lang === 'vi' ? f.messageVi : f.messageEn}</td>
                  <td>{f.districtName ?? '—'}</td>
                  <td>
                    {canRun && (
                      <button type="button" className="btn btn-link" onClick={() => onComment(f)}>
                        {t('pl.comment.on')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length > SHOWN_FINDINGS && (
            <p className="muted">{t('pl.findings.more', { n: formatCount(shown.length - SHOWN_FINDINGS, lang) })}</p>
          )}
        </div>
      )}
      {data?.checkedAt && data.total === 0 && <p className="muted">{t('pl.findings.none')}</p>}
    </section>
  )
}

function CommentItem({ c, features, answers }: { c: PlanComment; features?: PlanFeatures; answers: PlanComment[] }) {
  const { t, lang } = useI18n()
  const feature = c.featureKey ?? labelOf(features, c.featureIndex)
  return (
    <div data-comment-id={c.id} className={c.internal ? 'pl-comment pl-internal' : 'pl-comment'}>
      <p>
        <strong>{c.author}</strong> · {formatDateTime(c.createdAt, lang)}
        {feature && ` · ${t('pl.feature')} ${feature}`}
        {c.internal && ` · ${t('pl.comment.internal')}`}
      </p>
      <p className="pl-comment-body">{c.body}</p>
      {answers.map((a) => (
        <p key={a.id} className="pl-answer" data-testid="plan-answer">
          ↳ <strong>{a.author}</strong>: {a.body}
        </p>
      ))}
    </div>
  )
}

/**
 * The comments of a version and, from the second version on, the department's comments on the one before with the
 * carrier's answers (the carrier answers each here, with the new version).
 */
function Comments({
  plan,
  version,
  features,
  target,
  onTarget,
}: {
  plan: Plan
  version: PlanVersion
  features: PlanFeatures | undefined
  target: number | null
  onTarget(i: number | null): void
}) {
  const { t } = useI18n()
  const { user } = useSession()
  const staff = STAFF.includes(user?.role ?? '')
  const office = OFFICE.includes(user?.role ?? '')
  const own = user?.role === 'carrier' && user.carrierId === plan.carrierId
  const key = `${plan.id}:${version.number}`
  const current = useApi((s) => plansApi.comments(plan.id, version.number, s), `comments:${key}`)
  const previous = useApi(
    (s) =>
      version.number > 1 ? plansApi.comments(plan.id, version.number - 1, s) : Promise.resolve([] as PlanComment[]),
    `comments-before:${key}`,
  )
  const [body, setBody] = useState('')
  const [internal, setInternal] = useState(false)
  const [answers, setAnswers] = useState<Record<number, string>>({})
  const [error, setError] = useState<unknown>(null)
  const answersOf = (id: number) => (current.data ?? []).filter((c) => c.answersId === id)
  const asked = (previous.data ?? []).filter((c) => c.authorRole !== 'carrier' && !c.internal)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      await plansApi.comment(plan.id, version.number, {
        body: body.trim(),
        ...(target !== null ? { featureIndex: target } : {}),
        ...(staff && internal ? { internal } : {}),
      })
      setBody('')
      onTarget(null)
      current.reload()
    } catch (err) {
      setError(err)
    }
  }
  const answer = async (c: PlanComment) => {
    setError(null)
    try {
      await plansApi.comment(plan.id, version.number, { body: (answers[c.id] ?? '').trim(), answersId: c.id })
      setAnswers((a) => ({ ...a, [c.id]: '' }))
      current.reload()
    } catch (err) {
      setError(err)
    }
  }
  const mine = (current.data ?? []).filter((c) => c.answersId === null)
  const pickable = (features?.features ?? []).slice(0, 2000)
  return (
    <section className="page-section" data-testid="plan-comments">
      <h3>{t('pl.comments')}</h3>
      {error !== null && <ErrorMessage error={error} />}
      {asked.length > 0 && (
        <>
          <h4>{t('pl.comments.before', { n: version.number - 1 })}</h4>
          <ul className="plain-list" data-testid="plan-comments-before">
            {asked.map((c) => (
              <li key={c.id}>
                <CommentItem c={c} answers={answersOf(c.id)} />
                {own && answersOf(c.id).length === 0 && (
                  <div className="form-row pl-answer-form">
                    <label className="field">
                      <span>{t('pl.answer')}</span>
                      <textarea
                        rows={2}
                        value={answers[c.id] ?? ''}
                        data-testid={`plan-answer-text-${c.id}`}
                        onChange={(e) => setAnswers((a) => ({ ...a, [c.id]: e.target.value }))}
                      />
                    </label>
                    <button
                      type="button"
                      className="btn btn-secondary"
                      data-testid={`plan-answer-send-${c.id}`}
                      disabled={!(answers[c.id] ?? '').trim()}
                      onClick={() => void answer(c)}
                    >
                      {t('pl.answer.send')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {current.loading && !current.data && <Loading />}
      {mine.length === 0 ? (
        <p className="muted">{t('pl.comments.none')}</p>
      ) : (
        <ul className="plain-list" data-testid="plan-comment-list">
          {mine.map((c) => (
            <li key={c.id}>
              <CommentItem c={c} features={features} answers={[]} />
            </li>
          ))}
        </ul>
      )}
      {(office || own) && (
        <form className="pl-form" onSubmit={submit} data-testid="plan-comment-form">
          {office && (
            <label className="field">
              <span>{t('pl.feature')}</span>
              <select
                name="feature"
                value={target ?? ''}
                onChange={(e) => onTarget(e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">{t('pl.comment.whole')}</option>
                {pickable.map((f) => (
                  <option key={String(f.properties.index)} value={String(f.properties.index)}>
                    {labelOf(features, f.properties.index as number)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span>{t('pl.comment')}</span>
            <textarea
              name="body"
              rows={3}
              value={body}
              required
              maxLength={4000}
              onChange={(e) => setBody(e.target.value)}
            />
          </label>
          {office && (
            <label className="check">
              <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
              {t('pl.comment.internal')}
            </label>
          )}
          <button type="submit" className="btn btn-secondary" data-testid="plan-comment-send">
            {t('pl.comment.send')}
          </button>
        </form>
      )}
    </section>
  )
}

/** One version: its map, the automatic checks (staff), comments and answers, the officer's steps, the report. */
export function VersionView({ plan, number, onChanged }: { plan: Plan; number: number; onChanged(): void }) {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const staff = STAFF.includes(user?.role ?? '')
  const key = `${plan.id}:${number}`
  const version = useApi((s) => plansApi.version(plan.id, number, s), `version:${key}`)
  const features = useApi((s) => plansApi.features(plan.id, number, s), `features:${key}`)
  const [target, setTarget] = useState<number | null>(null)
  const data = useMemo(() => features.data as unknown as FeatureCollection | undefined, [features.data])
  const v = version.data
  if (version.error !== null) return <ErrorMessage error={version.error} onRetry={version.reload} />
  if (!v) return <Loading />
  return (
    <section className="page-section pl-version" data-testid="plan-version" data-number={v.number} data-state={v.state}>
      <h3>
        {t('pl.version', { n: v.number })} · <span data-testid="plan-version-state">{t(`pl.state.${v.state}`)}</span>
      </h3>
      {v.decisionNumber && (
        <p data-testid="plan-decision">
          {t('pl.decision', { number: v.decisionNumber, date: v.decisionDate ? formatDate(v.decisionDate, lang) : '' })}
        </p>
      )}
      {data && <PlanMap data={data} colourBy="kind" label={t('pl.map', { n: v.number })} />}
      {staff && (
        <p className="form-row">
          <a
            className="btn btn-secondary"
            href={`/api/plans/${plan.id}/versions/${v.number}/appraisal.docx`}
            data-testid="plan-report-docx"
          >
            {t('pl.report.docx')}
          </a>
          <a
            className="btn btn-link"
            href={`/api/plans/${plan.id}/versions/${v.number}/appraisal.html`}
            target="_blank"
            rel="noreferrer"
            data-testid="plan-report-print"
          >
            {t('pl.report.print')}
          </a>
        </p>
      )}
      {staff && (
        <FindingsPanel plan={plan} version={v} features={features.data} onComment={(f) => setTarget(f.featureIndex)} />
      )}
      <Comments plan={plan} version={v} features={features.data} target={target} onTarget={setTarget} />
      <AppraisalActions
        plan={plan}
        version={v}
        onDone={() => {
          version.reload()
          onChanged()
        }}
      />
    </section>
  )
}
