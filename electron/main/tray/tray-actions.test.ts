import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestCore, type TestCore } from '../../node/service/testing/test-core'
import { runTrayAction } from './tray-actions'
import { readTrayState } from './tray-state'

describe('tray actions against a real core', () => {
  let test: TestCore
  const opened: string[] = []
  const reported: string[] = []
  const host = {
    open: () => opened.push('open'),
    quit: () => opened.push('quit'),
    report: (message: string) => reported.push(message),
  }

  beforeAll(async () => {
    test = await startTestCore()
  })
  afterAll(() => test.close())

  it('shows the server unreachable before any connection', async () => {
    expect(await readTrayState(test.core.api)).toMatchObject({ reachable: false, switches: [] })
  })

  it('flips a quick toggle through the core and the tray state follows', async () => {
    await test.core.api['server.connectDemo']({})
    await runTrayAction({ kind: 'set-switch', id: 'relay', value: 'off' }, test.core.api, host)
    const state = await readTrayState(test.core.api)
    expect(state.reachable).toBe(true)
    expect(state.switches.find(s => s.id === 'relay')?.state).toBe('off')
  })

  it('applies a profile from the submenu', async () => {
    await runTrayAction({ kind: 'apply-profile', profile: 'private' }, test.core.api, host)
    const state = await readTrayState(test.core.api)
    expect(state.profile).toBe('private')
    expect(state.switches.find(s => s.id === 'remote-access')?.state).toBe('off')
    expect(reported).toEqual([])
  })

  it('reports a change the core refuses, in one line', async () => {
    await runTrayAction(
      { kind: 'set-switch', id: 'no-such-switch', value: 'off' },
      test.core.api,
      host,
    )
    expect(reported).toHaveLength(1)
  })

  it('opens the window and quits on request', async () => {
    await runTrayAction({ kind: 'open' }, test.core.api, host)
    await runTrayAction({ kind: 'quit' }, test.core.api, host)
    expect(opened).toEqual(['open', 'quit'])
  })
})
