import { safeStorage } from 'electron'
import type { SecretCipher } from '../../node/secrets/encrypted-secret-store'

/** What the OS keychain offers on this machine. */
export interface CipherAvailability {
  readonly cipher: SecretCipher | null
  /** What to warn the owner of (common/notices): no keychain, or Linux without a keyring. */
  readonly warning: 'noKeychain' | 'weakKeychain' | null
}

/**
 * The OS keychain through safeStorage's async API (the sync one is removed in Electron 46). On
 * Linux's `basic_text` backend the "encryption" uses a fixed password: the owner is warned.
 */
export async function safeStorageCipher(): Promise<CipherAvailability> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    return { cipher: null, warning: 'noKeychain' }
  }
  const weak =
    process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'
  return {
    cipher: {
      encrypt: plain => safeStorage.encryptStringAsync(plain),
      decrypt: async encrypted => {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted)
        return { plain: result, reEncrypt: shouldReEncrypt }
      },
    },
    warning: weak ? 'weakKeychain' : null,
  }
}
