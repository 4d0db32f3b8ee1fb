// Findings electronegativity reports on Hush's shell that are false positives, each with the fact
// that makes it so, checked on every run against the code itself. A new window or a new
// openExternal call that does not follow these patterns is not covered and fails the gate.
import {
  isAllowedExternal,
  secureWebPreferences,
} from '../../electron/main/security/security-config'
import type { ReviewedFinding } from './electronegativity-gate'

const preferences = secureWebPreferences('/preload.cjs')
const usesSecurePreferences = (context: string): boolean =>
  /webPreferences:\s*secureWebPreferences\(/.test(context)

/** The reviewed false positives of the electronegativity gate. */
export const reviewedFindings: readonly ReviewedFinding[] = [
  {
    checks: ['CONTEXT_ISOLATION_JS_CHECK'],
    reason: 'the window takes secureWebPreferences(), whose contextIsolation is true',
    matches: usesSecurePreferences,
    holds: () => preferences.contextIsolation === true,
  },
  {
    checks: ['SANDBOX_JS_CHECK'],
    reason: 'the window takes secureWebPreferences(), whose sandbox is true',
    matches: usesSecurePreferences,
    holds: () => preferences.sandbox === true,
  },
  {
    checks: ['NODE_INTEGRATION_JS_CHECK'],
    reason: 'the window takes secureWebPreferences(), which turns Node integration off everywhere',
    matches: usesSecurePreferences,
    holds: () =>
      preferences.nodeIntegration === false &&
      preferences.nodeIntegrationInWorker === false &&
      preferences.nodeIntegrationInSubFrames === false,
  },
  {
    checks: ['AUXCLICK_JS_CHECK'],
    reason: "the window takes secureWebPreferences(), which disables the 'Auxclick' Blink feature",
    matches: usesSecurePreferences,
    holds: () => (preferences.disableBlinkFeatures ?? '').split(',').includes('Auxclick'),
  },
  {
    checks: ['OPEN_EXTERNAL_JS_CHECK'],
    reason: 'the URL passed isAllowedExternal() just before (https and an allow-listed host only)',
    matches: context => /isAllowedExternal\(/.test(context),
    holds: () =>
      [
        'http://plex.tv/',
        'javascript:alert(1)',
        'file:///etc/passwd',
        'https://evil.example/',
        'https://user:pw@plex.tv/',
        'smb://plex.tv/share',
      ].every(url => !isAllowedExternal(url)),
  },
]
