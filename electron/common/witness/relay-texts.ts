import type { ConnectionSummary, WitnessStatus } from '../api/witness-schemas'
import type { Language } from '../i18n/localized-text'

/** A byte count in a few characters (1.2 MB). */
export function byteText(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`
}

/** HH:MM of an instant, in a time zone (the system's when none is given). */
export function clockText(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))
}

function bytesOf(c: ConnectionSummary): string {
  const up = c.bytesSent === null ? '?' : byteText(c.bytesSent)
  const down = c.bytesReceived === null ? '?' : byteText(c.bytesReceived)
  return `${up} ↑ ${down} ↓`
}

/**
 * The relay now, in one line, as the Overview, the Remote access preview and the tray say it:
 * "Relay: open since 14:02, 1.2 MB ↑ 3.4 MB ↓ — sampled every 2 s", "No relay connection since
 * 14:10 — sampled every 2 s", or why Hush cannot tell.
 */
export function relayLine(status: WitnessStatus, language: Language, timeZone?: string): string {
  const zh = language === 'zh'
  const sampled = zh
    ? `每 ${status.intervalSeconds} 秒采样一次`
    : `sampled every ${status.intervalSeconds} s`
  if (status.state !== 'watching') {
    return zh ? witnessStateZh[status.state] : witnessStateEn[status.state]
  }
  const relay = status.relay
  if (relay && relay.closedAt === null) {
    const since = clockText(relay.firstSeen, timeZone)
    return zh
      ? `中继：自 ${since} 起连接中，${bytesOf(relay)} — ${sampled}`
      : `Relay: open since ${since}, ${bytesOf(relay)} — ${sampled}`
  }
  const since = clockText(relay?.closedAt ?? status.since ?? new Date().toISOString(), timeZone)
  return zh
    ? `自 ${since} 起没有中继连接 — ${sampled}`
    : `No relay connection since ${since} — ${sampled}`
}

/** A crash-report upload in one line: "Crash-report upload at 14:31: 48.0 KB ↑". */
export function crashUploadLine(
  upload: ConnectionSummary,
  language: Language,
  timeZone?: string,
): string {
  const at = clockText(upload.firstSeen, timeZone)
  const size = upload.bytesSent === null ? '?' : byteText(upload.bytesSent)
  const open = upload.closedAt === null
  if (language === 'zh') {
    return `崩溃报告上传（${at}）：${size} ↑${open ? '，进行中' : ''}`
  }
  return `Crash-report upload at ${at}: ${size} ↑${open ? ', in progress' : ''}`
}

const witnessStateEn: Readonly<Record<Exclude<WitnessStatus['state'], 'watching'>, string>> = {
  off: 'Connections are not watched (turned off in Settings).',
  notLocal: 'The server is on another machine: its connections cannot be seen from here.',
  idle: 'Connections are watched once Hush is connected to a server on this machine.',
  unsupported: 'Hush cannot watch connections on this system.',
}

const witnessStateZh: Readonly<Record<Exclude<WitnessStatus['state'], 'watching'>, string>> = {
  off: '未观察连接（已在设置中关闭）。',
  notLocal: '服务器在另一台机器上：从这里看不到它的连接。',
  idle: '连接到本机上的服务器后，Hush 才会观察连接。',
  unsupported: 'Hush 无法在此系统上观察连接。',
}
