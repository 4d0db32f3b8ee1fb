import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createHelperLauncher, type HelperLauncher } from './helper-processes'

let launcher: HelperLauncher | undefined
afterEach(async () => {
  await launcher?.close()
  launcher = undefined
})

describe.runIf(process.platform === 'linux')('the demo helper processes', () => {
  it('gives every helper started at once its Plex name, as the system shows it', async () => {
    launcher = await createHelperLauncher()
    const started = await Promise.all([
      launcher.start('CrashUploader'),
      launcher.start('CrashUploader'),
      launcher.start('CrashUploader'),
      launcher.start('Plex Relay'),
    ])
    const names = started.map(h => readFileSync(`/proc/${h.pid}/comm`, 'utf8').trim())
    expect(names).toEqual(['CrashUploader', 'CrashUploader', 'CrashUploader', 'Plex Relay'])
    expect(launcher.named).toBe(true)
  })
})
