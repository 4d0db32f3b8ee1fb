import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Verdict } from '../../common/api/verify-schemas'
import { switchCatalog } from '../../common/switches/catalog'
import { createTrafficGenerator } from '../../demo/traffic-generator'
import { snapshotWorld } from '../../demo/traffic-snapshot'
import { demoFlows, type DemoFlow, type SentRecord } from '../../demo/sent-record'
import { call } from '../../demo/demo-test-helpers'
import {
  allowedVerdicts,
  connectionTruth,
  indexShapes,
  listedLeaksAreReal,
  switchTruth,
  type ShapeIndex,
} from './testing/verdict-oracle'
import { runScenario, type Scenario, type ScenarioRun } from './testing/verdict-scenario'

/**
 * The verdict matrix: Hush's verdict for every switch that is off, in scenarios that cover every
 * profile, every switch turned off alone, a leak of every flow, switches off before Hush first ran,
 * the legacy server, the 2026 log format and the demo at speed 1 and 3600 — each judged against
 * the demo's own record of what it sent (testing/verdict-oracle.ts), never against Hush's model.
 */

const hour = 3_600_000

/** Every flow sent for a day, whatever the settings say: the shapes each flow's requests take. */
function baselineOf(edition: 'modern' | 'legacy'): SentRecord[] {
  const sent: SentRecord[] = []
  const start = Date.UTC(2026, 2, 1)
  createTrafficGenerator({
    seed: 7,
    startTime: start,
    format: edition === 'legacy' ? '2018' : '2025',
    machineIdentifier: '0123456789abcdef0123456789abcdef01234567',
    version: '1.42.2.10156-f737b826c',
    port: 32400,
    dataDir: '/config',
    world: snapshotWorld({
      seed: 7,
      edition,
      leaks: [...demoFlows],
      crashVersions: ['1.42.2.10156-f737b826c'],
    }),
    onSent: record => sent.push(record),
  }).advanceTo(start + 24 * hour)
  return sent
}

// Each flow a switch stops, and a switch whose off state should stop it.
const leakTargets: readonly (readonly [DemoFlow, string])[] = [
  ['matching', 'metadata-matching'],
  ['periodic-refresh', 'periodic-metadata-refresh'],
  ['music-enrichment', 'music-enrichment'],
  ['extras', 'extras'],
  ['cinema-trailers', 'trailers'],
  ['reachability', 'remote-access'],
  ['custom-addresses', 'custom-connections'],
  ['relay', 'relay'],
  ['port-mapping', 'automatic-port-mapping'],
  ['crash-upload', 'crash-reports'],
  ['crash-retries', 'crash-upload-retries'],
  ['webhooks', 'webhooks'],
  ['playback-statistics', 'usage-data'],
  ['library-statistics', 'library-stats'],
  ['watch-state', 'view-state-sync'],
  ['push', 'push-notifications'],
  ['gdm', 'discovery'],
  ['dlna', 'dlna'],
]

const availableOnModern = switchCatalog
  .map(entry => entry.id)
  .filter(id => !['automatic-updates', 'marker-sharing'].includes(id))

/** When the debug-off scenarios turned debug logging off (server clock). */
const debugTurnedOff = { at: Number.POSITIVE_INFINITY }
const debugOffBeforeMatching = { at: Number.POSITIVE_INFINITY }

