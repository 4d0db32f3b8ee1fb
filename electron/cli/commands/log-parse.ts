import { stat } from 'node:fs/promises'
import { totalSkipped, type OutboundEvent } from '../../common/outbound/outbound-event'
import { describeFileType } from '../../node/files/regular-file'
import { parseFiles } from '../../node/outbound/parse/parse-file'
import { fail, UsageError, type Command } from '../command'

const q = JSON.stringify

/** The JSON around an event's status that depends only on its URL and source file, built once. */
interface Fragment {
  readonly e: OutboundEvent
  readonly before: string
  readonly after: string
}

// By URL: a log repeats a few thousand URLs, so nearly every event reuses its fragment.
const fragments = new Map<string, Fragment>()

function fragmentOf(e: OutboundEvent): Fragment {
  const f = fragments.get(e.url)
  if (
    f !== undefined &&
    f.e.method === e.method &&
    f.e.host === e.host &&
    f.e.upstream === e.upstream &&
    f.e.service === e.service &&
    f.e.category === e.category &&
    f.e.policyItem === e.policyItem &&
    f.e.source.file === e.source.file
  ) {
    return f
  }
  const built: Fragment = {
    e,
    before: `,"method":${q(e.method)},"url":${q(e.url)},"host":${q(e.host)},"upstream":${e.upstream},"status":`,
    after: `,"service":${q(e.service)},"category":"${e.category}","policyItem":${e.policyItem === null ? 'null' : q(e.policyItem)},"source":{"file":${q(e.source.file)},"line":`,
  }
  if (fragments.size >= 8192) {
    fragments.clear()
  }
  fragments.set(e.url, built)
  return built
}

/** The NDJSON form of an event (docs/architecture.md §4 field order); written by hand, it is on the hot path. */
export function eventJson(e: OutboundEvent): string {
  const f = fragmentOf(e)
  return `{"time":"${e.time}","localTime":${e.localTime}${f.before}${e.status},"error":${e.error === null ? 'null' : q(e.error)}${f.after}${e.source.line}},"key":"${e.key}"}`
}

/** `hush log parse <file>...`: one outbound event a line on stdout, nothing stored. */
export const logParseCommand: Command = {
  name: 'log parse',
  summary: 'Print the outbound exchanges in server log files as NDJSON (nothing stored)',
  usage: '<file>...',
  options: {},
  run: async ({ positionals, io }) => {
    if (positionals.length === 0) {
      throw new UsageError('name at least one log file')
    }
    for (const path of positionals) {
      const info = await stat(path).catch(() => null)
      if (!info?.isFile()) {
        const what = info
          ? `it is ${describeFileType(info)}, not a regular file`
          : 'it is not there'
        return fail(io, `cannot read ${path}: ${what}`)
      }
    }
    const result = await parseFiles(positionals, events => {
      io.stdout(`${events.map(eventJson).join('\n')}\n`)
    })
    positionals.forEach((path, i) => {
      const s = result.skipped[i]
      if (s && totalSkipped(s) > 0) {
        io.stderr(
          `hush: ${path}: skipped ${totalSkipped(s)} lines (not log lines ${s.notLogLine}, malformed ${s.malformed}, too long ${s.tooLong}, invalid UTF-8 ${s.invalidUtf8})\n`,
        )
      }
    })
    io.stderr(`hush: ${result.events} outbound events\n`)
    return 0
  },
}
