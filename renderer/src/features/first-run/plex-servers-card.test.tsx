import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { OwnerServer } from '../../../../electron/common/api/remote-schemas'
import { renderApp } from '../../testing/render-app'

const nas: OwnerServer = {
  id: 'nas-1',
  name: 'Attic NAS',
  owned: true,
  active: false,
  reachable: true,
  connection: { uri: 'http://192.168.1.20:32400', kind: 'local', secure: false },
  reason: 'local, on this network; 1 address(es) before it did not answer or were not allowed',
  tried: [
    {
      uri: 'https://192-168-1-20.x.plex.direct:32400',
      kind: 'local',
      secure: true,
      outcome: 'failed',
      reason: 'the host name does not resolve',
    },
    {
      uri: 'http://192.168.1.20:32400',
      kind: 'local',
      secure: false,
      outcome: 'answered',
      reason: null,
    },
  ],
}
const cabin: OwnerServer = {
  id: 'cabin-1',
  name: 'Cabin',
  owned: true,
  active: false,
  reachable: false,
  connection: null,
  reason: 'no address answered (https://10-0-0-2.x.plex.direct:32400: timed out)',
  tried: [
    {
      uri: 'https://10-0-0-2.x.plex.direct:32400',
      kind: 'remote',
      secure: true,
      outcome: 'failed',
      reason: 'timed out',
    },
    {
      uri: 'http://10.0.0.2:32400',
      kind: 'remote',
      secure: false,
      outcome: 'skipped',
      reason: null,
    },
  ],
}

describe('the plex.tv server picker', () => {
  it('signs in through the link, lists the servers with how Hush reaches them, and picks one', async () => {
    let waits = 0
    let signedIn = false
    const bridge = await renderApp({
      connected: false,
      overrides: {
        'account.status': () => ({ signedIn, accountUrl: 'https://plex.tv' }),
        'account.signIn': () => ({
          ok: true,
          value: { pinId: 7, link: 'https://app.plex.tv/auth#?clientID=c&code=abc' },
        }),
        'account.signInWait': () => {
          waits += 1
          signedIn = waits > 1
          return { ok: true, value: { signedIn } }
        },
        'remote.servers': () => ({ ok: true, value: [nas, cabin] }),
        'remote.use': () => ({
          ok: true,
          value: {
            url: 'http://192.168.1.20:32400',
            machineIdentifier: 'nas-1',
            version: '1.41.0.0000',
            friendlyName: 'Attic NAS',
            claimed: true,
            platform: 'Linux',
          },
        }),
      },
    })
    const card = screen.getByRole('region', { name: 'Your servers on plex.tv' })
    fireEvent.click(await within(card).findByRole('button', { name: 'Sign in with Plex' }))
    const list = await within(card).findByRole('list', { name: 'Your servers on plex.tv' })
    expect(waits).toBe(2)
    expect(within(list).getByText('via http://192.168.1.20:32400')).toBeTruthy()
    expect(
      within(list).getByText('local: 1 address before it did not answer or were not allowed'),
    ).toBeTruthy()
    expect(within(list).getByText('Unreachable')).toBeTruthy()
    expect(within(list).getByText(/^No address answered/)).toBeTruthy()
    expect(within(list).getByText(/timed out/)).toBeTruthy()
    expect(
      within(list).getByText(/plain http, and the server requires secure connections/),
    ).toBeTruthy()
    expect(within(list).queryByRole('button', { name: 'Use: Cabin' })).toBeNull()
    fireEvent.click(within(list).getByRole('button', { name: 'Use: Attic NAS' }))
    await screen.findByRole('navigation', { name: 'Screens' })
    expect(bridge.calls).toContainEqual({ method: 'remote.use', input: { server: 'nas-1' } })
  })

  it('shows the link to open while it waits, and no token ever', async () => {
    await renderApp({
      connected: false,
      overrides: {
        'account.signIn': () => ({
          ok: true,
          value: { pinId: 7, link: 'https://app.plex.tv/auth#?clientID=c&code=abc' },
        }),
        'account.signInWait': () =>
          new Promise(resolve =>
            setTimeout(() => resolve({ ok: true, value: { signedIn: false } }), 50),
          ),
      },
    })
    const card = screen.getByRole('region', { name: 'Your servers on plex.tv' })
    fireEvent.click(await within(card).findByRole('button', { name: 'Sign in with Plex' }))
    const open = await within(card).findByRole('link', { name: 'Open plex.tv to allow Hush' })
    expect(open.getAttribute('href')).toBe('https://app.plex.tv/auth#?clientID=c&code=abc')
    expect(open.getAttribute('target')).toBe('_blank')
    expect(within(card).getByText('Waiting for you to allow Hush on plex.tv…')).toBeTruthy()
  })
})

describe('the log’s source line', () => {
  it('says the events are pulled from the server, when, and pulls on demand — in both languages', async () => {
    const source = {
      mode: 'pulled' as const,
      serverName: 'Attic NAS',
      logsDir: '/state/pulled/nas-1/Logs',
      intervalMinutes: 5,
      lastPullAt: '2026-01-01T10:00:00.000Z',
      lastInserted: 42,
      lastError: null,
      nextPullAt: '2026-01-01T10:05:00.000Z',
    }
    const bridge = await renderApp({
      overrides: {
        'remote.logSource': () => source,
        'remote.pull': () => ({
          ok: true,
          value: { at: source.lastPullAt, files: 2, bytes: 10, inserted: 0 },
        }),
      },
    })
    fireEvent.click(screen.getByRole('link', { name: 'Outbound log' }))
    expect(
      await screen.findByText(/Pulled from Attic NAS every 5 min\. Last pull .*: 42 new events\./),
    ).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Pull now' }))
    expect(bridge.calls.some(call => call.method === 'remote.pull')).toBe(true)
    await bridge.call('settings.update', { language: 'zh' })
    bridge.emit('settings.changed', { ...(await bridge.call('settings.get', {})) })
    expect(
      await screen.findByText(/每 5 分钟从 Attic NAS 拉取。\s*上次拉取 .*：42 条新事件。/),
    ).toBeTruthy()
  })
})

describe('the pull interval setting', () => {
  it('changes how often the logs are pulled, and 0 means only on demand', async () => {
    const bridge = await renderApp()
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }))
    const field = await screen.findByRole('spinbutton', {
      name: /^Pull the logs of a server on another machine every/,
    })
    expect((field as HTMLInputElement).value).toBe('5')
    fireEvent.change(field, { target: { value: '0' } })
    fireEvent.blur(field)
    expect(bridge.calls).toContainEqual({ method: 'settings.update', input: { logPullMinutes: 0 } })
  })
})