const scenarios: readonly (Scenario & { readonly debugOff?: { readonly at: number } })[] = [
  { name: 'defaults', steps: () => Promise.resolve() },
  ...(['plex-defaults', 'balanced', 'private', 'lockdown'] as const).map(profile => ({
    name: `profile ${profile}`,
    steps: async (c: Parameters<Scenario['steps']>[0]) => {
      await c.apply(profile)
      c.advance(2)
    },
  })),
  ...availableOnModern.map(id => ({
    name: `${id} off`,
    steps: async (c: Parameters<Scenario['steps']>[0]) => {
      await c.turnOff(id)
      c.advance(2)
    },
  })),
  ...leakTargets.map(([flow, id]) => ({
    name: `leak ${flow}`,
    steps: async (c: Parameters<Scenario['steps']>[0]) => {
      if (flow === 'dlna' || flow === 'crash-retries' || flow === 'push') {
        // Off by default already: the leak alone is the test.
      } else {
        await c.turnOff(id)
      }
      c.demo.faults.leak(flow)
      c.advance(2)
    },
  })),
  {
    name: 'off before Hush first ran',
    before: async dataDir => {
      await writeFile(
        join(dataDir, 'Preferences.xml'),
        '<?xml version="1.0" encoding="utf-8"?>\n<Preferences sendCrashReports="0" WebHooksEnabled="0" RelayEnabled="0" GdmEnabled="0" ButlerTaskRefreshPeriodicMetadata="0"/>\n',
      )
    },
    steps: c => {
      c.advance(1)
      return Promise.resolve()
    },
  },
  {
    name: 'off before Hush first ran, leaking',
    before: async dataDir => {
      await writeFile(
        join(dataDir, 'Preferences.xml'),
        '<?xml version="1.0" encoding="utf-8"?>\n<Preferences sendCrashReports="0" WebHooksEnabled="0"/>\n',
      )
    },
    steps: c => {
      c.demo.faults.leak('webhooks')
      c.advance(1)
      return Promise.resolve()
    },
  },
  {
    name: 'legacy lockdown',
    demo: { legacy: true },
    steps: async c => {
      await c.apply('lockdown')
      c.advance(2)
    },
  },
  {
    name: 'legacy leak matching, updates',
    demo: { legacy: true },
    steps: async c => {
      await c.turnOff('metadata-matching')
      await c.turnOff('automatic-updates')
      c.demo.faults.leak('matching')
      c.demo.faults.leak('update-download')
      c.advance(7)
    },
  },
  {
    name: '2026 format lockdown, leak webhooks',
    demo: { logFormat: '2026' },
    steps: async c => {
      await c.apply('lockdown')
      c.demo.faults.leak('webhooks')
      c.advance(2)
    },
  },
  // The connection witness: the demo's helpers make real connections, Hush looks at verification.
  {
    name: 'connections: relay off',
    demo: { connections: true },
    steps: async c => {
      await c.turnOff('relay')
      c.advance(2)
    },
  },
  {
    name: 'connections: leak relay',
    demo: { connections: true },
    steps: async c => {
      await c.turnOff('relay')
      c.demo.faults.leak('relay')
      c.advance(2)
      await new Promise(resolve => setTimeout(resolve, 1500))
    },
  },
  {
    name: 'connections: debug logging off, leak relay',
    demo: { connections: true },
    debugOff: debugTurnedOff,
    steps: async c => {
      await c.turnOff('relay')
      // The owner's Hush read the switches (the Overview) while the log still showed every change.
      await c.read()
      debugTurnedOff.at = c.demo.now()
      await call(c.demo, '/:/prefs?logDebug=0', { method: 'PUT' })
      c.demo.faults.leak('relay')
      c.advance(2)
      await new Promise(resolve => setTimeout(resolve, 1500))
    },
  },
  {
    name: 'debug logging off, then metadata matching off',
    debugOff: debugOffBeforeMatching,
    steps: async c => {
      // The owner's Hush read the switches (the Overview) while the log still showed every change.
      await c.read()
      c.advance(2)
      debugOffBeforeMatching.at = c.demo.now()
      await call(c.demo, '/:/prefs?logDebug=0', { method: 'PUT' })
      c.advance(1)
      await c.turnOff('metadata-matching')
      c.advance(2)
    },
  },
  {
    name: 'connections: crash reports off, leak crash upload',
    demo: { connections: true },
    steps: async c => {
      await c.turnOff('crash-reports')
      c.demo.faults.leak('crash-upload')
      c.advance(2)
      await new Promise(resolve => setTimeout(resolve, 1500))
    },
  },
  {
    name: 'speed 3600 private, leak statistics',
    demo: { speed: 3600 },
    steps: async c => {
      await c.apply('private')
      c.demo.faults.leak('playback-statistics')
      await new Promise(resolve => setTimeout(resolve, 2500))
    },
  },
  {
    name: 'speed 3600 account off',
    demo: { speed: 3600 },
    steps: async c => {
      await c.turnOff('usage-data')
      await c.turnOff('library-stats')
      await c.turnOff('view-state-sync')
      await new Promise(resolve => setTimeout(resolve, 2500))
    },
  },
]

const verdictLetter: Readonly<Record<Verdict, string>> = {
  verified: 'V',
  leaking: 'L',
  ambiguous: 'A',
  'no-evidence': 'N',
  'not-visible': '-',
}

interface Cell {
  readonly letter: string
  readonly wrong: string | null
}

