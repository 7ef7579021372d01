/**
 * The carriers that build in Vietnamese provinces (domain.md): mobile MNCs under MCC 452, then fixed, cable TV and
 * the power utility.
 */
export const CARRIERS = [
  { name: 'MobiFone', shortName: 'mobifone', kind: 'mobile', mnc: '01' },
  { name: 'VinaPhone (VNPT)', shortName: 'vnpt', kind: 'mobile', mnc: '02' },
  { name: 'Viettel', shortName: 'viettel', kind: 'mobile', mnc: '04' },
  { name: 'Vietnamobile', shortName: 'vietnamobile', kind: 'mobile', mnc: '05' },
  { name: 'Gmobile (Gtel)', shortName: 'gmobile', kind: 'mobile', mnc: '07' },
  { name: 'FPT Telecom', shortName: 'fpt', kind: 'fixed', mnc: null },
  { name: 'CMC Telecom', shortName: 'cmc', kind: 'fixed', mnc: null },
  { name: 'VTVcab', shortName: 'vtvcab', kind: 'cable_tv', mnc: null },
  { name: 'SCTV', shortName: 'sctv', kind: 'cable_tv', mnc: null },
  { name: 'Tổng công ty Điện lực (EVN)', shortName: 'evn', kind: 'power_utility', mnc: null },
] as const
