import { describe, expect, it } from 'vitest'
import { apiMethodNames, type PrivacyApi } from '../../common/api/contract'
import { deferApi } from './defer-api'

describe('deferApi', () => {
  it('holds calls until the core is ready, then answers them', async () => {
    let ready: (api: PrivacyApi) => void = () => {}
    const api = deferApi(new Promise(resolve => (ready = resolve)))
    const answer = api['settings.get']({})
    const core = Object.fromEntries(
      apiMethodNames.map(method => [method, () => Promise.resolve(method)]),
    ) as unknown as PrivacyApi
    ready(core)
    expect(await answer).toBe('settings.get')
  })
})
