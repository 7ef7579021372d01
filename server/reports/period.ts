/** The period of a report: its dates (inclusive, Vietnamese days), its kind and its Vietnamese label. */
import { formatDateVi as dateVi } from '../cables/format'

export type PeriodKind = 'quarter' | 'half' | 'year' | 'range'

export interface ReportPeriod {
  kind: PeriodKind
  from: string
  to: string
  /** As the officers write it: "Quý I/2018", "6 tháng đầu năm 2017", "năm 2024", "từ 01/02/2024 đến 15/03/2024". */
  label: string
}

export interface PeriodInput {
  period: PeriodKind
  year?: number
  quarter?: number
  half?: number
  from?: string
  to?: string
}

const ROMAN = ['I', 'II', 'III', 'IV']

/** A date YYYY-MM-DD as dd/mm/yyyy (the one formatter of cables/format.ts). */
export { dateVi }

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)

/** Turns a validated period input (reportQuery guarantees its fields) into dates and a label. */
export function periodOf(input: PeriodInput): ReportPeriod {
  const year = input.year!
  switch (input.period) {
    case 'quarter': {
      const q = input.quarter!
      const first = (q - 1) * 3 + 1
      return {
        kind: 'quarter',
        from: `${year}-${pad(first)}-01`,
        to: lastDay(year, first + 2),
        label: `Quý ${ROMAN[q - 1]}/${year}`,
      }
    }
    case 'half':
      return input.half === 1
        ? { kind: 'half', from: `${year}-01-01`, to: `${year}-06-30`, label: `6 tháng đầu năm ${year}` }
        : { kind: 'half', from: `${year}-07-01`, to: `${year}-12-31`, label: `6 tháng cuối năm ${year}` }
    case 'year':
      return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31`, label: `năm ${year}` }
    case 'range':
      return {
        kind: 'range',
        from: input.from!,
        to: input.to!,
        label: `từ ngày ${dateVi(input.from!)} đến ngày ${dateVi(input.to!)}`,
      }
  }
}

/** The label at the start of a sentence: "Quý I/2018", "Năm 2024", "Từ ngày …". */
export const capitalized = (label: string): string => label.charAt(0).toUpperCase() + label.slice(1)
