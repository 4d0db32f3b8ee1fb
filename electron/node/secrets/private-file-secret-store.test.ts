import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPrivateFileSecretStore } from './private-file-secret-store'

describe('the private-file secret store', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hush-private-secrets-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('keeps a token across processes in an owner-only file, and forgets it', async () => {
    const path = join(dir, 'state', 'secrets.private.json')
    await createPrivateFileSecretStore(path).set('account:plex', 'token-1234')
    expect(await createPrivateFileSecretStore(path).get('account:plex')).toBe('token-1234')
    if (process.platform !== 'win32') {
      expect((await stat(path)).mode & 0o777).toBe(0o600)
      expect((await stat(join(dir, 'state'))).mode & 0o777).toBe(0o700)
    }
    await createPrivateFileSecretStore(path).delete('account:plex')
    expect(await createPrivateFileSecretStore(path).get('account:plex')).toBeUndefined()
  })
})
