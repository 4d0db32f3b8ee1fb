// Readers for the icon formats the packaging ships, used by the tests to check the committed files
// independently of the encoder that wrote them.
import { crc32, inflateSync } from 'node:zlib'

/** A decoded PNG: its header fields and, for 8-bit RGBA images, the pixels. */
export interface PngImage {
  width: number
  height: number
  bitDepth: number
  colourType: number
  rgba: Uint8Array
}

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Whether the bytes start with the PNG signature. */
export function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(signature)
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  if (pa <= pb && pa <= pc) {
    return a
  }
  return pb <= pc ? b : c
}

/** Decodes a non-interlaced 8-bit RGBA PNG, checking every chunk's CRC; throws on anything else. */
export function readPng(bytes: Buffer): PngImage {
  if (!isPng(bytes)) {
    throw new Error('not a PNG file')
  }
  let at = 8
  let header: Buffer | undefined
  const data: Buffer[] = []
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at)
    const type = bytes.toString('latin1', at + 4, at + 8)
    const body = bytes.subarray(at + 8, at + 8 + length)
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length)) {
      throw new Error(`bad CRC in chunk ${type}`)
    }
    if (type === 'IHDR') {
      header = body
    } else if (type === 'IDAT') {
      data.push(body)
    }
    at += 12 + length
  }
  if (header === undefined) {
    throw new Error('PNG without IHDR')
  }
  const width = header.readUInt32BE(0)
  const height = header.readUInt32BE(4)
  const bitDepth = header[8] ?? 0
  const colourType = header[9] ?? 0
  if (bitDepth !== 8 || colourType !== 6 || header[12] !== 0) {
    throw new Error(`unsupported PNG (depth ${bitDepth}, colour type ${colourType})`)
  }
  const raw = inflateSync(Buffer.concat(data))
  const stride = width * 4
  const rgba = new Uint8Array(stride * height)
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]
    for (let i = 0; i < stride; i += 1) {
      const value = raw[y * (stride + 1) + 1 + i] ?? 0
      const left = i >= 4 ? (rgba[y * stride + i - 4] ?? 0) : 0
      const up = y > 0 ? (rgba[(y - 1) * stride + i] ?? 0) : 0
      const upLeft = y > 0 && i >= 4 ? (rgba[(y - 1) * stride + i - 4] ?? 0) : 0
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0]
      if (predictor === undefined) {
        throw new Error(`bad filter type ${filter} in row ${y}`)
      }
      rgba[y * stride + i] = (value + predictor) & 0xff
    }
  }
  return { width, height, bitDepth, colourType, rgba }
}

/** One image of an .ico file: the size its directory states and the embedded PNG. */
export interface IcoEntry {
  width: number
  height: number
  bitsPerPixel: number
  png: Buffer
}

/** Reads the directory of a Windows .ico file (0 in the directory means 256 pixels). */
export function readIco(bytes: Buffer): IcoEntry[] {
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) {
    throw new Error('not an .ico file')
  }
  const count = bytes.readUInt16LE(4)
  return Array.from({ length: count }, (_, index) => {
    const at = 6 + index * 16
    const size = bytes.readUInt32LE(at + 8)
    const offset = bytes.readUInt32LE(at + 12)
    return {
      width: bytes[at] || 256,
      height: bytes[at + 1] || 256,
      bitsPerPixel: bytes.readUInt16LE(at + 6),
      png: bytes.subarray(offset, offset + size),
    }
  })
}

/** One element of an .icns file. */
export interface IcnsEntry {
  type: string
  data: Buffer
}

/** Reads the elements of an Apple .icns file, checking that the lengths add up. */
export function readIcns(bytes: Buffer): IcnsEntry[] {
  if (bytes.toString('latin1', 0, 4) !== 'icns' || bytes.readUInt32BE(4) !== bytes.length) {
    throw new Error('not an .icns file, or its length is wrong')
  }
  const entries: IcnsEntry[] = []
  let at = 8
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at + 4)
    if (length < 8 || at + length > bytes.length) {
      throw new Error(`bad .icns element length at ${at}`)
    }
    entries.push({
      type: bytes.toString('latin1', at, at + 4),
      data: bytes.subarray(at + 8, at + length),
    })
    at += length
  }
  return entries
}
