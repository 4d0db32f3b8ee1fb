import type { PrivacyBridge } from '../../../electron/common/api/contract'

declare global {
  interface Window {
    /** The bridge the Electron preload exposes; absent in a plain browser. */
    readonly privacy?: PrivacyBridge
  }
}

/** Whether the page runs inside Hush's Electron window (the preload exposed `window.privacy`). */
export function hasElectronBridge(): boolean {
  return typeof window !== 'undefined' && window.privacy !== undefined
}

/**
 * The bridge the Electron preload exposes.
 *
 * Throws when it is missing: inside Electron that means the preload failed, and falling back to
 * anything else would hide the fault.
 */
export function requireElectronBridge(): PrivacyBridge {
  const bridge = window.privacy
  if (!bridge) {
    throw new Error('window.privacy is missing: the preload did not load')
  }
  return bridge
}
