import { DOMParser } from '@xmldom/xmldom'
import ExcelJS from 'exceljs'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import type { Json } from '../helpers/json'
import { loadReportFixture } from '../helpers/reports'
import { loadOversightFixture } from '../helpers/reports-oversight'

// The section's oversight parts — plans appraised, inspections and violations, citizen reports within the SLA —
// on the constructed province (test/helpers/reports.ts) with the oversight records of
// test/helpers/reports-oversight.ts: every figure against SQL written here, the wording pinned for two periods,
// the records behind each figure, the parts left out without data, the boundary versions and the exports.

let app: TestApp
let cookie: string
const Q1 = 'period=quarter&year=2024&quarter=1'
const H1 = 'period=half&year=2024&half=1'
const PERIODS: [string, string, string][] = [
  [Q1, '2024-01-01', '2024-03-31'],
  [H1, '2024-01-01', '2024-06-30'],
  ['period=range&from=2024-04-15&to=2024-04-30', '2024-04-15', '2024-04-30'],
]
const OVERSIGHT = ['plans', 'inspections', 'tickets']

beforeAll(async () => {
  app = await startTestApp()
  await loadReportFixture(app.db)
  const officer = await app.user('ro-officer', 'officer')
  cookie = officer.cookie
  await loadOversightFixture(app.db, officer.id)
})
afterAll(async () => {
  await app?.close()
})

async function get(path: string): Promise<Json> {
  const res = await app.request('GET', path, { cookie })
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as Json
}
const section = (query: string) => get(`/api/reports/section?${query}`)
const part = (r: Json, key: string): Json | undefined => r.parts.find((p: Json) => p.key === key)
const figures = (r: Json, key: string): Record<string, number> =>
  Object.fromEntries((part(r, key)?.figures ?? []).map((f: Json) => [f.key, f.value]))

/** A Vietnamese day of a timestamp column, in SQL. */
const day = (col: string) => `(${col} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`

/** The figures of the three parts, computed here straight from the tables for the days from..to. */
async function independent(from: string, to: string) {
  const n = async (sql: string) => Number((await app.db.one<{ n: number }>(sql, [from, to])).n)
  const ids = async (sql: string) => (await app.db.many<{ id: number }>(sql, [from, to])).map((r) => Number(r.id))
  const inRange = (col: string) => `${day(col)} BETWEEN $1::date AND $2::date`
  const plans = `plan_versions v JOIN plans p ON p.id = v.plan_id WHERE p.province_code = '79'`
  const approved = `${plans} AND v.decision_date BETWEEN $1::date AND $2::date`
  const recorded = `inspections i WHERE i.province_code = '79' AND i.state = 'recorded' AND ${inRange('i.recorded_at')}`
  const rule = (r: string) => `jsonb_path_exists(i.violations, '$[*] ? (@.rule == "${r}")')`
  const resolved = `tickets t WHERE t.status = 'resolved' AND ${inRange('t.resolved_at')}`
  const hours = await app.db.many<{ h: number }>(
    `SELECT extract(epoch FROM t.resolved_at - t.created_at) / 3600 AS h FROM ${resolved} ORDER BY 1`,
    [from, to],
  )
  const hs = hours.map((r) => Number(r.h))
  const median =
    hs.length === 0 ? null : (hs[Math.floor((hs.length - 1) / 2)]! + hs[Math.ceil((hs.length - 1) / 2)]!) / 2
  const overdueIds = await ids(
    `SELECT f.id FROM inspection_follow_ups f
      WHERE ${day('f.created_at')} <= $2::date AND f.due_on < $2::date
        AND NOT coalesce(${day('f.answered_at')} <= $2::date, false)
        AND NOT coalesce(${day('f.closed_at')} <= $2::date, false) AND $1::date <= $2::date`,
  )
  return {
    plans: {
      submitted: await ids(`SELECT v.id FROM ${plans} AND ${inRange('v.uploaded_at')}`),
      returned: await ids(
        `SELECT v.id FROM ${plans} AND EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'plan_version.return'
            AND a.entity_id = v.id::text AND ${inRange('a.at')})`,
      ),
      approved: await ids(`SELECT v.id FROM ${approved}`),
      approvedSites: await n(`SELECT coalesce(sum(v.site_count), 0) AS n FROM ${approved}`),
      approvedKm:
        (await n(
          `SELECT coalesce(sum(coalesce(r.declared_length_m, r.length_m)), 0) AS n
             FROM planned_routes r WHERE r.version_id IN (SELECT v.id FROM ${approved})`,
        )) / 1000,
    },
    inspections: {
      inspected: await ids(`SELECT i.id FROM ${recorded}`),
      violation: await ids(`SELECT i.id FROM ${recorded} AND i.verdict = 'violation'`),
      heightOver: await ids(`SELECT i.id FROM ${recorded} AND ${rule('height_over')}`),
      classMismatch: await ids(`SELECT i.id FROM ${recorded} AND ${rule('class_mismatch')}`),
      positionOff: await ids(`SELECT i.id FROM ${recorded} AND ${rule('position_off')}`),
      checklistFailed: await ids(`SELECT i.id FROM ${recorded} AND ${rule('checklist_item')}`),
      otherRule: await ids(
        `SELECT i.id FROM ${recorded} AND jsonb_path_exists(i.violations,
           '$[*] ? (@.rule != "height_over" && @.rule != "class_mismatch" && @.rule != "position_off"
                    && @.rule != "checklist_item")')`,
      ),
      followUpOpened: await ids(`SELECT f.id FROM inspection_follow_ups f WHERE ${inRange('f.created_at')}`),
      // closed by a re-check that found the asset compliant
      followUpResolved: await ids(
        `SELECT f.id FROM inspection_follow_ups f JOIN inspections r ON r.id = f.recheck_inspection_id
          WHERE ${inRange('f.closed_at')} AND r.verdict = 'compliant'`,
      ),
      followUpOverdue: overdueIds,
    },
    tickets: {
      received: await ids(`SELECT t.id FROM tickets t WHERE ${inRange('t.created_at')}`),
      resolved: await ids(`SELECT t.id FROM ${resolved}`),
      // the SLA as the ticket's hours from receipt (tickets.sla_hours), not the stored deadline the report reads
      withinSla: await ids(
        `SELECT t.id FROM ${resolved} AND t.resolved_at <= t.created_at + t.sla_hours * interval '1 hour'`,
      ),
      medianHours: median,
    },
  }
}

