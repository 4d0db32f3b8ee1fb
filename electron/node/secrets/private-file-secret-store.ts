import type { SecretStore } from '../service/ports'
import { createEncryptedSecretStore, type SecretCipher } from './encrypted-secret-store'

// Without a keychain (the CLI, a server without a desktop) the file's owner-only permissions are
// the protection, as for the server's own Preferences.xml; the secrets are stored as they are.
const noCipher: SecretCipher = {
  encrypt: plain => Promise.resolve(Buffer.from(plain, 'utf8')),
  decrypt: encrypted => Promise.resolve({ plain: encrypted.toString('utf8'), reEncrypt: false }),
}

/** The file the CLI keeps its tokens in, beside the desktop app's keychain-encrypted one. */
export const privateSecretsFileName = 'secrets.private.json'

/** A SecretStore in an owner-only (0600) file in an owner-only folder, for hosts without a keychain. */
export function createPrivateFileSecretStore(path: string): SecretStore {
  return createEncryptedSecretStore(path, noCipher)
}
