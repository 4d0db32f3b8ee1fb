/**
 * The lines of a server debug log that are not outbound exchanges: inbound requests and what the
 * server logs while answering them, play state, transcoder, scanner, butler and network lines.
 *
 * Shapes are copied from real logs (2014–2026, see the sources beside each kind); ids, paths,
 * addresses and times vary. Proportions (`kinds[].share`, per 1,000 background lines) follow the
 * two whole server logs known to us — jesseward/plex-lastfm-scrobbler `tests/data/unicode_pms.log`
 * (2,146 lines, 2014) and `universal_transcode.log` (1,394 lines, 2014), where inbound requests with
 * their parameter and range lines are ~75 % of the lines, play state/timeline ~13 %, transcoder and
 * jobs ~3.5 %, network ~1 %, and outbound exchanges 0.1 % — adjusted to the 2025/2026 grammar,
 * which logs each inbound request as a `Request:`/`Completed:` pair (r0cksteadyw00t/plex-logs 2026,
 * CodyBerenson/PGMA-Modernized#332 2025) and prints header dumps only at VERBOSE. Scanner lines
 * come from the 2026 Windows log (a library scan), transcoder lines from the 2014 logs and
 * plezy#199 (2026); no real butler line is known, so those are modelled on the task names of the
 * `ButlerTask…` settings.
 */

/** A deterministic source of random integers (xorshift32). */
export type Rand = (n: number) => number

/** Creates a seeded random source. */
export function createRand(seed: number): Rand {
  let state = seed >>> 0 || 1
  return n => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) % n
  }
}

const users = ['adrian', 'r0cksteady', 'kids', 'guest']
const paths = [
  '/library/sections/5/all?type=1&sort=titleSort',
  '/library/metadata/{n}',
  '/library/metadata/{n}/children',
  '/hubs/home/recentlyAdded?type=1&count=12',
  '/library/onDeck',
  '/:/timeline?ratingKey={n}&key=%2Flibrary%2Fmetadata%2F{n}&state=playing&time={t}&duration=5436000',
  '/photo/:/transcode?width=720&height=405&url=%2Flibrary%2Fmetadata%2F{n}%2Fthumb%2F1736100000',
  '/media/providers',
  '/library/parts/{n}/1736100000/file.mkv',
  '/status/sessions',
]
const titles = ['Friday (1995)', 'Final Destination 5 (2011)', 'Howl', 'The Wire S01E0{d}']

/** One kind of background line: its share per 1,000 lines, and the message(s) it writes. */
interface Kind {
  readonly name: string
  readonly share: number
  readonly messages: (r: Rand, n: number) => string[]
}

const address = (r: Rand): string => `192.168.1.${10 + r(60)}:${49152 + r(16000)}`
const fill = (text: string, r: Rand, n: number): string =>
  text
    .replaceAll('{n}', String(10_000 + (n % 90_000)))
    .replaceAll('{t}', String(r(5_000_000)))
    .replaceAll('{d}', String(1 + r(9)))