describe('the figures', () => {
  it('equal SQL written here, for two periods and a range', async () => {
    for (const [query, from, to] of PERIODS) {
      const r = await section(query)
      const want = await independent(from, to)
      const plans = figures(r, 'plans')
      if (want.plans.submitted.length + want.plans.returned.length + want.plans.approved.length > 0) {
        expect(plans.submitted, query).toBe(want.plans.submitted.length)
        expect(plans.returned, query).toBe(want.plans.returned.length)
        expect(plans.approved, query).toBe(want.plans.approved.length)
        expect(plans.approvedSites, query).toBe(want.plans.approvedSites)
        expect(plans.approvedKm, query).toBeCloseTo(want.plans.approvedKm, 9)
      } else expect(part(r, 'plans'), query).toBeUndefined()
      const insp = figures(r, 'inspections')
      for (const [k, list] of Object.entries(want.inspections)) expect(insp[k], `${query} ${k}`).toBe(list.length)
      const tickets = figures(r, 'tickets')
      expect(tickets.received, query).toBe(want.tickets.received.length)
      expect(tickets.resolved, query).toBe(want.tickets.resolved.length)
      expect(tickets.withinSla, query).toBe(want.tickets.withinSla.length)
      expect(tickets.medianHours, query).toBeCloseTo(want.tickets.medianHours!, 9)
      expect(tickets.withinSlaPercent, query).toBeCloseTo(
        (100 * want.tickets.withinSla.length) / want.tickets.resolved.length,
        9,
      )
    }
  })

  it('list exactly the records each figure counts', async () => {
    let checked = 0
    for (const [query, from, to] of PERIODS) {
      const r = await section(query)
      const want = await independent(from, to)
      for (const key of OVERSIGHT) {
        const p = part(r, key)
        if (!p) continue
        for (const [flag, list] of Object.entries(want[key as keyof typeof want]))
          if (Array.isArray(list)) {
            const f = p.figures.find((x: Json) => x.key === flag)
            const records = await get(f.link)
            expect(records.total, `${query} ${key}.${flag}`).toBe(list.length)
            expect(
              records.items.map((i: Json) => i.id).sort((a: number, b: number) => a - b),
              `${query} ${key}.${flag}`,
            ).toEqual([...list].sort((a, b) => a - b))
            checked++
          }
      }
    }
    expect(checked).toBeGreaterThan(30)
  })

  it('link every count in the tables to as many records', async () => {
    // columns that count records; the plans' sites and km link to the approved versions they are summed over
    const countColumns: Record<string, (t: Json) => number[]> = {
      plans: (t) => (t.key === 'byCarrier' ? [1, 2, 3] : []),
      inspections: (t) => (t.key === 'results' ? [1] : [2, 3, 4, 5, 6]),
      tickets: (t) => (t.key === 'byCategory' ? [1, 2, 3] : [2, 3, 4]),
    }
    let checked = 0
    for (const query of [Q1, `${Q1}&unitsOn=2020-06-01`, H1]) {
      const r = await section(query)
      for (const key of OVERSIGHT)
        for (const t of part(r, key)!.tables)
          for (const row of t.rows)
            for (const i of countColumns[key]!(t)) {
              expect((await get(row[i].link)).total, `${key} ${t.key} ${row[i].link}`).toBe(row[i].value)
              checked++
            }
    }
    expect(checked).toBeGreaterThan(100)
  }, 240_000)
})

