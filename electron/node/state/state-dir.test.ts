import { describe, expect, it } from 'vitest'
import { resolveStateDir } from './state-dir'

describe('resolveStateDir', () => {
  it('prefers --state-dir, then HUSH_STATE_DIR', () => {
    expect(resolveStateDir('/x', { HUSH_STATE_DIR: '/y' }, 'linux', '/home/a')).toBe('/x')
    expect(resolveStateDir(undefined, { HUSH_STATE_DIR: '/y' }, 'linux', '/home/a')).toBe('/y')
  })

  it("uses each platform's app-data folder", () => {
    expect(resolveStateDir(undefined, {}, 'linux', '/home/a')).toBe('/home/a/.config/hush')
    expect(resolveStateDir(undefined, { XDG_CONFIG_HOME: '/c' }, 'linux', '/home/a')).toBe(
      '/c/hush',
    )
    expect(resolveStateDir(undefined, {}, 'darwin', '/Users/a')).toBe(
      '/Users/a/Library/Application Support/Hush',
    )
    expect(
      resolveStateDir(undefined, { APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32', 'C:/Users/a'),
    ).toBe('C:/Users/a/AppData/Roaming/Hush')
  })
})
