import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultAppSettings } from '../../common/api/settings-schemas'
import { createFileSettingsStore } from './file-settings-store'

describe('the settings file', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hush-settings-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('starts from defaults and keeps what was written', async () => {
    const store = createFileSettingsStore(dir)
    expect(await store.read()).toEqual(defaultAppSettings)
    await store.write({ ...defaultAppSettings, language: 'zh', retentionDays: 30 })
    expect(await createFileSettingsStore(dir).read()).toMatchObject({
      language: 'zh',
      retentionDays: 30,
    })
  })

  it('moves a corrupt file aside, says so, and starts from defaults', async () => {
    await writeFile(join(dir, 'settings.json'), '{"language": "zh", ')
    const moved: string[] = []
    const settings = await createFileSettingsStore(dir, path => moved.push(path)).read()
    expect(settings).toEqual(defaultAppSettings)
    expect(moved).toHaveLength(1)
    expect(await readFile(moved[0] ?? '', 'utf8')).toBe('{"language": "zh", ')
    expect(await readdir(dir)).not.toContain('settings.json')
  })

  it('treats values outside the schema as corrupt rather than trusting them', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ privacyLevel: 9 }))
    const moved: string[] = []
    expect(await createFileSettingsStore(dir, path => moved.push(path)).read()).toEqual(
      defaultAppSettings,
    )
    expect(moved).toHaveLength(1)
  })

  it('fills in settings that an older file did not have', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ language: 'zh' }))
    expect(await createFileSettingsStore(dir).read()).toEqual({
      ...defaultAppSettings,
      language: 'zh',
    })
  })
})
