import { demoNetwork } from './demo-world'
import type { TrafficEmitter } from './traffic-emitter'
import type { TrafficJob } from './traffic-jobs'

const minute = 60_000
const jitter = (e: TrafficEmitter, base: number): number =>
  Math.round(base * (0.8 + e.random.next() * 0.4))

/** The CrashUploader binary of Linux builds (reference §3.4). */
export const crashUploaderPath = '/usr/lib/plexmediaserver/CrashUploader'

/** The job line of a crash upload, as the 2025 log shows it (reference §3.4, VERIFIED shape). */
export function crashUploaderCommand(e: TrafficEmitter, crashVersion: string): string {
  const directory = `${e.options.dataDir}/Crash Reports/${crashVersion}`
  const retries = e.on('CrashUploadRetries') ? ' --allowRetries' : ''
  return `${crashUploaderPath} "--directory=${directory}" --version=${crashVersion} --platform=${demoNetwork.platform} --platformVersion=${demoNetwork.platformVersion} --serverUuid=${e.options.machineIdentifier} --userId=NOUSERID --sentryUrl=https://o17675.ingest.sentry.io/api/1233455/ --sentryKey=${'x'.repeat(32)} --vendor=Docker --model=x86_64 "--device=Docker Container"${retries}`
}

const clientPaths = [
  '/library/sections',
  '/hubs/home/recentlyAdded?type=1',
  '/library/onDeck',
  '/status/sessions',
  '/:/timeline?ratingKey=101&state=playing',
  '/library/metadata/104/children',
  '/hubs/search?query=night',
  '/media/providers',
]

/** Playback, clients, plug-in host and crash uploads: the traffic that depends on activity. */
export function activityJobs(): TrafficJob[] {
  return [
    {
      name: 'crash-upload',
      first: 30 * minute,
      run: (e, t) => {
        if (!e.allowed('crash-reports', e.on('sendCrashReports'))) {
          return jitter(e, 60 * minute)
        }
        let at = t
        for (const version of e.world.pendingCrashVersions()) {
          const thread = e.thread()
          e.line(
            at,
            'DEBUG',
            `[JobRunner] Job running: ${crashUploaderCommand(e, version)}`,
            thread,
            {
              category: 'crash-reports',
              url: 'https://o17675.ingest.sentry.io/api/1233455/',
            },
          )
          at += e.random.int(800, 4000)
          e.line(
            at,
            'DEBUG',
            `Jobs: '${crashUploaderPath}' exit code for process ${e.nextProcess()} is 0 (success)`,
            thread,
          )
          e.world.crashUploaded(version)
        }
        return jitter(e, 60 * minute)
      },
    },
    {
      // A client plays something: webhooks, scrobbles and playback analytics follow (MODELLED URLs).
      name: 'playback',
      first: 9 * minute,
      run: (e, t) => {
        const account = e.world.account()
        let at = t
        if (e.allowed('webhooks', e.on('WebHooksEnabled'))) {
          for (const hook of account.webhooks) {
            at = e.request(at + 10, { method: 'POST', url: hook, category: 'webhooks' })
          }
        }
        if (e.allowed('usage', account.viewStateSync)) {
          at = e.request(at + 10, {
            method: 'GET',
            url: `https://scrobbles.plex.tv/scrobble?key=${e.random.int(100, 140)}&X-Plex-Token=${e.token()}`,
            category: 'usage',
            http2: true,
          })
        }
        if (e.allowed('usage', !account.optOutPlayback)) {
          e.request(at + 10, {
            method: 'POST',
            url: `https://analytics.plex.tv/collect/event?event=playback%3Aitemstart&X-Plex-Token=${e.token()}`,
            category: 'usage',
          })
        }
        return jitter(e, 25 * minute)
      },
    },
    {
      name: 'library-stats',
      first: 12 * minute,
      run: (e, t) => {
        if (e.allowed('usage', !e.world.account().optOutLibraryStats)) {
          e.request(t, {
            method: 'POST',
            url: `https://analytics.plex.tv/collect/event?event=library%3Ascan%3Acomplete&X-Plex-Token=${e.token()}`,
            category: 'usage',
          })
        }
        return jitter(e, 180 * minute)
      },
    },
    {
      // VERIFIED shape (2025): calls to the plug-in host on a loopback port.
      name: 'plug-in-host',
      first: 40_000,
      run: (e, t) => {
        const port = 32600 + (e.options.seed % 900)
        const path = e.random.pick([
          '/system/agents/attribution?identifier=com.plexapp.agents.localmedia',
          '/system/messaging/clear_events/com.plexapp.system',
          '/system/:/prefs',
        ])
        e.request(t, {
          method: 'GET',
          url: `http://127.0.0.1:${port}${path}`,
          category: 'local',
          component: 'Req',
        })
        return jitter(e, 3 * minute)
      },
    },
    {
      // Inbound requests of LAN clients (2026 sample shapes).
      name: 'clients',
      first: 15_000,
      run: (e, t) => {
        const ip = `192.168.1.${e.random.int(30, 60)}:${e.random.int(40000, 60000)}`
        const id = e.nextReq()
        const path = e.random.pick(clientPaths)
        const live = e.random.int(1, 12)
        const thread = e.thread()
        e.line(
          t,
          'DEBUG',
          `Request: [${ip} (Subnet)] GET ${path} (${live} live) #${id} GZIP Signed-in Token (demo-owner) (Plex Web (Chrome))`,
          thread,
        )
        const ms = e.random.int(2, 120)
        e.line(
          t + ms,
          'DEBUG',
          `Completed: [${ip}] 200 GET ${path} (${live} live) #${id} GZIP ${ms}ms ${e.random.int(300, 40000)} bytes`,
          thread,
        )
        return jitter(e, 2 * minute)
      },
    },
    {
      name: 'noise',
      first: 25_000,
      run: (e, t) => {
        const choice = e.random.int(0, 5)
        // LAN discovery lines (GDM, SSDP) only while local network discovery is on.
        const lan = e.on('GdmEnabled')
        if (choice === 0 && lan) {
          e.line(
            t,
            'DEBUG',
            `SSDP departed after not being seen for ${(29 + e.random.next()).toFixed(6)} seconds: 192.168.1.${e.random.int(60, 90)} (LivingRoomTV)`,
          )
        } else if (choice === 1) {
          e.line(t, 'VERBOSE', `Butler: sleeping until the next maintenance window`)
        } else if (choice === 2) {
          e.line(
            t,
            'DEBUG',
            `[Now] Updated play state for /library/metadata/${e.random.int(100, 140)}.`,
          )
        } else if (choice === 3) {
          e.line(t, 'INFO', 'Library section refresh completed')
        } else if (lan) {
          e.line(t, 'DEBUG', 'NetworkService: Setting up multicast listener on 0.0.0.0:32414')
        }
        return jitter(e, 5 * minute)
      },
    },
  ]
}
