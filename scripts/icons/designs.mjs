// The Hush mark (a shield) and the pictures made from it: the app icon and one tray image per
// overall state. Everything is drawn in a unit square; the rasterizer scales it to any size.
import {
  capsuleSdf,
  circleSdf,
  grow,
  outline,
  polygonSdf,
  roundedBoxSdf,
  solid,
  verticalGradient,
} from './raster.mjs'

/** Points along a quadratic Bézier from p0 to p2 (p0 excluded). */
function quadratic(p0, p1, p2, steps) {
  const points = []
  for (let i = 1; i <= steps; i += 1) {
    const t = i / steps
    const u = 1 - t
    points.push([
      u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0],
      u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1],
    ])
  }
  return points
}

/**
 * The shield's signed distance: a flat top with rounded corners, straight sides, and curves that
 * meet in a point at the bottom. (cx, top) is the top centre; the shape spans 2·halfW × height.
 */
export function shieldSdf({ cx, top, halfW, height, round }) {
  const w = halfW - round
  const t = top + round
  const h = height - 2 * round
  const shoulder = [cx + w, t + 0.4 * h]
  const tip = [cx, t + h]
  const right = [[cx + w, t], shoulder, ...quadratic(shoulder, [cx + w, t + 0.82 * h], tip, 24)]
  const left = right
    .slice(0, -1)
    .reverse()
    .map(([x, y]) => [2 * cx - x, y])
  return grow(polygonSdf([...right, ...left]), round)
}

const rgb = hex => [0, 2, 4].map(i => parseInt(hex.slice(1 + i, 3 + i), 16))
const rgba = (hex, a = 1) => [...rgb(hex), a]

/**
 * The app icon: a light shield on a deep blue rounded square. From 128 px up it keeps macOS's
 * margin (100/1024); smaller sizes (taskbars, menus) fill the square, on whole pixels, and drop the
 * inner line, which would only blur.
 */
export function appIconLayers(size = 1024) {
  const small = size < 128
  const half = small ? 0.5 : 0.4023
  const scale = half / 0.4023
  // Small sizes put the shield's top and sides on whole pixels, so they stay crisp.
  const snap = value => (small ? Math.round(value * size) / size : value)
  const shield = {
    cx: 0.5,
    top: snap(0.5 - 0.265 * scale),
    halfW: snap(0.235 * scale),
    height: 0.55 * scale,
    round: 0.03 * scale,
  }
  const inner = { cx: 0.5, top: 0.3, halfW: 0.17, height: 0.415, round: 0.018 }
  return [
    {
      sdf: roundedBoxSdf(0.5, 0.5, half, half, small ? 0.2 : 0.09),
      paint: verticalGradient(rgba('#2c3f73'), rgba('#141c33'), 0.5 - half, 0.5 + half),
    },
    {
      sdf: shieldSdf(shield),
      paint: verticalGradient(
        rgba('#7ff0c9'),
        rgba('#2fae86'),
        shield.top,
        shield.top + shield.height,
      ),
    },
    ...(small
      ? []
      : [{ sdf: outline(shieldSdf(inner), 0.018), paint: solid(rgba('#ffffff', 0.55)) }]),
  ]
}

/** The states the tray shows (docs/architecture.md §6): all private, something flows, server unreachable. */
export const trayStates = ['private', 'flowing', 'unreachable']

// Tray geometry, in a 16-unit grid so that edges land on whole pixels at 16 and 32 px.
const u = value => value / 16
const trayShield = { cx: u(8), top: u(1), halfW: u(6), height: u(14), round: u(1) }
const badge = { cx: u(12), cy: u(4), r: u(3), gap: u(1) }

/**
 * The layers of one tray image. `colours` is null for a macOS template image (black + alpha only;
 * the menu bar tints it) or `{ fill, rim, badge }` for Windows and Linux.
 */
export function trayLayers(state, colours) {
  const ink = hex => rgba(colours ? hex : '#000000')
  const shield = shieldSdf(trayShield)
  if (state === 'private') {
    return [
      { sdf: shield, paint: solid(ink(colours?.rim)) },
      ...(colours ? [{ sdf: grow(shield, -u(1)), paint: solid(ink(colours.fill)) }] : []),
    ]
  }
  if (state === 'flowing') {
    return [
      { sdf: shield, paint: solid(ink(colours?.rim)) },
      ...(colours ? [{ sdf: grow(shield, -u(1)), paint: solid(ink(colours.fill)) }] : []),
      { sdf: circleSdf(badge.cx, badge.cy, badge.r + badge.gap), erase: true },
      { sdf: circleSdf(badge.cx, badge.cy, badge.r), paint: solid(ink(colours?.rim)) },
      ...(colours
        ? [{ sdf: circleSdf(badge.cx, badge.cy, badge.r - u(1)), paint: solid(ink(colours.badge)) }]
        : []),
    ]
  }
  const slash = capsuleSdf(u(2.5), u(2.5), u(13.5), u(13.5), u(2))
  return [
    { sdf: outline(grow(shield, -u(1)), u(2)), paint: solid(ink(colours?.fill)) },
    { sdf: grow(slash, u(1)), erase: true },
    { sdf: slash, paint: solid(ink(colours?.fill)) },
  ]
}

/** Colours of the Windows and Linux tray images: calm green, amber while data flows, grey when cut off. */
export const trayColours = {
  private: { fill: '#2fb68c', rim: '#1c7a5c' },
  flowing: { fill: '#f0a020', rim: '#a5660a', badge: '#f0a020' },
  unreachable: { fill: '#7b828c' },
}
