import type { Request } from 'express'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { uploadBody } from './body'
import { checkUploadable, uploadVersion } from './import'
import { FINISHED_TTL_MS, ImportJobs, jobAnswer, RUNNING_PER_CARRIER } from './import-jobs'
import { logServerError } from '../http/errors'
import { langOf } from '../http/messages'
import { msg, notFound, Problem } from '../http/problems'
import {
  commentAnswer,
  commentBody,
  planAnswer,
  transitionBody,
  planBody,
  planParams,
  diffAnswer,
  findingsAnswer,
  diffQuery,
  importJobAnswer,
  importParams,
  uploadAnswer,
  versionAnswer,
  versionParams,
} from './schemas'
import * as plans from './service'
import { addComment, listComments, transition } from './appraisal'
import { planActions } from './workflow'
import { listFindings, runChecks } from './checks'
import { appraisalDocx, appraisalHtml, appraisalReport } from './appraisal-report'

const STAFF = ['admin', 'officer', 'inspector'] as const
const READERS = [...STAFF, 'carrier'] as const
const OFFICE = ['admin', 'officer'] as const

const scope = (req: Request): plans.Scope => ({
  provinceCode: deps(req).config.provinceCode,
  user: req.user!,
  requestId: req.requestId,
})

/** Whether the request asks to follow the work instead of waiting for it (RFC 7240 `Prefer: respond-async`). */
const respondAsync = (req: Request) => /(^|[\s,;])respond-async([\s,;]|$)/i.test(req.get('prefer') ?? '')

