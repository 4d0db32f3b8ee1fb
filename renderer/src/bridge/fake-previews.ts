import type { FakeHandlers } from './fake-bridge'

type PreviewMethods =
  | 'preview.deleteCrashDumps'
  | 'preview.matching'
  | 'preview.remoteAccess'
  | 'preview.crashReports'
  | 'preview.account'
  | 'verify.run'
  | 'verify.report'

/** The preview and verification methods of the fake core, with small fixed answers. */
export function fakePreviewHandlers(): Pick<FakeHandlers, PreviewMethods> {
  return {
    'preview.matching': () => ({
      ok: true,
      value: {
        libraries: [
          {
            id: '1',
            title: 'Movies',
            type: 'movie',
            agent: 'tv.plex.agents.movie',
            agentName: 'Plex Movie',
            contactsInternet: true,
            itemCount: 1,
            host: 'metadata.provider.plex.tv',
            requestShape: 'GET /library/metadata/matches?title=…&year=…',
            items: [
              {
                title: 'Heat',
                year: 1995,
                guid: null,
                filePath: '/media/movies/Heat (1995)/Heat.mkv',
                hints: { title: 'Heat', year: '1995' },
              },
            ],
          },
        ],
        unknowns: [],
      },
    }),
    'preview.remoteAccess': () => ({
      ok: true,
      value: {
        remoteAccess: 'on',
        mappingState: 'mapped',
        mappingError: null,
        mappingSummary: 'Your router forwards the port; the server is reachable from outside.',
        publicAddress: '203.0.113.7',
        publicPort: 32400,
        relayEnabled: true,
        relayInUse: false,
        customUrls: [],
        certificateDomain: null,
        publishedAddresses: ['192.168.1.20:32400'],
        unknowns: [],
      },
    }),
    'preview.crashReports': () => ({
      ok: true,
      value: {
        uploadEnabled: true,
        uploadArguments: [
          { name: '--serverUuid', value: 'abc123', meaning: 'serverId' },
          { name: '--userId', value: 'o…@example.com', meaning: 'accountEmail' },
        ],
        dumps: [
          {
            version: '1.41.0',
            path: 'Crash Reports/1.41.0/a.dmp',
            sizeBytes: 204800,
            modifiedAt: '2026-11-27T10:00:00Z',
            status: 'pending',
          },
        ],
        contents: ['Memory of the crashed process'],
        unknowns: [],
      },
    }),
    'preview.deleteCrashDumps': ({ paths }) => ({ ok: true, value: { deleted: paths } }),
    'preview.account': () => ({
      ok: false,
      error: { kind: 'accountUnavailable', message: 'plex.tv cannot be reached.' },
    }),
    'verify.run': () => ({
      ok: true,
      value: {
        generatedAt: '2026-11-28T12:00:00Z',
        hushVersion: '0.1.0',
        debugLogging: true,
        server: { name: 'Living room', machineIdentifier: 'abc123', version: '1.42.2.10156' },
        log: {
          from: '2026-11-28T06:00:00.000+00:00',
          to: '2026-11-28T11:59:00.000+00:00',
          files: 2,
          zoneKnown: true,
        },
        clock: {
          hushNow: '2026-11-28T12:00:00.000Z',
          serverNow: '2026-11-28T12:00:02.000Z',
          offsetMs: 2000,
        },
        results: [
          {
            switchId: 'crash-reports',
            verdict: 'verified',
            reason: null,
            offSince: '2026-11-28T10:00:00Z',
            offBasis: 'server-log',
            coveredMinutes: 119,
            lastBefore: null,
            countBefore: 0,
            leaks: [],
            leakCount: 0,
            ambiguous: [],
            ambiguousCount: 0,
            candidates: [],
            alike: [],
            note: 'Nothing it stops was sent in 1 h 59 min of debug log since it went off.',
          },
        ],
        background: [{ flowId: 'registration', count: 6, latest: null }],
        other: { count: 0, hosts: [] },
      },
    }),
    'verify.report': ({ format }) => ({
      ok: true,
      value: {
        fileName: `hush-verify.${format === 'html' ? 'html' : 'md'}`,
        content: '# Report',
        sha256: 'abc',
      },
    }),
  }
}