/** The kinds of background lines and their shares (sum 1,000). */
export const kinds: readonly Kind[] = [
  {
    // A request, the lines logged while it runs, and its completion (r0cksteady 2026, pgma 2025).
    name: 'inbound request with its detail lines',
    share: 700,
    messages: (r, n) => {
      const from = address(r)
      const path = fill(paths[r(paths.length)] as string, r, n)
      const id = (0x11c00 + n).toString(16)
      const user = users[r(users.length)] as string
      const live = 3 + r(12)
      const lines = [
        `Request: [${from} (Subnet)] GET ${path} (${live} live) #${id} GZIP Signed-in Token (${user})`,
        `Auth: authenticated user ${1 + r(4)} as ${user}`,
      ]
      if (r(3) === 0) {
        lines.push(`[Req#${id}] Setting container serialization range to [0, 49] (total=-1)`)
      }
      if (r(4) === 0) {
        lines.push(
          `Content-Length of /config/Library/Application Support/Plex Media Server/Cache/PhotoTranscoder/${id.slice(-2)}/${id}${'0'.repeat(30)}.jpg is ${1000 + r(90_000)} (of total: ${1000 + r(90_000)}).`,
        )
      }
      if (r(5) === 0) {
        lines.push(`Request range: 0 to ${r(4_000_000)}`)
      }
      lines.push(
        `Completed: [${from}] 200 GET ${path} (${live} live) #${id} GZIP ${r(40)}ms ${200 + r(9000)} bytes (pipelined: ${1 + r(9)})`,
      )
      return lines
    },
  },
  {
    // unicode_pms.log 2014, plezy#199 2026.
    name: 'play state, timeline and activities',
    share: 130,
    messages: (r, n) => [
      `Client [961b7b2e-a129-4028-a0be-1ff08bdbb56b] reporting timeline state playing, progress of ${r(5_000_000)}/5436000ms for guid=, ratingKey=${10_000 + (n % 90_000)} url=, key=/library/metadata/${10_000 + (n % 90_000)}, containerKey=/playQueues/${r(999)}, metadataId=${10_000 + (n % 90_000)}`,
      `[Now] Updated play state for /library/metadata/${10_000 + (n % 90_000)}.`,
      `Activity: updated activity 326bda49-f0da-4b6c-b4b8-70d384875b55 - completed ${r(100)}.0% - Refreshing Sub`,
    ],
  },
  {
    // universal_transcode.log 2014, plezy#199 2026.
    name: 'transcoder',
    share: 60,
    messages: (r, n) => {
      const session = `ae71d39b-0f81-4675-8a80-${(0xf8e578153389 + n).toString(16)}`
      return [
        `[Req#${(0x455cc0 + n).toString(16)}/Transcode/${session}] Transcoder segment range: ${r(40)} - ${40 + r(40)} (13)`,
        `[Transcode/${session}] Streaming Brain: session bandwidth ${2000 + r(8000)} kbps, throttled: 0`,
        `[Transcoder] Stream #0:0: Audio: mp3, 44100 Hz, stereo, s16p`,
        `Cleaning directory for session ${session} (/transcode/Transcode/Sessions/plex-transcode-${session})`,
      ]
    },
  },
  {
    // A library scan, r0cksteady 2026 (Windows paths as logged there).
    name: 'scanner',
    share: 60,
    messages: (r, n) => {
      const title = titles[r(titles.length)] as string
      const dir = `D:\\Media\\Movies\\${title}\\part-${(0x700e6d7f + n).toString(16)}`
      return [
        `Scanner: Processing directory ${dir} (parent: yes)`,
        `Skipping over directory '${title}', as nothing has changed; removing 0 media items from map.`,
        `File '${dir}\\stream.mkv' changed write time, can't skip.`,
        `Turbo analysis on modified item ${125_000 + (n % 9000)} [${dir}\\stream.mkv]`,
      ]
    },
  },
  {
    // Modelled: no real butler line is known (task names from the ButlerTask… settings).
    name: 'butler',
    share: 15,
    messages: r => {
      const task = ['RefreshPeriodicMetadata', 'DeepMediaAnalysis', 'OptimizeDatabase'][r(3)]
      return [
        `Butler: Starting task ${task}`,
        `Job running: '/usr/lib/plexmediaserver/Plex Media Scanner' '--analyze-deeply' '--item' '${r(99_999)}'`,
        `Jobs: '/usr/lib/plexmediaserver/Plex Media Scanner' exit code for process ${300 + r(9000)} is 0 (success)`,
      ]
    },
  },
  {
    // GDM/SSDP and WebSocket lines, linuxserver/docker-plex#420/#444 and googlecast#94.
    name: 'network (GDM, SSDP, WebSocket)',
    share: 25,
    messages: r => [
      `NetworkService: Setting up multicast listener on 0.0.0.0:32414`,
      `SSDP departed after not being seen for ${r(40)}.804347 seconds: 192.168.1.${r(250)} (TOASTY1)`,
      `WebSocket: processed ${r(3)} frame(s)`,
      `NotificationStream: Removing because of close`,
    ],
  },
  {
    // The plug-in host's own chatter around a loopback call, googlecast#94 (2022): these lines
    // say "HTTP" without being exchanges.
    name: 'plug-in host chatter that says HTTP',
    share: 10,
    messages: r => [
      `[com.plexapp.system] Sending command over HTTP (GET): /system/:/prefs`,
      `[com.plexapp.system] HTTP reply status 200, with ${100 + r(900)} bytes of content.`,
    ],
  },
]

/** Picks a kind by share and returns its lines' messages. */
export function backgroundMessages(r: Rand, n: number): string[] {
  let pick = r(1000)
  for (const kind of kinds) {
    if (pick < kind.share) {
      return kind.messages(r, n)
    }
    pick -= kind.share
  }
  return (kinds[0] as Kind).messages(r, n)
}
