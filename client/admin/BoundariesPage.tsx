import { useState } from 'react'
import { http } from '../api/http'
import { useI18n } from '../i18n'
import { formatCount, formatDate, formatDateTime } from '../i18n/format'
import { Loaded } from '../ui/status'
import { Table, type Column } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { BoundaryImportForm } from './BoundaryImportForm'
import { SetupChecklist } from './SetupChecklist'
import { ExportMenu } from '../ui/ExportMenu'

interface Vintage {
  level: 'province' | 'district' | 'ward'
  provinceCode: string
  validFrom: string
  validTo: string | null
  units: number
  demo: boolean
  /** Where the boundaries came from (a file name or the demo generator). */
  source: string | null
  inForce: boolean
}
interface ImportRow {
  id: number
  fileName: string
  level: string
  validFrom: string
  importedAt: string
  moved: { stations: number; poles: number; conversionItems: number; routes: number } | null
}

/** Boundary versions, boundary import with its report, and the first-run checklist (administrator). */
export default function BoundariesPage() {
  const { t, lang } = useI18n()
  const [version, setVersion] = useState(0)
  const setup = useApi(
    (signal) => http.get<{ province: { provinceCode: string } | null }>('/api/admin/setup', undefined, signal),
    'setup-province',
  )
  const data = useApi(
    (signal) => http.get<{ vintages: Vintage[]; imports: ImportRow[] }>('/api/admin/boundaries', undefined, signal),
    `boundaries-${version}`,
  )
  const n = (value: number) => formatCount(Number(value), lang)
  const vintageColumns: Column<Vintage>[] = [
    { key: 'level', header: t('boundaries.level'), cell: (v) => t(`boundaries.level.${v.level}`) },
    { key: 'province', header: t('boundaries.province'), cell: (v) => v.provinceCode },
    { key: 'from', header: t('boundaries.validFrom'), cell: (v) => formatDate(v.validFrom, lang) },
    { key: 'to', header: t('boundaries.validTo'), cell: (v) => (v.validTo ? formatDate(v.validTo, lang) : '—') },
    {
      key: 'units',
      header: t('boundaries.units'),
      cell: (v) => `${n(v.units)}${v.demo ? ` (${t('boundaries.demo')})` : ''}`,
      className: 'num',
    },
    { key: 'source', header: t('boundaries.source'), cell: (v) => v.source ?? '—' },
    { key: 'inForce', header: t('boundaries.inForce'), cell: (v) => (v.inForce ? '✓' : '') },
  ]
  const importColumns: Column<ImportRow>[] = [
    { key: 'id', header: '#', cell: (i) => i.id, className: 'num' },
    { key: 'file', header: t('boundaries.fileName'), cell: (i) => i.fileName },
    { key: 'level', header: t('boundaries.level'), cell: (i) => i.level },
    { key: 'from', header: t('boundaries.validFrom'), cell: (i) => formatDate(i.validFrom, lang) },
    { key: 'at', header: t('boundaries.importedAt'), cell: (i) => formatDateTime(i.importedAt, lang) },
    {
      key: 'moved',
      header: t('boundaries.moved'),
      cell: (i) =>
        i.moved ? [i.moved.stations, i.moved.poles, i.moved.conversionItems, i.moved.routes].map(n).join(' / ') : '—',
      className: 'num',
    },
  ]
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('boundaries.title')}</h1>
      </header>
      <SetupChecklist version={version} />
      {setup.data?.province && (
        <BoundaryImportForm
          provinceCode={setup.data.province.provinceCode}
          onImported={() => setVersion((v) => v + 1)}
        />
      )}
      <Loaded state={data}>
        {(d) => (
          <>
            <h2>{t('boundaries.vintages')}</h2>
            <ExportMenu layer="districts" file="districts" />
            <Table
              columns={vintageColumns}
              rows={d.vintages}
              rowKey={(v) => `${v.level}-${v.provinceCode}-${v.validFrom}`}
              caption={t('boundaries.vintages')}
              empty={t('boundaries.empty')}
            />
            <h2>{t('boundaries.imports')}</h2>
            <Table
              columns={importColumns}
              rows={d.imports}
              rowKey={(i) => i.id}
              caption={t('boundaries.imports')}
              empty={t('boundaries.empty')}
            />
          </>
        )}
      </Loaded>
    </div>
  )
}
