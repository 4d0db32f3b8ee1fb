import type { Language } from '../i18n/localized-text'

/** The words of the tray menu in one language. */
export interface TrayWords {
  readonly unreachable: string
  readonly private: string
  readonly flowing: (count: number) => string
  readonly onUntil: (time: string) => string
  readonly someLibraries: string
  readonly unavailable: string
  readonly unknown: string
  readonly profile: string
  readonly open: string
  readonly quit: string
  /** Joins a switch title and what is special about its state. */
  readonly withNote: (title: string, note: string) => string
  /** Puts a name (the server, or Hush) before a status. */
  readonly withPrefix: (server: string, status: string) => string
}

/** The tray menu's words in every language Hush speaks. */
export const trayWords: Readonly<Record<Language, TrayWords>> = {
  en: {
    unreachable: 'Server unreachable',
    private: 'Server is private',
    flowing: count => `Data leaving: ${count} ${count === 1 ? 'switch' : 'switches'} on`,
    onUntil: time => `on until ${time}`,
    someLibraries: 'some libraries',
    unavailable: 'not on this server',
    unknown: 'state unknown',
    profile: 'Profile',
    open: 'Open Hush',
    quit: 'Quit Hush',
    withNote: (title, note) => `${title} (${note})`,
    withPrefix: (server, status) => `${server}: ${status}`,
  },
  zh: {
    unreachable: '无法连接服务器',
    private: '服务器处于私密状态',
    flowing: count => `有数据外发：${count} 个开关开启`,
    onUntil: time => `开启至 ${time}`,
    someLibraries: '部分媒体库',
    unavailable: '此服务器没有该设置',
    unknown: '状态未知',
    profile: '隐私方案',
    open: '打开 Hush',
    quit: '退出 Hush',
    withNote: (title, note) => `${title}（${note}）`,
    withPrefix: (server, status) => `${server}：${status}`,
  },
}
