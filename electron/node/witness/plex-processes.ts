/**
 * The Plex processes: what each is, and the names its executable has on each platform. Facts from
 * test/corpus/network/README.md ("Facts: Plex helper processes and their connections", cited as
 * "network README") and docs/server-reference.md (cited as "reference §N"); names marked
 * UNVERIFIED there are marked so here and still matched (a wrong name costs nothing, a missed
 * one hides a connection).
 */

/** The Plex processes Hush watches. */
export const plexProcessIds = [
  'server',
  'relay',
  'crash-uploader',
  'tuner',
  'script-host',
  'scanner',
  'transcoder',
  'dlna',
  'fingerprinter',
  'commercial-skipper',
  'sqlite',
  'update-service',
] as const

/** One Plex process by Hush's name for it. */
export type PlexProcessId = (typeof plexProcessIds)[number]

/** What Hush knows about one Plex process. */
export interface PlexProcess {
  readonly id: PlexProcessId
  /** Its name as Plex spells it. */
  readonly name: string
  /** What it does, in a few words. */
  readonly role: string
  /** File names of its executable (Windows without `.exe`; matched on every platform). */
  readonly executables: readonly string[]
  /** How its `argv[0]` starts when it renames itself (the plug-in hosts). */
  readonly argv0Prefixes: readonly string[]
  /** Where the names come from. */
  readonly source: string
}

/** The table of Plex processes. */
export const plexProcesses: readonly PlexProcess[] = [
  {
    id: 'server',
    name: 'Plex Media Server',
    role: 'the server: plex.tv, metadata, updates, notifications',
    executables: ['Plex Media Server'],
    argv0Prefixes: [],
    source:
      'network README, row "Plex Media Server" (Linux /usr/lib/plexmediaserver/Plex Media Server, comm "Plex Media Serv"; Windows "Plex Media Server.exe"; the macOS binary name UNVERIFIED)',
  },
  {
    id: 'relay',
    name: 'Plex Relay',
    role: 'the relay tunnel for remote access',
    executables: ['Plex Relay'],
    argv0Prefixes: [],
    source:
      'network README, row "Plex Relay" (Linux /usr/lib/plexmediaserver/Plex Relay; Windows "Plex Relay.exe" UNVERIFIED); reference §6.1',
  },
  {
    id: 'crash-uploader',
    name: 'CrashUploader',
    role: 'uploads crash reports to Sentry',
    executables: ['CrashUploader'],
    argv0Prefixes: [],
    source:
      'reference §3.4, §9.2 (Linux /usr/lib/plexmediaserver/CrashUploader, Windows CrashUploader.exe); network README, row "CrashUploader"',
  },
  {
    id: 'tuner',
    name: 'Plex Tuner Service',
    role: 'Live TV tuners (listens on 127.0.0.1:32600)',
    // "Plex Tuner Server" is how one real netstat line spells it (possibly retyped, its sidecar says).
    executables: ['Plex Tuner Service', 'Plex Tuner Server'],
    argv0Prefixes: [],
    source: 'network README, row "Plex Tuner Service" (comm "Plex Tuner Serv")',
  },
  {
    id: 'script-host',
    name: 'Plex Script Host',
    role: 'the plug-in framework (one process per plug-in)',
    executables: ['Plex Script Host', 'PlexScriptHost'],
    argv0Prefixes: ['Plex Plug-in ['],
    source:
      'network README, row "Plex Script Host" (argv[0] "Plex Plug-in [com.plexapp.system]", comm "Plex Script Hos"; Windows PlexScriptHost.exe; macOS .../Contents/MacOS/Plex Script Host)',
  },
  {
    id: 'scanner',
    name: 'Plex Media Scanner',
    role: 'scans the libraries',
    executables: ['Plex Media Scanner'],
    argv0Prefixes: [],
    source: 'network README, row "Plex Media Scanner"',
  },
  {
    id: 'transcoder',
    name: 'Plex Transcoder',
    role: 'converts media for playback',
    executables: ['Plex Transcoder', 'PlexTranscoder', 'PlexNewTranscoder'],
    argv0Prefixes: [],
    source: 'network README, row "Plex Transcoder" (older Windows names UNVERIFIED)',
  },
  {
    id: 'dlna',
    name: 'Plex DLNA Server',
    role: 'DLNA on the local network',
    executables: ['Plex DLNA Server', 'PlexDlnaServer'],
    argv0Prefixes: [],
    source:
      'network README, row "Plex DLNA Server" (netstat "Plex DLNA Serv"; Windows PlexDlnaServer UNVERIFIED)',
  },
  {
    id: 'fingerprinter',
    name: 'Plex Media Fingerprinter',
    role: 'audio fingerprints',
    executables: ['Plex Media Fingerprinter'],
    argv0Prefixes: [],
    source: 'network README, row "Other helpers in the Linux package"',
  },
  {
    id: 'commercial-skipper',
    name: 'Plex Commercial Skipper',
    role: 'finds commercials in DVR recordings',
    executables: ['Plex Commercial Skipper'],
    argv0Prefixes: [],
    source: 'network README, row "Other helpers in the Linux package"',
  },
  {
    id: 'sqlite',
    name: 'Plex SQLite',
    role: "the server's database tool",
    executables: ['Plex SQLite'],
    argv0Prefixes: [],
    source: 'network README, row "Other helpers in the Linux package"',
  },
  {
    id: 'update-service',
    name: 'Plex Update Service',
    role: 'installs updates (Windows)',
    executables: ['Plex Update Service'],
    argv0Prefixes: [],
    source: 'network README, row "Other helpers in the Linux package" (Windows)',
  },
]