/** Carriers' passive-infrastructure plans: plans, uploaded versions with their reports, and version diffs. */
export function planRoutes(api: Api): void {
  const tag = 'plans'
  // the uploads followed through GET …/imports/{job}, in this server's memory (one store per app)
  const imports = new ImportJobs()
  api.route({
    method: 'get',
    path: '/api/plans',
    summary: "Plans the user may see: a carrier's own, and other carriers' approved ones; staff see all",
    tag,
    access: READERS,
    response: planAnswer.array(),
    handler: ({ req }) => plans.listPlans(deps(req).db, scope(req)),
  })
  api.route({
    method: 'post',
    path: '/api/plans',
    summary: 'File a new plan (carrier): title and period; versions are uploaded next',
    tag,
    access: ['carrier'],
    body: planBody,
    status: 201,
    response: planAnswer,
    handler: ({ body, req }) => deps(req).db.transaction((tx) => plans.createPlan(tx, scope(req), body)),
  })
  api.route({
    method: 'get',
    path: '/api/plans/{id}',
    summary: 'One plan',
    tag,
    access: READERS,
    params: planParams,
    response: planAnswer,
    handler: ({ params, req }) => plans.getPlan(deps(req).db, scope(req), params.id),
  })
  api.route({
    method: 'post',
    path: '/api/plans/{id}/versions',
    summary:
      'Upload the next version (GeoJSON, KML, CSV as text; KMZ, XLSX, zipped Shapefile as base64): accepted whole ' +
      'or refused with a per-feature report',
    tag,
    access: ['carrier'],
    params: planParams,
    body: uploadBody,
    rawBody: true,
    status: 201,
    bodyLimit: '31mb',
    response: uploadAnswer,
    handler: async ({ params, req, res }) => {
      const { db } = deps(req)
      const bytes = (req.input as { body: Buffer }).body
      if (!respondAsync(req)) return uploadVersion(db, scope(req), params.id, bytes)
      // followed: the plan is checked now (404, 409), the file is read, checked and stored after the answer
      const s = scope(req)
      await checkUploadable(db, s, params.id)
      const job = imports.start(params.id, s.user.carrierId!, req.originalUrl)
      if (!job) throw new Problem(429, msg('plan.imports_busy', { n: RUNNING_PER_CARRIER }), { retryAfter: 5 })
      uploadVersion(db, s, params.id, bytes, (p) => imports.progress(job, p)).then(
        (version) => imports.finish(job, version),
        (err) => {
          logServerError(err, req)
          imports.fail(job, err)
        },
      )
      res
        .status(202)
        .location(`/api/plans/${params.id}/imports/${job.id}`)
        .setHeader('Preference-Applied', 'respond-async')
        .json(jobAnswer(job, langOf(req.get('accept-language'))))
    },
  })
  api.route({
    method: 'get',
    path: '/api/plans/{id}/imports/{job}',
    summary:
      'A followed upload (posted with Prefer: respond-async, answered 202 with its Location): phase, features ' +
      'validated of all, errors and warnings so far; then the version stored or the problem, as the direct upload ' +
      "answers them. The uploading carrier's users and the department only; kept 10 minutes after it ends",
    tag,
    access: ['carrier', ...OFFICE],
    params: importParams,
    response: importJobAnswer,
    handler: async ({ params, req, res }) => {
      const job = imports.find(req.user!, params.id, params.job)
      if (!job) throw notFound(msg('plan.import_not_found', { minutes: FINISHED_TTL_MS / 60_000 }))
      res.setHeader('Cache-Control', 'no-store')
      return jobAnswer(job, langOf(req.get('accept-language')))
    },
  })
  api.route({
    method: 'get',
    path: '/api/plans/{id}/versions',
    summary: 'The versions of a plan the user may see, newest first',
    tag,
    access: READERS,
    params: planParams,
    response: versionAnswer.array(),
    handler: ({ params, req }) => plans.listVersions(deps(req).db, scope(req), params.id),
  })
  api.route({
    method: 'get',
    path: '/api/plans/{id}/versions/{number}',
    summary: 'One version with its upload report',
    tag,
    access: READERS,
    params: versionParams,
    response: versionAnswer,
    handler: async ({ params, req }) => {
      const v = await plans.getVersion(deps(req).db, scope(req), params.id, params.number)
      return { ...v, allowedActions: planActions(v.state, req.user!.role) }
    },
  })
  api.route({
    method: 'post',
    path: '/api/plans/{id}/versions/{number}/transition',
    summary: 'Appraise a version (officer): return with a comment, pass, or approve with the decision number and date',
    tag,
    access: OFFICE,
    params: versionParams,
    body: transitionBody,
    response: versionAnswer,
    handler: async ({ params, body, req }) => {
      const v = await deps(req).db.transaction((tx) => transition(tx, scope(req), params.id, params.number, body))
      return { ...v, allowedActions: planActions(v.state, req.user!.role) }
    },
  })
  api.route({
    method: 'get',
    path: '/api/plans/{id}/versions/{number}/comments',
    summary: "A version's comments: staff see all, the plan's carrier all but internal ones, other carriers none",
    tag,
    access: READERS,
    params: versionParams,
    response: commentAnswer.array(),
    handler: ({ params, req }) => listComments(deps(req).db, scope(req), params.id, params.number),
  })
  api.route({
    method: 'post',
    path: '/api/plans/{id}/versions/{number}/comments',
    summary: "Comment on a version or one of its features (staff, internal or not; the plan's carrier answers)",
    tag,
    access: [...OFFICE, 'carrier'],
    params: versionParams,
    body: commentBody,
    status: 201,
    handler: ({ params, body, req }) =>
      deps(req).db.transaction((tx) => addComment(tx, scope(req), params.id, params.number, body)),
  })
  api.route({
    method: 'get',
    path: '/api/plans/{id}/versions/{number}/features',
    summary: "A version's sites, routes and areas as a GeoJSON FeatureCollection",
    tag,
    access: READERS,
    params: versionParams,
    handler: ({ params, req }) => plans.versionFeatures(deps(req).db, scope(req), params.id, params.number),
  })
  api.route({
    method: 'get',
    path: '/api/plans/{id}/versions/{number}/report.csv',
    summary: "A version's upload report (warnings per feature) as CSV",
    tag,
    access: READERS,
    params: versionParams,
    handler: async ({ params, req, res }) => {
      const csv = await plans.versionReportCsv(deps(req).db, scope(req), params.id, params.number)
      res.type('text/csv; charset=utf-8').attachment(`plan-${params.id}-v${params.number}-report.csv`).send(csv)
    },
  })
  api.route({
    method: 'get',
    path: '/api/plans/{id}/diff',
    summary: 'What changed between two versions: added, removed, moved beyond the tolerance (m), changed fields',
    tag,
    access: READERS,
    params: planParams,
    query: diffQuery,
    response: diffAnswer,
    handler: ({ params, query, req }) =>
      plans.diffVersions(deps(req).db, scope(req), params.id, query.from, query.to, query.toleranceM),
  })
  api.route({
    method: 'get',
    path: '/api/plans/{id}/versions/{number}/findings',
    summary:
      "The automatic checks' findings on a version, grouped by rule and district (staff: they name other " +
      "carriers' plans under appraisal)",
    tag,
    access: STAFF,
    params: versionParams,
    response: findingsAnswer,
    handler: ({ params, req }) => listFindings(deps(req).db, scope(req), params.id, params.number),
  })
  api.route({
    method: 'post',
    path: '/api/plans/{id}/versions/{number}/findings',
    summary:
      'Run the automatic checks on every feature of a version (zones, height, spacing, existing stations and ' +
      "routes, the other carriers' plans) and store the findings, replacing the last run's",
    tag,
    access: OFFICE,
    params: versionParams,
    response: findingsAnswer,
    handler: ({ params, req }) => deps(req).db.transaction((tx) => runChecks(tx, scope(req), params.id, params.number)),
  })
  api.route({
    method: 'get',
    path: '/api/plans/{id}/versions/{number}/appraisal.docx',
    summary: 'The appraisal report drafted as DOCX: counts by district, class and year, the findings and a map figure',
    tag,
    access: STAFF,
    params: versionParams,
    handler: async ({ params, req, res }) => {
      const report = await appraisalReport(deps(req).db, scope(req), params.id, params.number)
      res
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .attachment(`tham-dinh-quy-hoach-${params.id}-v${params.number}.docx`)
        .send(await appraisalDocx(report))
    },
  })
  api.route({
    method: 'get',
    path: '/api/plans/{id}/versions/{number}/appraisal.html',
    summary: 'The appraisal report as a printable page (the same tables and figure as the DOCX)',
    tag,
    access: STAFF,
    params: versionParams,
    handler: async ({ params, req, res }) => {
      const report = await appraisalReport(deps(req).db, scope(req), params.id, params.number)
      res.type('text/html; charset=utf-8').send(appraisalHtml(report))
    },
  })
}
