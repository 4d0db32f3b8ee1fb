import type { Language } from '../i18n/localized-text'
import type { Verification } from '../api/verify-schemas'
import { findSwitch } from '../switches/catalog'
import { witnessNote } from './witness-texts'
import type { SwitchEvidence } from '../switches/switch-types'

type Facts = Omit<Verification, 'note'>

function duration(minutes: number, language: Language): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (language === 'zh') {
    return h > 0 ? `${h} 小时 ${m} 分钟` : `${m} 分钟`
  }
  return h > 0 ? `${h} h ${m} min` : `${m} min`
}

function names(ids: readonly string[], language: Language): string {
  const titles = ids.map(id => findSwitch(id)?.title[language] ?? id)
  return language === 'zh' ? titles.map(t => `“${t}”`).join('、') : titles.join(', ')
}

const en: Readonly<Record<string, (f: Facts) => string>> = {
  verified: f =>
    `Nothing it stops was sent in ${duration(f.coveredMinutes ?? 0, 'en')} of debug log since it went off.`,
  leaking: f => `${f.leakCount} request(s) that only this switch stops were sent while it was off.`,
  ambiguous: f =>
    `${f.ambiguousCount} request(s) were sent while it was off that it or ${names(
      f.candidates.filter(id => id !== f.switchId),
      'en',
    )} (off too) should have stopped; the log cannot tell which.`,
  'no-log': () => 'The server’s log is not readable here, so there is nothing to judge by.',
  'debug-off': f =>
    `Debug logging is off, so the server does not log what it sends (${duration(f.coveredMinutes ?? 0, 'en')} of debug log since it went off). Turn debug logging on and check again later.`,
  'too-short': f =>
    `Only ${duration(f.coveredMinutes ?? 0, 'en')} of debug log since it went off; Hush needs an hour. Check again later.`,
  'state-unknown': () =>
    'Requests of its kind were sent at moments when Hush cannot tell whether it was on.',
  'off-time-unknown': () => 'Hush cannot tell since when it has been off.',
  'unknown-shape': () =>
    'No real server log shows what this flow’s requests look like, so Hush cannot pick them out.',
  indistinguishable: f =>
    `Its requests look exactly like those of ${names(f.alike, 'en')}, so the log cannot tell them apart.`,
  'webhooks-unknown': () =>
    'Hush could not read your account’s webhook list, so it cannot pick out webhook events.',
  lan: () => 'This stays on your home network, which the server’s log does not show.',
  router: () => 'This goes to your router, which the server’s log does not show.',
  account: () => 'plex.tv applies this to your account: nothing the server sends changes.',
  'stays-on-server': () => 'Nothing leaves the server because of this switch.',
  'separate-process': () =>
    'A separate Plex process does this, and the server’s own log does not show it.',
  'never-logged': () => 'No real server log has ever shown this flow, so Hush cannot look for it.',
  inbound: () =>
    'This is about how apps connect to your server, not about what the server sends out.',
}

const zh: Readonly<Record<string, (f: Facts) => string>> = {
  verified: f =>
    `关闭后的 ${duration(f.coveredMinutes ?? 0, 'zh')} 调试日志里，没有它所管的任何请求。`,
  leaking: f => `关闭期间仍发出了 ${f.leakCount} 个只应由这个开关阻止的请求。`,
  ambiguous: f =>
    `关闭期间发出了 ${f.ambiguousCount} 个请求，应由它或同样关闭的${names(
      f.candidates.filter(id => id !== f.switchId),
      'zh',
    )}阻止；日志无法分辨是哪一个。`,
  'no-log': () => '这里读不到服务器的日志，无从判断。',
  'debug-off': f =>
    `调试日志已关闭，服务器不会记录它发出的内容（关闭后仅有 ${duration(f.coveredMinutes ?? 0, 'zh')} 调试日志）。请开启调试日志，稍后再查。`,
  'too-short': f =>
    `关闭后只有 ${duration(f.coveredMinutes ?? 0, 'zh')} 的调试日志，Hush 需要一小时。请稍后再查。`,
  'state-unknown': () => '有同类请求发出时，Hush 无法确定这个开关当时是否开启。',
  'off-time-unknown': () => 'Hush 无法确定它从何时起处于关闭状态。',
  'unknown-shape': () => '没有任何真实服务器日志显示过这类请求的样子，Hush 无法把它们挑出来。',
  indistinguishable: f => `它的请求与${names(f.alike, 'zh')}的请求一模一样，日志无法区分。`,
  'webhooks-unknown': () => 'Hush 读不到您账户的 Webhook 列表，无法挑出 Webhook 事件。',
  lan: () => '这只在家庭网络内传递，服务器日志不会显示。',
  router: () => '这是发给您路由器的，服务器日志不会显示。',
  account: () => '这由 plex.tv 在您的账户上执行，服务器发出的内容不会因此改变。',
  'stays-on-server': () => '这个开关不会让任何数据离开服务器。',
  'separate-process': () => '这由另一个 Plex 进程完成，服务器自己的日志不会显示。',
  'never-logged': () => '没有任何真实服务器日志显示过这类流量，Hush 无从查找。',
  inbound: () => '这关系到应用如何连接您的服务器，而不是服务器向外发送什么。',
}

/**
 * One sentence on a verdict, in the owner's language: what it rests on and what to do, then both
 * witnesses where the connections have a say (witness-texts.ts).
 */
export function verdictNote(facts: Facts, language: Language): string {
  const texts = language === 'zh' ? zh : en
  const key =
    facts.verdict === 'no-evidence' || facts.verdict === 'not-visible'
      ? (facts.reason ?? 'off-time-unknown')
      : facts.verdict
  const witnesses = facts.witnesses
  const byConnections =
    witnesses?.connections != null &&
    !witnesses.restsOn.includes('log') &&
    (facts.verdict === 'verified' || facts.verdict === 'leaking')
  const log = byConnections ? '' : (texts[key] ?? (() => key))(facts)
  return [log, witnessNote(facts, language)]
    .filter(text => text !== '')
    .join(language === 'zh' ? '' : ' ')
}

/** Why the server's log cannot vouch for a switch of this kind, or null when it can. */
export function evidenceNote(evidence: SwitchEvidence, language: Language): string | null {
  if (evidence.kind === 'log') {
    return null
  }
  const none = {
    switchId: '',
    offSince: null,
    offBasis: null,
    coveredMinutes: null,
    lastBefore: null,
    countBefore: 0,
    leaks: [],
    leakCount: 0,
    ambiguous: [],
    ambiguousCount: 0,
    candidates: [],
  }
  return evidence.kind === 'not-visible'
    ? verdictNote({ ...none, verdict: 'not-visible', reason: evidence.why, alike: [] }, language)
    : verdictNote(
        {
          ...none,
          verdict: 'no-evidence',
          reason: evidence.kind,
          alike: evidence.kind === 'indistinguishable' ? [...evidence.from] : [],
        },
        language,
      )
}