describe('the wording', () => {
  const paragraphs = (r: Json) => OVERSIGHT.flatMap((k) => part(r, k)?.paragraphs ?? [])

  it('writes Quý I/2024 in the officers’ sentences', async () => {
    expect(paragraphs(await section(Q1))).toEqual([
      'Công tác thẩm định quy hoạch hạ tầng kỹ thuật viễn thông thụ động: trong Quý I/2024, Sở tiếp nhận 3 hồ sơ ' +
        'quy hoạch của các doanh nghiệp; đã trả lại để chỉnh sửa, bổ sung 2 hồ sơ; đã phê duyệt 1 quy hoạch (Quy ' +
        'hoạch hạ tầng viễn thông thụ động 2024–2030 của Viettel, Quyết định số 456/QĐ-UBND ngày 15/03/2024), gồm ' +
        '12 vị trí trạm BTS và 3,5 km tuyến cáp.',
      'Công tác kiểm tra hạ tầng viễn thông thụ động: trong Quý I/2024, đã thực hiện 7 lượt kiểm tra; kết quả ' +
        'kiểm tra: 3 lượt phát hiện vi phạm (vượt độ cao cột được cấp phép 1 trường hợp, sai loại cột so với giấy ' +
        'phép 1 trường hợp, sai vị trí so với hồ sơ 1 trường hợp, không đạt nội dung kiểm tra 1 trường hợp, vi ' +
        'phạm khác 1 trường hợp). Đã yêu cầu doanh nghiệp khắc phục 3 trường hợp vi phạm; đã khắc phục xong (kiểm ' +
        'tra lại đạt) 1 trường hợp; đến ngày 31/03/2024 còn 1 trường hợp quá hạn chưa khắc phục.',
      'Tiếp nhận, xử lý phản ánh của người dân qua Tổng đài 1022 về hạ tầng viễn thông: trong Quý I/2024, tiếp ' +
        'nhận 5 phản ánh (cáp treo võng, rơi: 1; cột không an toàn: 1; xây dựng trạm BTS: 1; lo ngại sóng điện từ: ' +
        '1; cáp kéo không phép: 1); đã giải quyết 4 phản ánh, trong đó 3 phản ánh được giải quyết đúng thời hạn ' +
        'quy định (đạt 75%); thời gian giải quyết (trung vị) là 21 giờ.',
    ])
  })

  it('writes 6 tháng đầu năm 2024 with the half year’s figures', async () => {
    // a version uploaded in April; an inspection, a violation and its follow-up, a report received and resolved
    // (exactly at its deadline: within the SLA) in the second quarter
    expect(paragraphs(await section(H1))).toEqual([
      'Công tác thẩm định quy hoạch hạ tầng kỹ thuật viễn thông thụ động: trong 6 tháng đầu năm 2024, Sở tiếp ' +
        'nhận 4 hồ sơ quy hoạch của các doanh nghiệp; đã trả lại để chỉnh sửa, bổ sung 2 hồ sơ; đã phê duyệt 1 ' +
        'quy hoạch (Quy hoạch hạ tầng viễn thông thụ động 2024–2030 của Viettel, Quyết định số 456/QĐ-UBND ngày ' +
        '15/03/2024), gồm 12 vị trí trạm BTS và 3,5 km tuyến cáp.',
      'Công tác kiểm tra hạ tầng viễn thông thụ động: trong 6 tháng đầu năm 2024, đã thực hiện 8 lượt kiểm tra; ' +
        'kết quả kiểm tra: 4 lượt phát hiện vi phạm (vượt độ cao cột được cấp phép 2 trường hợp, sai loại cột so ' +
        'với giấy phép 1 trường hợp, sai vị trí so với hồ sơ 1 trường hợp, không đạt nội dung kiểm tra 1 trường ' +
        'hợp, vi phạm khác 1 trường hợp). Đã yêu cầu doanh nghiệp khắc phục 4 trường hợp vi phạm; đã khắc phục ' +
        'xong (kiểm tra lại đạt) 1 trường hợp; đến ngày 30/06/2024 còn 2 trường hợp quá hạn chưa khắc phục.',
      'Tiếp nhận, xử lý phản ánh của người dân qua Tổng đài 1022 về hạ tầng viễn thông: trong 6 tháng đầu năm ' +
        '2024, tiếp nhận 6 phản ánh (cáp treo võng, rơi: 1; cột không an toàn: 1; xây dựng trạm BTS: 1; lo ngại ' +
        'sóng điện từ: 2; cáp kéo không phép: 1); đã giải quyết 5 phản ánh, trong đó 4 phản ánh được giải quyết ' +
        'đúng thời hạn quy định (đạt 80%); thời gian giải quyết (trung vị) là 30 giờ.',
    ])
  })
})

