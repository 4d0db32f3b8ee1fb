import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEncryptedSecretStore, type SecretCipher } from './encrypted-secret-store'

/** A real AES-GCM cipher standing in for the OS keychain, which only the desktop app has. */
function aesCipher(key = randomBytes(32)): SecretCipher {
  return {
    encrypt: plain => {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]))
    },
    decrypt: encrypted => {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12))
      decipher.setAuthTag(encrypted.subarray(12, 28))
      const plain = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()])
      return Promise.resolve({ plain: plain.toString('utf8'), reEncrypt: false })
    },
  }
}

describe('the encrypted secret store', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hush-secrets-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('keeps a token across restarts, and only its ciphertext on disk', async () => {
    const key = randomBytes(32)
    const path = join(dir, 'secrets.json')
    await createEncryptedSecretStore(path, aesCipher(key)).set('server:abc', 'plex-token-value-123')
    expect(await readFile(path, 'utf8')).not.toContain('plex-token-value-123')
    expect(await createEncryptedSecretStore(path, aesCipher(key)).get('server:abc')).toBe(
      'plex-token-value-123',
    )
  })

  it('reads a secret it can no longer decrypt as missing, not as an error', async () => {
    const path = join(dir, 'secrets.json')
    await createEncryptedSecretStore(path, aesCipher()).set('server:abc', 'token')
    expect(await createEncryptedSecretStore(path, aesCipher()).get('server:abc')).toBeUndefined()
  })

  it('forgets a deleted secret', async () => {
    const store = createEncryptedSecretStore(join(dir, 'secrets.json'), aesCipher())
    await store.set('server:abc', 'token')
    await store.delete('server:abc')
    expect(await store.get('server:abc')).toBeUndefined()
  })
})
