import { demoNetwork } from './demo-world'
import type { TrafficEmitter } from './traffic-emitter'
import type { TrafficJob } from './traffic-job'

const minute = 60_000
const jitter = (e: TrafficEmitter, base: number): number =>
  Math.round(base * (0.8 + e.random.next() * 0.4))

/** The CrashUploader binary of Linux builds (reference §3.4). */
export const crashUploaderPath = '/usr/lib/plexmediaserver/CrashUploader'

/** The job line of a crash upload, as the 2025 log shows it (reference §3.4, §9.2). */
export function crashUploaderCommand(
  e: TrafficEmitter,
  crashVersion: string,
  retries: boolean,
): string {
  const directory = `${e.options.dataDir}/Crash Reports/${crashVersion}`
  // Signed in, the user id is the owner's e-mail address (reference §9.2); NOUSERID otherwise.
  const user = e.world.account().email ?? 'NOUSERID'
  const retry = retries ? ' --allowRetries' : ''
  if (e.options.format === '2018') {
    // Builds before Sentry passed quoted arguments and an upload URL (reference §9.2).
    return `'${crashUploaderPath}' '--directory=${directory}' '--version=${crashVersion}' '--platform=${demoNetwork.platform}' '--serverUuid=${e.options.machineIdentifier}' '--userId=${user}' '--url=${legacyCrashUrl}'${retry}`
  }
  return `${crashUploaderPath} "--directory=${directory}" --version=${crashVersion} --platform=${demoNetwork.platform} --platformVersion=${demoNetwork.platformVersion} --serverUuid=${e.options.machineIdentifier} --userId=${user} --sentryUrl=${sentryUrl} --sentryKey=${'x'.repeat(32)} --vendor=Docker --model=x86_64 "--device=Docker Container"${retry}`
}

/** Where crash reports go (reference §3.4). */
export const sentryUrl = 'https://o17675.ingest.sentry.io/api/1233455/'

/** Where crash reports went before Sentry (reference §9.2). */
export const legacyCrashUrl = 'https://crashreport.plexapp.com'

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
      // The server crashes now and then, leaving a dump to upload (MODELLED frequency).
      name: 'crash',
      first: 100 * minute,
      run: e => {
        // The real server says so on its standard error, not in its log (reference §3.4).
        e.world.crashed(e.options.version)
        return jitter(e, 180 * minute)
      },
    },
    {
      name: 'crash-upload',
      first: 30 * minute,
      run: (e, t) => {
        const gates = [e.prefGate('sendCrashReports')]
        const retryGates = [...gates, e.prefGate('CrashUploadRetries')]
        const retrying = e.sends('crash-retries', retryGates)
        const uploading = e.sends('crash-upload', gates)
        if (!retrying && !uploading) {
          return jitter(e, 60 * minute)
        }
        // `--allowRetries` goes with every upload while CrashUploadRetries is on (INFERRED, §1.3).
        const withRetries = retrying || e.on('CrashUploadRetries')
        let at = t
        for (const version of e.world.pendingCrashVersions()) {
          const thread = e.thread()
          e.line(
            at,
            'DEBUG',
            `[JobRunner] Job running: ${crashUploaderCommand(e, version, withRetries)}`,
            thread,
            {
              sent: e.sentBy(at, {
                method: 'POST',
                url: e.options.format === '2018' ? legacyCrashUrl : sentryUrl,
                flow: withRetries ? 'crash-retries' : 'crash-upload',
                gates: withRetries ? retryGates : gates,
              }),
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
      // A client plays something: webhooks, the watch state, playback statistics and a push
      // notification follow (MODELLED URLs).
      name: 'playback',
      first: 9 * minute,
      run: (e, t) => {
        const account = e.world.account()
        let at = t
        const hookGates = [e.prefGate('WebHooksEnabled')]
        if (e.sends('webhooks', hookGates)) {
          for (const hook of account.webhooks) {
            at = e.request(at + 10, {
              method: 'POST',
              url: hook,
              flow: 'webhooks',
              gates: hookGates,
            })
          }
        }
        const syncGates = [{ setting: 'account:view-state-sync', open: account.viewStateSync }]
        if (e.sends('watch-state', syncGates)) {
          at = e.request(at + 10, {
            method: 'GET',
            url: `https://scrobbles.plex.tv/scrobble?key=${e.random.int(100, 140)}&X-Plex-Token=${e.token()}`,
            flow: 'watch-state',
            gates: syncGates,
            component: `Req#${e.nextReq()}/ViewStateSync`,
            http2: true,
          })
        }
        // Servers of about 2017 had their own usage-data setting besides the account's (§1.3).
        const statsGates = [
          { setting: 'account:privacy:optOutPlayback', open: !account.optOutPlayback },
          ...(e.world.setting('collectUsageData') === undefined
            ? []
            : [e.prefGate('collectUsageData')]),
        ]
        if (e.sends('playback-statistics', statsGates)) {
          at = e.request(at + 10, {
            method: 'POST',
            url: `https://analytics.plex.tv/collect/event?event=playback%3Aitemstart&X-Plex-Token=${e.token()}`,
            flow: 'playback-statistics',
            gates: statsGates,
          })
        }
        const pushGates = [e.prefGate('PushNotificationsEnabled')]
        if (
          e.world.setting('PushNotificationsEnabled') !== undefined &&
          e.sends('push', pushGates)
        ) {
          // Push notifications go out through Plex's services; no real log shows how (§9.5).
          e.record(at + 10, {
            method: 'POST',
            url: 'https://plex.tv/api/v2/notifications',
            flow: 'push',
            gates: pushGates,
          })
        }
        return jitter(e, 25 * minute)
      },
    },
    {
      name: 'library-stats',
      first: 12 * minute,
      run: (e, t) => {
        const gates = [
          {
            setting: 'account:privacy:optOutLibraryStats',
            open: !e.world.account().optOutLibraryStats,
          },
        ]
        if (e.sends('library-statistics', gates)) {
          e.request(t, {
            method: 'POST',
            url: `https://analytics.plex.tv/collect/event?event=library%3Ascan%3Acomplete&X-Plex-Token=${e.token()}`,
            flow: 'library-statistics',
            gates,
          })
        }
        return jitter(e, 180 * minute)
      },
    },
    {
      // GDM and DLNA announcements reach only the home network: never in the log (§6.3).
      name: 'lan-announcements',
      first: 50_000,
      run: (e, t) => {
        const gdm = [e.prefGate('GdmEnabled')]
        if (e.sends('gdm', gdm)) {
          e.record(t, { method: 'GDM', url: 'udp://239.0.0.250:32414', flow: 'gdm', gates: gdm })
        }
        const dlna = [e.prefGate('DlnaEnabled')]
        if (e.world.setting('DlnaEnabled') !== undefined && e.sends('dlna', dlna)) {
          e.record(t, {
            method: 'SSDP',
            url: 'udp://239.255.255.250:1900',
            flow: 'dlna',
            gates: dlna,
          })
        }
        return jitter(e, 10 * minute)
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
          flow: 'plug-in-host',
          gates: [],
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