/** A process found to be Plex's: which one, or the candidates when a cut name fits several. */
export interface PlexIdentity {
  /** The process, or `plex` when the name fits several Plex processes. */
  readonly id: PlexProcessId | 'plex'
  /** How Hush shows it: the process's name, or "Plex (Plex Media Server or …)". */
  readonly label: string
  /** The processes the name fits (one when certain). */
  readonly candidates: readonly PlexProcessId[]
}

/** What a tool showed of a process. */
export interface ProcessNames {
  /** The executable's path (Linux /proc/<pid>/exe, Windows Path), or its file name. */
  readonly path?: string
  /** argv[0] (Linux /proc/<pid>/cmdline). */
  readonly argv0?: string
  /** The short name: Linux comm, a tool's COMMAND column. */
  readonly name?: string
  /** Whether `name` may be cut short (comm at 15 characters, lsof at 9, netstat's column). */
  readonly nameMayBeCut?: boolean
}

/** The shortest cut name Hush matches by its start ("Plex" alone, as old lsof prints, fits all). */
const shortestCutName = 4

/** The file name of a path, `.exe` dropped: `C:\…\Plex Media Server.exe` → `Plex Media Server`. */
export function executableName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path
  return base.replace(/\.exe$/i, '').replace(/ \(deleted\)$/, '')
}

const byExecutable = (file: string): PlexProcess | undefined =>
  plexProcesses.find(p => p.executables.some(e => e.toLowerCase() === file.toLowerCase()))

function identityOf(candidates: readonly PlexProcess[]): PlexIdentity | undefined {
  const [first] = candidates
  if (first === undefined) {
    return undefined
  }
  if (candidates.length === 1) {
    return { id: first.id, label: first.name, candidates: [first.id] }
  }
  const names =
    candidates.length <= 3
      ? candidates.map(p => p.name).join(' or ')
      : `one of ${candidates.length} Plex programs`
  return {
    id: 'plex',
    label: `Plex (${names})`,
    candidates: candidates.map(p => p.id),
  }
}

/**
 * Which Plex process this is, if any: by the executable's file name first, then argv[0], then the
 * short name. A name that may be cut matches every process whose name starts with it ("Plex
 * Media Ser" is the server; "Plex M" fits three). Undefined for any other program.
 */
export function identifyPlexProcess(names: ProcessNames): PlexIdentity | undefined {
  for (const path of [names.path, names.argv0]) {
    const found = path === undefined ? undefined : byExecutable(executableName(path))
    if (found) {
      return identityOf([found])
    }
  }
  if (names.argv0 !== undefined) {
    const argv0 = executableName(names.argv0)
    const found = plexProcesses.find(p => p.argv0Prefixes.some(prefix => argv0.startsWith(prefix)))
    if (found) {
      return identityOf([found])
    }
  }
  const name = names.name?.trim()
  if (name === undefined || name === '') {
    return undefined
  }
  const exact = byExecutable(executableName(name))
  if (exact) {
    return identityOf([exact])
  }
  if (names.nameMayBeCut !== true || name.length < shortestCutName) {
    return undefined
  }
  const lower = name.toLowerCase()
  return identityOf(
    plexProcesses.filter(p =>
      [...p.executables, ...p.argv0Prefixes].some(e => e.toLowerCase().startsWith(lower)),
    ),
  )
}
