import { describe, expect, it } from 'vitest'
import {
  decidePermission,
  isAllowedExternal,
  isAppNavigation,
  secureWebPreferences,
  windowCsp,
} from './security-config'

describe('the window security configuration', () => {
  const preferences = secureWebPreferences('/app/preload.cjs')

  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      enableBlinkFeatures: '',
    })
    expect(preferences.preload).toBe('/app/preload.cjs')
  })

  it('has a strict CSP: own scripts and styles only, no network of its own, no framing', () => {
    expect(windowCsp).toContain("default-src 'none'")
    expect(windowCsp).toContain("script-src 'self'")
    expect(windowCsp).not.toContain('unsafe-inline')
    expect(windowCsp).not.toContain('unsafe-eval')
    expect(windowCsp).toContain("frame-ancestors 'none'")
    expect(windowCsp).toContain("object-src 'none'")
  })

  it('opens only allow-listed https links in the browser', () => {
    expect(isAllowedExternal('https://support.plex.tv/articles/200484543')).toBe(true)
    // The sign-in page the core links to (electron/node/remote/sign-in.ts): opened in the browser.
    expect(
      isAllowedExternal(
        'https://app.plex.tv/auth#?clientID=hush-1&code=abc&context%5Bdevice%5D%5Bproduct%5D=Hush',
      ),
    ).toBe(true)
    expect(isAllowedExternal('http://127.0.0.1:32400/auth#?code=abc')).toBe(false)
    expect(isAllowedExternal('http://support.plex.tv/')).toBe(false)
    expect(isAllowedExternal('https://support.plex.tv.evil.example/')).toBe(false)
    expect(isAllowedExternal('https://user:pw@plex.tv/')).toBe(false)
    expect(isAllowedExternal('file:///etc/passwd')).toBe(false)
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false)
    expect(isAllowedExternal('not a url')).toBe(false)
  })

  it('allows navigation only inside the app', () => {
    expect(isAppNavigation('app://hush/index.html#/switches')).toBe(true)
    expect(isAppNavigation('app://hush.evil/')).toBe(false)
    expect(isAppNavigation('https://plex.tv/')).toBe(false)
    expect(isAppNavigation('file:///index.html')).toBe(false)
  })

  it('denies every permission request', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      expect(decidePermission(permission)).toBe(false)
    }
  })
})
