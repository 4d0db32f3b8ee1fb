import type { Language } from '../i18n/localized-text'
import type { Verification } from '../api/verify-schemas'

type Facts = Omit<Verification, 'note'>

/** HH:MM of a log-clock time as the log wrote it (the server's wall clock). */
function logClock(iso: string): string {
  return iso.slice(11, 16)
}

/** HH:MM of a time on Hush's clock, in this machine's time zone. */
function hushClock(iso: string): string {
  const at = new Date(iso)
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`
}

function duration(minutes: number, language: Language): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (language === 'zh') {
    return h > 0 ? `${h} 小时 ${m} 分钟` : `${m} 分钟`
  }
  return h > 0 ? `${h} h ${m} min` : `${m} min`
}

/** What the log says, in a few words ("none since 14:02"). */
function logSays(f: Facts, language: Language): string {
  const zh = language === 'zh'
  const count = f.leakCount + f.ambiguousCount
  if (f.offSince === null || f.reason === 'separate-process' || f.reason === 'never-logged') {
    return zh ? '看不到这类流量' : 'cannot show this flow'
  }
  if (f.reason === 'debug-off') {
    return zh ? '调试日志已关闭' : 'debug logging is off'
  }
  if (f.reason === 'no-log') {
    return zh ? '读不到' : 'not readable'
  }
  const since = logClock(f.offSince)
  if (count > 0) {
    return zh ? `${since} 以来 ${count} 个` : `${count} since ${since}`
  }
  return zh ? `${since} 以来没有` : `none since ${since}`
}

/** What the connections say, in a few words ("none since 14:02"). */
function connectionsSay(f: Facts, language: Language): string {
  const c = f.witnesses?.connections
  const zh = language === 'zh'
  if (!c) {
    return zh ? '无' : 'none watched'
  }
  if (c.scope === 'now') {
    if (c.count > 0) {
      return zh ? `${c.process} 此刻有连接` : `${c.process} connected now`
    }
    return zh ? '此刻没有' : 'none open now'
  }
  const since = hushClock(c.since)
  if (c.count > 0) {
    return zh ? `${since} 以来 ${c.count} 个` : `${c.count} since ${since}`
  }
  return zh ? `${since} 以来没有` : `none since ${since}`
}

/**
 * Both witnesses of a verdict in one line ("Log: none since 14:02; connections: none since
 * 14:02."), then what the verdict rests on when that is the connections alone, and a
 * disagreement said as a finding of its own. Empty when no connection witness applies.
 */
export function witnessNote(f: Facts, language: Language): string {
  const c = f.witnesses?.connections
  if (!f.witnesses || !c) {
    return ''
  }
  const zh = language === 'zh'
  const line = zh
    ? `日志：${logSays(f, language)}；连接：${connectionsSay(f, language)}。`
    : `Log: ${logSays(f, language)}; connections: ${connectionsSay(f, language)}.`
  const parts = [line]
  const { restsOn, disagreement } = f.witnesses
  if (disagreement === 'connection-while-off') {
    parts.push(
      zh
        ? `两个见证不一致：日志里什么也没有，但操作系统看到 ${c.process} 在开关关闭时建立了连接。`
        : `The witnesses disagree: the log shows nothing, but the operating system saw ${c.process} connect while the switch was off.`,
    )
  } else if (disagreement === 'log-without-connection') {
    parts.push(
      zh
        ? `两个见证不一致：日志里有请求，但操作系统没有看到 ${c.process} 的连接。`
        : `The witnesses disagree: the log shows a request, but the operating system saw no ${c.process} connection.`,
    )
  } else if (f.verdict === 'verified' && restsOn.length === 1 && restsOn[0] === 'connections') {
    parts.push(
      zh
        ? `此结论只依据连接：关闭后观察了 ${duration(c.coveredMinutes, language)}，${c.process} 没有建立任何连接。`
        : `This rests on the connections alone: ${c.process} made no connection in ${duration(c.coveredMinutes, language)} of watching since it went off.`,
    )
  } else if (f.verdict === 'leaking' && restsOn.length === 1 && restsOn[0] === 'connections') {
    parts.push(
      zh
        ? `此结论依据连接：${c.process} 在开关关闭时建立了 ${c.count} 个连接。`
        : `This rests on the connections: ${c.process} made ${c.count} connection(s) while it was off.`,
    )
  }
  return parts.join(zh ? '' : ' ')
}