describe('parts without data', () => {
  it('are left out', async () => {
    // 2022: a station, nothing of the oversight records
    expect((await section('period=year&year=2022')).parts.map((p: Json) => p.key)).toEqual(['stations'])
    const april = await section('period=range&from=2024-04-15&to=2024-04-30')
    // no plan version moved in the second half of April; follow-ups still overdue and a report resolved did
    const keys = april.parts.map((p: Json) => p.key)
    expect(keys).not.toContain('plans')
    expect(keys.filter((k: string) => OVERSIGHT.includes(k))).toEqual(['inspections', 'tickets'])
    expect(figures(april, 'inspections').inspected).toBe(0)
    expect(part(april, 'inspections')!.paragraphs).toEqual([
      'Công tác kiểm tra hạ tầng viễn thông thụ động: trong từ ngày 15/04/2024 đến ngày 30/04/2024, không có lượt ' +
        'kiểm tra nào được thực hiện. Đã yêu cầu doanh nghiệp khắc phục 0 trường hợp vi phạm; đã khắc phục xong ' +
        '(kiểm tra lại đạt) 0 trường hợp; đến ngày 30/04/2024 còn 2 trường hợp quá hạn chưa khắc phục.',
    ])
    expect(figures(april, 'tickets').received).toBe(0)
  })
})

describe('boundary versions', () => {
  const rows = (r: Json, key: string) =>
    Object.fromEntries(
      part(r, key)!
        .tables.find((t: Json) => t.key === 'byDistrict')
        .rows.filter((row: Json) => row[0].text !== '')
        .map((row: Json) => [row[0].text, row.slice(2).map((c: Json) => c.value)]),
    )

  it('keep the totals and split Thành phố Thủ Đức into the districts it replaced', async () => {
    const merged = await section(Q1)
    const before = await section(`${Q1}&unitsOn=2020-06-01`)
    for (const key of OVERSIGHT) {
      expect(figures(before, key)).toEqual(figures(merged, key))
      expect(part(before, key)!.paragraphs).toEqual(part(merged, key)!.paragraphs)
    }
    expect(Object.keys(rows(merged, 'tickets'))).toEqual(['760', '769'])
    expect(Object.keys(rows(before, 'tickets'))).toEqual(['760', '762', '763', '769'])
    const now = rows(merged, 'tickets')
    const then = rows(before, 'tickets')
    expect(then['760']).toEqual(now['760'])
    expect(then['762'].map((v: number, i: number) => v + then['763'][i] + then['769'][i])).toEqual(now['769'])
    expect(Object.keys(rows(merged, 'inspections'))).toEqual(['760', '769'])
    // the route inspected lies in Quận Thủ Đức and Quận 9; S4 (Quận 2), whose follow-up closed in the quarter
    expect(Object.keys(rows(before, 'inspections'))).toEqual(['760', '762', '763', '769'])
  })
})

describe('exports', () => {
  it('write the parts’ sentences and table figures into the DOCX and the XLSX', async () => {
    const r = await section(Q1)
    const res = await app.request('GET', `/api/reports/section.docx?${Q1}`, { cookie })
    expect(res.status).toBe(200)
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml'])
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
    const doc = new DOMParser().parseFromString(xml, 'text/xml')
    const texts = Array.from(doc.getElementsByTagNameNS(W, 'p')).map((p) =>
      Array.from(p.getElementsByTagNameNS(W, 't'))
        .map((t) => t.textContent)
        .join(''),
    )
    const book = new ExcelJS.Workbook()
    const xlsx = await app.request('GET', `/api/reports/section.xlsx?${Q1}`, { cookie })
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer)
    const lines: unknown[] = []
    book.getWorksheet('Báo cáo')!.eachRow((row) => lines.push(row.getCell(1).value))
    for (const key of OVERSIGHT) {
      const p = part(r, key)!
      const i = r.parts.indexOf(p)
      expect(texts).toContain(`${i + 1}. ${p.title}`)
      for (const s of p.paragraphs) {
        expect(texts).toContain(s)
        expect(lines).toContain(s)
      }
      const sheetRows: unknown[][] = []
      book.worksheets[i + 1]!.eachRow((row) => sheetRows.push((row.values as unknown[]).slice(1)))
      for (const t of p.tables) {
        expect(texts).toContain(t.caption)
        for (const row of t.rows) {
          for (const c of row) if (c.text) expect(texts).toContain(c.text)
          expect(sheetRows).toContainEqual(row.map((c: Json) => c.value))
        }
      }
    }
  })
})