describe('the verdict matrix', () => {
  const shapes = new Map<string, ShapeIndex>()
  const baselines = new Map<string, SentRecord[]>()
  const rows: { name: string; cells: Map<string, Cell> }[] = []

  beforeAll(() => {
    for (const edition of ['modern', 'legacy'] as const) {
      const baseline = baselineOf(edition)
      baselines.set(edition, baseline)
      shapes.set(edition, indexShapes(baseline))
    }
  })

  afterAll(() => {
    const ids = switchCatalog.map(entry => entry.id)
    const width = Math.max(...rows.map(row => row.name.length))
    const lines = [
      'Verdicts: V verified, L leaking, A ambiguous, N no evidence, - not visible in the log, . not off; ! wrong',
      '',
      ...ids.map((id, n) => `${String(n + 1).padStart(2)} ${id}`),
      '',
      `${''.padEnd(width)}  ${ids.map((_, n) => String(n + 1).padStart(2)).join(' ')}`,
      ...rows.map(
        row =>
          `${row.name.padEnd(width)}  ${ids
            .map(id => {
              const cell = row.cells.get(id)
              return cell === undefined ? ' .' : `${cell.wrong ? '!' : ' '}${cell.letter}`
            })
            .join(' ')}`,
      ),
    ]
    console.log(lines.join('\n'))
  })

  function judge(
    run: ScenarioRun,
    edition: 'modern' | 'legacy',
    debugOffAt = Number.POSITIVE_INFINITY,
  ): string[] {
    const wrong: string[] = []
    const cells = new Map<string, Cell>()
    for (const result of run.report.results) {
      const status = run.statuses.find(s => s.id === result.switchId)
      if (!status) {
        continue
      }
      const since = Math.max(run.offAt.get(result.switchId) ?? run.startedAt, ...run.restarts)
      const truth = switchTruth(
        status,
        run.sent,
        since,
        baselines.get(edition) ?? [],
        shapes.get(edition) ?? new Map(),
      )
      // The hour Hush needs is of debug log: none is written after debug logging went off.
      const covered =
        Math.min(run.verifiedAt, debugOffAt) - (run.offAt.get(result.switchId) ?? run.startedAt) >=
        65 * 60_000
      const connected = connectionTruth(status, run.sent, since, run.verifyWindow)
      const fromLog = allowedVerdicts(truth, covered)
      // A connection open through the look is a leak the system saw, whatever the log shows.
      const allowed: readonly Verdict[] = connected.certain
        ? ['leaking']
        : connected.possible
          ? [...new Set<Verdict>([...fromLog, 'leaking'])]
          : fromLog
      let problem: string | null = null
      if (!allowed.includes(result.verdict)) {
        problem = `${result.switchId}: ${result.verdict} (${result.reason ?? ''}, off since ${result.offSince ?? '?'}, ${result.coveredMinutes ?? '?'} min), expected ${allowed.join(' or ')}; ${truth.leaked.length} leaked, ${truth.evidence.length} in the log`
      } else if (!listedLeaksAreReal(result, run.sent)) {
        problem = `${result.switchId}: lists a request as leaked that the demo did not leak`
      } else if (
        connected.certain &&
        truth.evidence.length === 0 &&
        (result.witnesses?.disagreement !== 'connection-while-off' ||
          result.witnesses.restsOn.join() !== 'connections')
      ) {
        problem = `${result.switchId}: a connection while off that the log does not show is not said as the connection witness's finding`
      }
      if (problem) {
        wrong.push(problem)
      }
      cells.set(result.switchId, { letter: verdictLetter[result.verdict], wrong: problem })
    }
    rows.push({ name: run.name, cells })
    return wrong
  }

  for (const scenario of scenarios) {
    it(`judges every switch right: ${scenario.name}`, async () => {
      const run = await runScenario(scenario)
      const edition = scenario.demo?.legacy === true ? 'legacy' : 'modern'
      expect(judge(run, edition, scenario.debugOff?.at)).toEqual([])
      if (scenario.demo?.connections === true) {
        // Hush looked at the connections of the relay and the crash uploader, and says so.
        expect(run.report.connectionWitness?.scope).toBe('now')
        for (const result of run.report.results) {
          const own = result.switchId === 'relay' || result.switchId === 'crash-reports'
          expect(result.witnesses?.connections?.scope).toBe(own ? 'now' : undefined)
        }
      }
      if (scenario.name === 'defaults') {
        expect(run.report.results.filter(r => r.verdict === 'leaking')).toEqual([])
      }
    }, 60_000)
  }
})
