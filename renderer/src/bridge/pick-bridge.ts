import { requireElectronBridge, hasElectronBridge } from './electron-bridge'
import { startHttpBridge, type HttpBridgeStart } from './http-bridge'

/**
 * Picks the bridge by where the page runs: Electron's preload bridge when present, else web mode's
 * HTTP bridge when served over http(s). A page opened any other way has no bridge: that is a bug
 * in packaging and must fail loudly.
 */
export async function pickBridge(): Promise<HttpBridgeStart> {
  if (hasElectronBridge() || import.meta.env.MODE === 'electron') {
    return { ok: true, bridge: requireElectronBridge() }
  }
  if (window.location.protocol === 'http:' || window.location.protocol === 'https:') {
    return startHttpBridge()
  }
  throw new Error(`no bridge for a page loaded from ${window.location.protocol}`)
}
