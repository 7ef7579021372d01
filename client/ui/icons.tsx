/** A few line icons drawn inline (24×24, stroke), so that nothing is fetched from elsewhere. */

const PATHS = {
  map: 'M9 4 3 6v14l6-2 6 2 6-2V4l-6 2-6-2Zm0 0v14m6-12v14',
  users:
    'M16 20v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 4 18.5V20M10 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm10 ' +
    '9v-1.5a3.5 3.5 0 0 0-2.5-3.35M15.5 4.15a3.5 3.5 0 0 1 0 6.7',
  building: 'M4 21V5a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v16m0-10h4a1 1 0 0 1 1 1v9M2 21h20M8 8h3m-3 4h3m-3 4h3',
  history: 'M3 12a9 9 0 1 0 3-6.7L3 8m0-5v5h5m4-1v5l3.5 2',
  logout: 'M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l5-5-5-5m5 5H3',
  menu: 'M4 6h16M4 12h16M4 18h16',
  close: 'M6 6l12 12M18 6 6 18',
  layers: 'm12 3 9 5-9 5-9-5 9-5Zm-9 9 9 5 9-5M3 16l9 5 9-5',
  crosshair: 'M12 3v4m0 10v4M3 12h4m10 0h4M12 19a7 7 0 1 0 0-14 7 7 0 0 0 0 14Z',
  globe:
    'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm-9-9h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 ' +
    '9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3Z',
  expand: 'M4 9V4h5M20 9V4h-5M4 15v5h5m11-5v5h-5',
  tower:
    'M12 7v14M8.5 21 12 7l3.5 14M9.5 15h5M5 6.5a9.5 9.5 0 0 1 0-5m14 5a9.5 9.5 0 0 0 0-5M8 5a4.5 4.5 0 0 1 0-3m8 ' +
    '3a4.5 4.5 0 0 0 0-3',
  convert: 'M4 8h14l-3-3M20 16H6l3 3',
  cable: 'M4 20V8m16 12V8M2 8h4m14 0h-4M6 9c3 5 9 5 12 0M9 20v-4m6 4v-4',
  chart: 'M4 20h16M7 16v-5m5 5V6m5 10v-8',
  key: 'M14 10a4 4 0 1 0-3.5 4l-6.5 6.5V23h3v-2h2v-2h2l1.5-1.5M15 6.5h.01',
  inbox: 'M4 13h4l1.5 3h5L16 13h4M4 13l2.5-8h11L20 13v6H4v-6Z',
  ruler: 'M3 16.5 16.5 3 21 7.5 7.5 21 3 16.5Zm4-4 2 2m1.5-5.5 2 2m1.5-5.5 2 2',
  printer: 'M7 9V3h10v6M7 18H5a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2M7 14h10v7H7v-7Z',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14Zm9 2-4-4',
  clipboard: 'M9 3h6v3H9V3ZM7 4.5H5V21h14V4.5h-2M8.5 13l2.5 2.5 4.5-5',
  calendar: 'M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Zm-1 5h16M8 3v4m8-4v4',
} as const

export type IconName = keyof typeof PATHS

/** A decorative icon; give the button or link around it an accessible name. */
export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
