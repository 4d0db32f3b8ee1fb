// Draws every icon Hush ships (build/ for the installers, assets/ for the tray) from the shapes in
// scripts/icons/designs.mjs, in pure Node. Run `node scripts/make-icons.mjs` after changing a design
// and commit the outputs; `--check` only compares the committed files with what it would write.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { encodeIcns, encodeIco, icnsTypes } from './icons/containers.mjs'
import { appIconLayers, trayColours, trayLayers, trayStates } from './icons/designs.mjs'
import { encodePng } from './icons/png.mjs'
import { render } from './icons/raster.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const check = process.argv.includes('--check')

const pngCache = new Map()
/** The PNG of a scene at one size (each size drawn natively, never scaled down). */
function png(key, size, layers) {
  const id = `${key}@${size}`
  if (!pngCache.has(id)) {
    pngCache.set(id, encodePng(size, size, render(size, layers)))
  }
  return pngCache.get(id)
}

const capitalized = name => name[0].toUpperCase() + name.slice(1)

/** Every output file: path relative to the repository → bytes. */
function outputs() {
  const files = new Map()
  const app = size => appIconLayers(size)
  files.set('build/icon.png', png('app', 1024, app(1024)))
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
    files.set(`build/icons/${size}x${size}.png`, png('app', size, app(size)))
  }
  files.set(
    'build/icon.ico',
    encodeIco(
      [16, 24, 32, 48, 64, 128, 256].map(size => ({ size, png: png('app', size, app(size)) })),
    ),
  )
  files.set(
    'build/icon.icns',
    encodeIcns(
      icnsTypes.map(({ type, pixels }) => ({ type, png: png('app', pixels, app(pixels)) })),
    ),
  )
  for (const state of trayStates) {
    const template = trayLayers(state, null)
    const coloured = trayLayers(state, trayColours[state])
    const mac = `assets/tray${capitalized(state)}Template`
    files.set(`${mac}.png`, png(`${state}-template`, 16, template))
    files.set(`${mac}@2x.png`, png(`${state}-template`, 32, template))
    files.set(
      `assets/tray-${state}.ico`,
      encodeIco(
        [16, 20, 24, 32, 40, 48].map(size => ({
          size,
          png: png(`${state}-colour`, size, coloured),
        })),
      ),
    )
    files.set(`assets/tray-${state}.png`, png(`${state}-colour`, 32, coloured))
    files.set(`assets/tray-${state}@2x.png`, png(`${state}-colour`, 64, coloured))
  }
  return files
}

const stale = []
for (const [path, bytes] of outputs()) {
  const target = join(root, path)
  if (check) {
    let current = null
    try {
      current = readFileSync(target)
    } catch {
      // A missing file is reported as stale below.
    }
    if (current === null || !current.equals(bytes)) {
      stale.push(path)
    }
    continue
  }
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, bytes)
  console.log(`${relative(root, target)}  ${bytes.length} bytes`)
}
if (stale.length > 0) {
  console.error(`Icons differ from scripts/make-icons.mjs: ${stale.join(', ')}`)
  process.exit(1)
}
