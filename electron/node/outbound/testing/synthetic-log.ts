/**
 * A deterministic writer of server log text in the real 2025 grammar (HCl# ids, responses on the
 * HttpClient thread, inbound Request:/Completed: noise), for tests and the benchmark.
 */
export interface SyntheticLogOptions {
  readonly seed: number
  /** Epoch ms of the first line (printed as the server's wall clock, UTC). */
  readonly start: number
  /** Milliseconds between exchanges. */
  readonly stepMs: number
  /** Noise lines per exchange. */
  readonly noise: number
  /** One exchange in this many is never answered. */
  readonly unansweredEvery: number
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const targets: readonly string[] = [
  'https://plex.tv/api/v2/server/users?auth_token=xxxxxxxxxxxxxxxxxxxx',
  'https://plex.tv/media/providers?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx',
  'https://plex.tv/updater/products/1/check.xml?build=linux-x86_64&channel=16&version=1.42.1',
  'https://plex.tv/devices/7900a9db7cac7e304ddb66b0482ea8d8d854d604?Connection[][uri]=http://192.168.1.20:32400&X-Plex-Token=xxxxxxxxxxxxxxxxxxxx',
  'https://metadata.provider.plex.tv/library/metadata/matches?title=Movie%20{n}&year=2001',
  'https://pubsub.plex.tv/sub/server/7900a9db?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx',
  'https://analytics.plex.tv/collect/event?name=playback',
  'https://epg.provider.plex.tv/grid?channelGridKey={n}',
  'https://scrobbles.plex.tv/scrobble?key={n}',
  'http://127.0.0.1:32400/activities/?percentComplete={n}',
  'http://127.0.0.1:49194/system/agents/attribution?identifier=com.plexapp.agents.localmedia',
  'https://lyricfind.plex.tv/lyrics/{n}',
]

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0')
}

/** The header of a line at epoch ms `t` (UTC wall clock). */
export function headerAt(t: number, thread: string, level = 'DEBUG'): string {
  const d = new Date(t)
  return `${months[d.getUTCMonth()]} ${pad(d.getUTCDate())}, ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)} [${thread}] ${level} - `
}

/** Generates exchanges one at a time; `next()` returns the lines of one exchange and its noise. */
export function createSyntheticLog(options: SyntheticLogOptions): {
  next: () => string
  exchanges: () => number
} {
  let state = options.seed >>> 0 || 1
  const rand = (n: number): number => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) % n
  }
  let count = 0
  let t = options.start
  return {
    exchanges: () => count,
    next: () => {
      const id = (0x100 + count).toString(16)
      const url = (targets[rand(targets.length)] as string).replace('{n}', String(count))
      const thread = String(140101634362168 + rand(8))
      const lines: string[] = [`${headerAt(t, thread)}[HCl#${id}] HTTP requesting GET ${url}\n`]
      for (let i = 0; i < options.noise; i++) {
        const port = 50000 + rand(10000)
        lines.push(
          i % 2 === 0
            ? `${headerAt(t + 1, thread)}Request: [192.168.1.${rand(250)}:${port} (Subnet)] GET /library/metadata/${rand(99999)} (5 live) #${id} GZIP Signed-in Token (owner)\n`
            : `${headerAt(t + 1, thread)}Completed: [192.168.1.${rand(250)}:${port}] 200 GET /library/metadata/${rand(99999)} (5 live) #${id} GZIP 3ms 1543 bytes (pipelined: 1)\n`,
        )
      }
      if (count % options.unansweredEvery !== options.unansweredEvery - 1) {
        lines.push(
          `${headerAt(t + 2, '140101784881976')}[HttpClient/HCl#${id}] HTTP/1.1 (0.1s) 200 response from GET ${url} (reused)\n`,
        )
      }
      count++
      t += options.stepMs
      return lines.join('')
    },
  }
}

/** The text of the first `exchanges` exchanges of a synthetic log (each with its noise). */
export function syntheticLogText(options: SyntheticLogOptions, exchanges: number): string {
  const log = createSyntheticLog(options)
  return Array.from({ length: exchanges }, () => log.next()).join('')
}
