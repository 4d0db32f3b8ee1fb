import type { Language } from '../i18n/localized-text'
import { findSwitch } from '../switches/catalog'
import type { Notice, NoticeKind, ShownNotice } from './notice'

type Words = {
  readonly [K in NoticeKind]: (notice: Extract<Notice, { kind: K }>) => [string, string]
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

function titles(ids: readonly string[], language: Language): string {
  const names = ids.map(id => findSwitch(id)?.title[language] ?? id)
  return language === 'zh' ? names.map(name => `“${name}”`).join('、') : names.join(', ')
}

/** The interrupted apply's line: the CLI prints it as it is, the desktop as a notification's body. */
function interruptedEn(n: Extract<Notice, { kind: 'applyInterrupted' }>): string {
  const what = `hush ${n.command} (started ${n.startedAt})`
  if (n.undoing) {
    return `${what} was interrupted after ${plural(n.landed, 'change')}; run hush undo to finish it`
  }
  return n.landed === 0
    ? `${what} was interrupted before it changed anything`
    : `${what} was interrupted after ${plural(n.landed, 'change')} of ${n.of}; hush undo restores the values from before it`
}

function interruptedZh(n: Extract<Notice, { kind: 'applyInterrupted' }>): string {
  const what = `hush ${n.command}（开始于 ${n.startedAt}）`
  if (n.undoing) {
    return `${what}在改了 ${n.landed} 项后被中断；再运行 hush undo 即可完成`
  }
  return n.landed === 0
    ? `${what}在改动任何设置之前被中断`
    : `${what}在改了 ${n.of} 项中的 ${n.landed} 项后被中断；hush undo 会恢复它之前的值`
}

const viaEn = {
  local: 'on your network',
  remote: 'by Remote Access, from outside your network',
  relay: 'through Plex’s relay (Hush does not pull its logs that way)',
} as const

const viaZh = {
  local: '在你的网络内',
  remote: '经远程访问，从你的网络之外',
  relay: '经 Plex 的中继（Hush 不经中继拉取它的日志）',
} as const

const en: Words = {
  drift: n => [
    n.restored ? 'Hush put your privacy settings back' : 'Your Plex privacy settings changed',
    `${titles(n.switchIds, 'en')}: no longer as you chose${n.restored ? ' (restored)' : ''}.`,
  ],
  timedChangeEnded: n => ['A temporary change ended', n.message],
  timedChangeFailed: n => [
    'A temporary change could not be undone',
    `a timed change could not be undone: ${n.reason}`,
  ],
  newDestination: n => [
    'A new destination',
    `Your server contacted ${n.host} (${n.category}) for the first time.`,
  ],
  serverUnreachable: n => ['Plex Media Server unreachable', n.reason],
  connectionChanged: n => [
    `Hush reaches ${n.server} another way`,
    n.why === 'lost'
      ? `${n.server} no longer answered at ${n.from}; Hush now reaches it at ${n.to}, ${viaEn[n.via]}.`
      : `Hush reaches ${n.server} at ${n.to} again, ${viaEn[n.via]}, rather than at ${n.from}.`,
  ],
  applyInterrupted: n => ['A change was interrupted', interruptedEn(n)],
  fileRepaired: n => [
    'A Hush file was unreadable',
    `${n.path} was unreadable; it was moved to ${n.movedTo} and Hush started it afresh`,
  ],
  settingsRepaired: () => [
    'Hush',
    'Your Hush settings could not be read; they were kept aside and defaults are in use.',
  ],
  noKeychain: () => [
    'Hush',
    'No keychain is available: Hush will ask for the server token each time.',
  ],
  weakKeychain: () => [
    'Hush',
    'No desktop keyring was found: the server token is stored obfuscated, not encrypted. Install and unlock a keyring (GNOME Keyring or KWallet) to protect it.',
  ],
  changeFailed: n => ['Hush could not make that change', n.reason],
}

const zh: Words = {
  drift: n => [
    n.restored ? 'Hush 已把隐私设置改回' : '你的 Plex 隐私设置变了',
    `${titles(n.switchIds, 'zh')}：已不是你选定的状态${n.restored ? '（已改回）' : ''}。`,
  ],
  timedChangeEnded: n => ['临时更改已结束', n.message],
  timedChangeFailed: n => ['临时更改无法撤销', `临时更改无法撤销：${n.reason}`],
  newDestination: n => ['新的目的地', `你的服务器首次连接了 ${n.host}（${n.category}）。`],
  serverUnreachable: n => ['无法连接 Plex Media Server', n.reason],
  connectionChanged: n => [
    `Hush 换了一条路连接 ${n.server}`,
    n.why === 'lost'
      ? `${n.server} 在 ${n.from} 不再应答；Hush 现在经 ${n.to} 连接它，${viaZh[n.via]}。`
      : `Hush 又经 ${n.to} 连接 ${n.server}，${viaZh[n.via]}，不再经 ${n.from}。`,
  ],
  applyInterrupted: n => ['一次更改被中断', interruptedZh(n)],
  fileRepaired: n => [
    'Hush 的一个文件无法读取',
    `${n.path} 无法读取；已移到 ${n.movedTo}，Hush 重新建了一份`,
  ],
  settingsRepaired: () => ['Hush', '无法读取你的 Hush 设置；已另存一份，现在使用默认设置。'],
  noKeychain: () => ['Hush', '没有可用的钥匙串：每次都需要输入服务器令牌。'],
  weakKeychain: () => [
    'Hush',
    '没有找到桌面密钥环：服务器令牌只是混淆保存，并未加密。请安装并解锁密钥环（GNOME Keyring 或 KWallet）来保护它。',
  ],
  changeFailed: n => ['Hush 无法完成这项更改', n.reason],
}

const words: Readonly<Record<Language, Words>> = { en, zh }

/** A notice's title and body in a language. */
export function showNotice(notice: Notice, language: Language): ShownNotice {
  const say = words[language][notice.kind] as (n: Notice) => [string, string]
  const [title, body] = say(notice)
  return { kind: notice.kind, title, body }
}
