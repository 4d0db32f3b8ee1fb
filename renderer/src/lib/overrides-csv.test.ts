import { describe, expect, it } from 'vitest'
import { overridesCsv } from './overrides-csv'

describe('overridesCsv', () => {
  it('writes one row per value and quotes what needs it', () => {
    const csv = overridesCsv({
      serverId: 's',
      readAt: '2026-01-01T00:00:00Z',
      overrides: [
        {
          switchId: 'relay',
          target: 'pref:RelayEnabled',
          label: 'RelayEnabled',
          value: false,
          defaultValue: true,
          by: 'hush',
          since: '2026-01-01T00:00:00Z',
          audit: [],
        },
        {
          switchId: 'custom-connections',
          target: 'pref:customConnections',
          label: 'customConnections',
          value: 'http://a, http://b',
          defaultValue: '',
          by: 'someone-else',
          since: null,
          audit: [],
        },
      ],
    })
    expect(csv.split('\n')).toEqual([
      'switch,setting,value,plex_default,set_by,since',
      'relay,RelayEnabled,false,true,hush,2026-01-01T00:00:00Z',
      'custom-connections,customConnections,"http://a, http://b",,someone-else,',
      '',
    ])
  })
})
