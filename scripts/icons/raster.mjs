// Signed-distance shapes and a supersampled rasterizer. Coordinates are in a unit square (0..1,
// y down); a distance is negative inside a shape. Edges are anti-aliased from the distance itself,
// and each pixel averages ss × ss samples, so curves stay smooth at 16 px.

/** Signed distance to a closed polygon given as [[x, y], …] (exact, any winding). */
export function polygonSdf(points) {
  return (x, y) => {
    const [px, py] = points[0]
    let best = (x - px) ** 2 + (y - py) ** 2
    let sign = 1
    for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
      const [xi, yi] = points[i]
      const [xj, yj] = points[j]
      const ex = xj - xi
      const ey = yj - yi
      const wx = x - xi
      const wy = y - yi
      const t = Math.min(1, Math.max(0, (wx * ex + wy * ey) / (ex * ex + ey * ey)))
      const bx = wx - ex * t
      const by = wy - ey * t
      best = Math.min(best, bx * bx + by * by)
      const a = y >= yi
      const b = y < yj
      const c = ex * wy > ey * wx
      if ((a && b && c) || (!a && !b && !c)) {
        sign = -sign
      }
    }
    return sign * Math.sqrt(best)
  }
}

/** Signed distance to a disc. */
export function circleSdf(cx, cy, r) {
  return (x, y) => Math.hypot(x - cx, y - cy) - r
}

/** Signed distance to a line segment thickened to `width` (round caps). */
export function capsuleSdf(ax, ay, bx, by, width) {
  const ex = bx - ax
  const ey = by - ay
  const length2 = ex * ex + ey * ey
  return (x, y) => {
    const t = Math.min(1, Math.max(0, ((x - ax) * ex + (y - ay) * ey) / length2))
    return Math.hypot(x - ax - ex * t, y - ay - ey * t) - width / 2
  }
}

/** Signed distance to a rounded rectangle centred at (cx, cy). */
export function roundedBoxSdf(cx, cy, halfW, halfH, r) {
  return (x, y) => {
    const qx = Math.abs(x - cx) - halfW + r
    const qy = Math.abs(y - cy) - halfH + r
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
  }
}

/** The shape grown by `r` (rounds its corners). */
export const grow = (sdf, r) => (x, y) => sdf(x, y) - r

/** A band of `width` centred on the shape's edge (an outline). */
export const outline = (sdf, width) => (x, y) => Math.abs(sdf(x, y)) - width / 2

/** The part of `a` that is inside `b`. */
export const intersect = (a, b) => (x, y) => Math.max(a(x, y), b(x, y))

/** A colour that does not vary over the shape. */
export const solid = rgba => () => rgba

/** A vertical gradient from `top` to `bottom` between y0 and y1. */
export function verticalGradient(top, bottom, y0, y1) {
  return (_x, y) => {
    const t = Math.min(1, Math.max(0, (y - y0) / (y1 - y0)))
    return top.map((value, i) => value + (bottom[i] - value) * t)
  }
}

/**
 * Renders a scene of `size` × `size` pixels into straight-alpha RGBA bytes. A layer is
 * `{ sdf, paint }` (painted over what is below; paint returns [r, g, b, a] with a in 0..1) or
 * `{ sdf, erase: true }` (cuts what is below, e.g. the gap around a badge).
 */
export function render(size, layers, ss = size <= 64 ? 4 : 2) {
  const out = new Uint8Array(size * size * 4)
  const step = 1 / (size * ss)
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < ss; sy += 1) {
        for (let sx = 0; sx < ss; sx += 1) {
          const x = (px * ss + sx + 0.5) * step
          const y = (py * ss + sy + 0.5) * step
          // Premultiplied colour of this sample, built bottom layer first.
          let cr = 0
          let cg = 0
          let cb = 0
          let ca = 0
          for (const layer of layers) {
            const coverage = Math.min(1, Math.max(0, 0.5 - layer.sdf(x, y) / step))
            if (coverage === 0) {
              continue
            }
            if (layer.erase) {
              const keep = 1 - coverage
              cr *= keep
              cg *= keep
              cb *= keep
              ca *= keep
              continue
            }
            const [lr, lg, lb, la] = layer.paint(x, y)
            const alpha = la * coverage
            cr = lr * alpha + cr * (1 - alpha)
            cg = lg * alpha + cg * (1 - alpha)
            cb = lb * alpha + cb * (1 - alpha)
            ca = alpha + ca * (1 - alpha)
          }
          r += cr
          g += cg
          b += cb
          a += ca
        }
      }
      const at = (py * size + px) * 4
      const alpha = a / (ss * ss)
      if (alpha > 0) {
        out[at] = Math.round(r / a)
        out[at + 1] = Math.round(g / a)
        out[at + 2] = Math.round(b / a)
      }
      out[at + 3] = Math.round(alpha * 255)
    }
  }
  return out
}
