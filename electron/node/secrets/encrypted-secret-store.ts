import * as z from 'zod'
import { readRegularFile } from '../files/regular-file'
import { writeFileAtomic } from '../files/write-file-atomic'
import type { SecretStore } from '../service/ports'

/** Encrypts and decrypts secrets: the OS keychain in the app (safeStorage). */
export interface SecretCipher {
  encrypt(plain: string): Promise<Buffer>
  /** `reEncrypt`: the key was rotated, so store the secret again. */
  decrypt(encrypted: Buffer): Promise<{ readonly plain: string; readonly reEncrypt: boolean }>
}

const fileSchema = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) })

/**
 * A SecretStore that keeps only ciphertext on disk (base64 in a JSON file). Plain secrets live in
 * memory only; a secret that no longer decrypts (another machine's keychain) reads as missing.
 */
export function createEncryptedSecretStore(path: string, cipher: SecretCipher): SecretStore {
  const load = async (): Promise<Record<string, string>> => {
    try {
      const read = await readRegularFile(path, 1024 * 1024)
      const parsed = read.ok ? fileSchema.safeParse(JSON.parse(read.value)) : undefined
      return parsed?.success ? { ...parsed.data.secrets } : {}
    } catch {
      return {}
    }
  }
  const save = (secrets: Record<string, string>) =>
    writeFileAtomic(path, `${JSON.stringify({ version: 1, secrets }, null, 2)}\n`)
  const store: SecretStore = {
    get: async key => {
      const stored = (await load())[key]
      if (stored === undefined) {
        return undefined
      }
      try {
        const { plain, reEncrypt } = await cipher.decrypt(Buffer.from(stored, 'base64'))
        if (reEncrypt) {
          await store.set(key, plain)
        }
        return plain
      } catch {
        return undefined
      }
    },
    set: async (key, secret) => {
      const secrets = await load()
      secrets[key] = (await cipher.encrypt(secret)).toString('base64')
      await save(secrets)
    },
    delete: async key => {
      const secrets = await load()
      delete secrets[key]
      await save(secrets)
    },
  }
  return store
}
