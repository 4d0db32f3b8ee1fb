import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readIcns, readIco, readPng } from './read-icons'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const read = (path: string): Buffer => readFileSync(join(root, path))
const states = ['private', 'flowing', 'unreachable'] as const
const capitalized = (name: string): string => `${name[0]?.toUpperCase()}${name.slice(1)}`

describe('installer icons in build/', () => {
  it('has a 1024 × 1024 app icon and 16…512 px PNGs for Linux', () => {
    expect(readPng(read('build/icon.png'))).toMatchObject({ width: 1024, height: 1024 })
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(readPng(read(`build/icons/${size}x${size}.png`))).toMatchObject({
        width: size,
        height: size,
      })
    }
  })

  it('has a Windows .ico from 16 to 256 px whose directory matches each embedded PNG', () => {
    const entries = readIco(read('build/icon.ico'))
    expect(entries.map(entry => entry.width)).toEqual([16, 24, 32, 48, 64, 128, 256])
    for (const entry of entries) {
      expect(entry.bitsPerPixel).toBe(32)
      expect(readPng(entry.png)).toMatchObject({ width: entry.width, height: entry.height })
    }
  })

  it('has a macOS .icns whose PNG elements have the sizes their types promise', () => {
    const sizes: Record<string, number> = {
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    }
    const entries = readIcns(read('build/icon.icns'))
    expect(entries.map(entry => entry.type)).toEqual(Object.keys(sizes))
    for (const entry of entries) {
      const size = sizes[entry.type]
      expect(readPng(entry.data)).toMatchObject({ width: size, height: size })
    }
  })

  it('has hardened-runtime entitlements that grant only JIT', () => {
    const plist = read('build/entitlements.mac.plist').toString('utf8')
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map(match => match[1])
    expect(keys).toEqual(['com.apple.security.cs.allow-jit'])
  })
})

describe('tray images in assets/', () => {
  it.each(states)('has %s macOS template images (16 and 32 px) in black and alpha only', state => {
    for (const [suffix, size] of [
      ['', 16],
      ['@2x', 32],
    ] as const) {
      const image = readPng(read(`assets/tray${capitalized(state)}Template${suffix}.png`))
      expect(image).toMatchObject({ width: size, height: size })
      let coloured = 0
      let opaque = 0
      for (let i = 0; i < image.rgba.length; i += 4) {
        coloured += (image.rgba[i] ?? 0) + (image.rgba[i + 1] ?? 0) + (image.rgba[i + 2] ?? 0)
        opaque += image.rgba[i + 3] === 255 ? 1 : 0
      }
      expect(coloured).toBe(0)
      // A visible mark, not an empty picture: at least a tenth of the pixels are solid.
      expect(opaque).toBeGreaterThan((size * size) / 10)
    }
  })

  it.each(states)('has a %s Windows .ico at 16, 20, 24, 32, 40 and 48 px', state => {
    const entries = readIco(read(`assets/tray-${state}.ico`))
    expect(entries.map(entry => entry.width)).toEqual([16, 20, 24, 32, 40, 48])
    for (const entry of entries) {
      expect(readPng(entry.png)).toMatchObject({ width: entry.width, height: entry.height })
    }
  })

  it.each(states)('has %s Linux PNGs at 32 and 64 px', state => {
    expect(readPng(read(`assets/tray-${state}.png`))).toMatchObject({ width: 32, height: 32 })
    expect(readPng(read(`assets/tray-${state}@2x.png`))).toMatchObject({ width: 64, height: 64 })
  })

  it('draws the three states differently', () => {
    const pixels = states.map(state => Buffer.from(readPng(read(`assets/tray-${state}.png`)).rgba))
    expect(new Set(pixels.map(bytes => bytes.toString('base64'))).size).toBe(3)
  })
})

describe('icon readers', () => {
  it('refuses a PNG whose chunk was damaged', () => {
    const damaged = Buffer.from(read('assets/tray-private.png'))
    damaged[20] = (damaged[20] ?? 0) ^ 0xff // inside IHDR
    expect(() => readPng(damaged)).toThrow(/bad CRC in chunk IHDR/)
  })

  it('refuses files of another format', () => {
    const plist = read('build/entitlements.mac.plist')
    expect(() => readPng(plist)).toThrow(/not a PNG/)
    expect(() => readIcns(plist)).toThrow(/not an .icns/)
    expect(() => readIco(plist)).toThrow(/not an .ico/)
  })
})
