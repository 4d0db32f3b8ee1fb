// A small PNG encoder (8-bit RGBA, non-interlaced): enough for icons, with no dependency but zlib.
import { deflateSync } from 'node:zlib'

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  }
  return c >>> 0
})

/** CRC-32 (ISO 3309) of a byte buffer, as PNG chunks need it. */
export function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) {
    c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  }
  return (c ^ 0xffffffff) >>> 0
}

/** One PNG chunk: length, type, data, CRC over type and data. */
function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

function paeth(a, b, c) {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  if (pa <= pb && pa <= pc) {
    return a
  }
  return pb <= pc ? b : c
}

/** Filters one scanline with the given PNG filter type (0–4). */
function filterRow(type, row, prev, out) {
  for (let i = 0; i < row.length; i += 1) {
    const left = i >= 4 ? row[i - 4] : 0
    const up = prev ? prev[i] : 0
    const upLeft = prev && i >= 4 ? prev[i - 4] : 0
    const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][type]
    out[i] = (row[i] - predictor) & 0xff
  }
}

/**
 * Encodes RGBA pixels (`Uint8Array` of width × height × 4, straight alpha) as a PNG file. Each row
 * takes the filter with the smallest sum of absolute differences, as libpng's heuristic does.
 */
export function encodePng(width, height, rgba) {
  const stride = width * 4
  const raw = Buffer.alloc((stride + 1) * height)
  const candidate = new Uint8Array(stride)
  const best = new Uint8Array(stride)
  for (let y = 0; y < height; y += 1) {
    const row = rgba.subarray(y * stride, (y + 1) * stride)
    const prev = y > 0 ? rgba.subarray((y - 1) * stride, y * stride) : null
    let bestType = 0
    let bestScore = Infinity
    for (let type = 0; type <= 4; type += 1) {
      filterRow(type, row, prev, candidate)
      let score = 0
      for (const value of candidate) {
        score += value < 128 ? value : 256 - value
      }
      if (score < bestScore) {
        bestScore = score
        bestType = type
        best.set(candidate)
      }
    }
    raw[y * (stride + 1)] = bestType
    raw.set(best, y * (stride + 1) + 1)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
