// Icon containers whose entries are whole PNG files: Windows .ico and Apple .icns.

/**
 * A Windows .ico with PNG entries (supported since Windows Vista). `entries` are `{ size, png }`;
 * a size of 256 is written as 0 in the directory, as the format requires.
 */
export function encodeIco(entries) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(entries.length, 4)
  const directory = Buffer.alloc(16 * entries.length)
  let offset = header.length + directory.length
  entries.forEach(({ size, png }, index) => {
    const at = index * 16
    directory[at] = size >= 256 ? 0 : size // width
    directory[at + 1] = size >= 256 ? 0 : size // height
    directory[at + 2] = 0 // palette size
    directory[at + 3] = 0 // reserved
    directory.writeUInt16LE(1, at + 4) // colour planes
    directory.writeUInt16LE(32, at + 6) // bits per pixel
    directory.writeUInt32LE(png.length, at + 8)
    directory.writeUInt32LE(offset, at + 12)
    offset += png.length
  })
  return Buffer.concat([header, directory, ...entries.map(entry => entry.png)])
}

/** The .icns element type holding a PNG of the given pixel size (Retina types last). */
export const icnsTypes = [
  { type: 'ic07', pixels: 128 },
  { type: 'ic08', pixels: 256 },
  { type: 'ic09', pixels: 512 },
  { type: 'ic10', pixels: 1024 }, // 512 pt @2x
  { type: 'ic11', pixels: 32 }, // 16 pt @2x
  { type: 'ic12', pixels: 64 }, // 32 pt @2x
  { type: 'ic13', pixels: 256 }, // 128 pt @2x
  { type: 'ic14', pixels: 512 }, // 256 pt @2x
]

/** An Apple .icns file from `{ type, png }` entries (big-endian lengths that include each header). */
export function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(parts)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}
