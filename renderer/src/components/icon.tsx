/** The icons the dashboard draws, as plain SVG paths (no icon font, nothing fetched). */
const paths = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  alert:
    'M12 8v5M12 16.5v.5M10.3 3.9L2.6 17.5A2 2 0 004.3 20.5h15.4a2 2 0 001.7-3L13.7 3.9a2 2 0 00-3.4 0z',
  cross: 'M6 6l12 12M18 6L6 18',
  minus: 'M6 12h12',
  question: 'M9.2 9a3 3 0 015.6 1c0 2-3 2.5-3 4.5M12 17.5v.5',
  overview: 'M4 4h7v7H4zM13 4h7v4h-7zM13 10h7v10h-7zM4 13h7v7H4z',
  switches: 'M8 7h8a4 4 0 010 8H8a4 4 0 010-8zM8 9.5a1.5 1.5 0 100 3 1.5 1.5 0 000-3z',
  log: 'M5 6h14M5 10h14M5 14h14M5 18h9',
  previews:
    'M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12zM12 9.5a2.5 2.5 0 100 5 2.5 2.5 0 000-5z',
  verify: 'M12 3l7.5 3v5.5c0 4.5-3.2 8-7.5 9.5-4.3-1.5-7.5-5-7.5-9.5V6zM8.5 12l2.5 2.5 4.5-5',
  settings:
    'M12 9a3 3 0 100 6 3 3 0 000-6zM19 12l2-1.5-2-3.5-2.4.6a7 7 0 00-1.7-1L14.5 4h-5l-.4 2.6a7 7 0 00-1.7 1L5 7 3 10.5 5 12l-2 1.5L5 17l2.4-.6a7 7 0 001.7 1l.4 2.6h5l.4-2.6a7 7 0 001.7-1L19 17l2-3.5z',
  server: 'M4 5h16v6H4zM4 13h16v6H4zM7.5 8h.01M7.5 16h.01',
  download: 'M12 4v11M7 10.5l5 5 5-5M5 20h14',
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3',
  clock: 'M12 7v5l3 2M12 3a9 9 0 100 18 9 9 0 000-18z',
  search: 'M11 4a7 7 0 100 14 7 7 0 000-14zM20 20l-4-4',
  globe:
    'M12 3a9 9 0 100 18 9 9 0 000-18zM3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z',
} as const

/** An icon name. */
export type IconName = keyof typeof paths

/** Props of Icon. */
export interface IconProps {
  readonly name: IconName
  readonly size?: number
}

/** A decorative icon; the words beside it carry the meaning, so it is hidden from readers. */
export function Icon({ name, size = 18 }: IconProps) {
  return (
    <svg
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
      <path d={paths[name]} />
    </svg>
  )
}
