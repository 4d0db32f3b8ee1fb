import type { SwitchEntry } from '../switch-types'
import { profiles } from './define'

/**
 * Switches of what the server publishes about how to reach it, and how safely (docs/privacy-map.md,
 * collected item 8; security item 1).
 *
 * The two text prefs hold the owner's own addresses. Off is the empty string; on has no value
 * Hush could make up (`on: null`), so turning one back on restores the exact text from the
 * snapshot taken before it was emptied, and `undo` does the same.
 */
export const publishingSwitches: readonly SwitchEntry[] = [
  {
    id: 'custom-connections',
    flow: 'server-publishing',
    title: { en: 'Custom server addresses', zh: '自定义服务器地址' },
    data: {
      en: 'The extra web addresses you typed in for your server: host names or IP addresses, often of your home connection.',
      zh: '您为服务器手动填写的额外网址：主机名或 IP 地址，往往就是您家里网络的地址。',
    },
    recipient: {
      en: 'plex.tv, which gives them to your apps and to the people you share with.',
      zh: 'plex.tv，它会把这些地址交给您的应用和您共享的对象。',
    },
    purpose: {
      en: 'To let apps find the server through your own domain or reverse proxy.',
      zh: '让应用能通过您自己的域名或反向代理找到服务器。',
    },
    breaks: {
      en: 'Apps connect only through the addresses Plex finds by itself, so a reverse proxy or your own domain is no longer offered. Turning it back on restores the list Hush saved.',
      zh: '应用只能使用 Plex 自己找到的地址，反向代理或自有域名不再提供给应用；重新开启时会恢复 Hush 保存的那份地址列表。',
    },
    policyItems: [{ part: 'collect', item: 8 }],
    evidence: { kind: 'log' },
    targets: [{ kind: 'server-pref', prefId: 'customConnections', on: null, off: '' }],
    profiles: profiles('keep', 'keep', 'off'),
    quickToggle: false,
  },
  {
    id: 'certificate-domain',
    flow: 'server-publishing',
    title: { en: 'Custom certificate domain', zh: '自定义证书域名' },
    data: {
      en: 'The domain name of your own TLS certificate, together with the port mapped for remote access.',
      zh: '您自备 TLS 证书的域名，以及为远程访问映射的端口。',
    },
    recipient: {
      en: 'plex.tv, which hands it to your apps.',
      zh: 'plex.tv，它会把它交给您的应用。',
    },
    purpose: {
      en: 'To let apps connect securely under your own domain instead of a Plex one.',
      zh: '让应用用您自己的域名（而不是 Plex 的域名）安全地连接服务器。',
    },
    breaks: {
      en: "Apps stop using your own domain and fall back to Plex's secure addresses. Turning it back on restores the domain Hush saved.",
      zh: '应用不再使用您自己的域名，改用 Plex 提供的安全地址；重新开启时会恢复 Hush 保存的域名。',
    },
    policyItems: [{ part: 'collect', item: 8 }],
    evidence: { kind: 'unknown-shape' },
    targets: [{ kind: 'server-pref', prefId: 'customCertificateDomain', on: null, off: '' }],
    profiles: profiles('keep', 'keep', 'off'),
    quickToggle: false,
  },
  {
    id: 'unencrypted-connections',
    flow: 'server-publishing',
    title: { en: 'Unencrypted connections allowed', zh: '允许未加密连接' },
    data: {
      en: 'Whatever an app exchanges with the server over plain HTTP: titles, pictures, streams and the access token, all readable on the network.',
      zh: '应用通过未加密的 HTTP 与服务器往来的一切：标题、图片、视频流和访问令牌，网络上都能读到。',
    },
    recipient: {
      en: 'Anyone able to watch the network between the app and the server.',
      zh: '任何能监听应用与服务器之间网络的人。',
    },
    purpose: {
      en: 'To serve older apps and devices that cannot use encrypted connections.',
      zh: '照顾无法使用加密连接的旧应用和旧设备。',
    },
    breaks: {
      en: 'Apps and devices without support for secure connections (some older TVs and players) can no longer connect. Plex offers this only on a server signed in to a Plex account.',
      zh: '不支持安全连接的应用和设备（部分旧电视和播放器）将无法连接。只有登录了 Plex 账户的服务器才能选这一项。',
    },
    policyItems: [{ part: 'security', item: 1 }],
    evidence: { kind: 'not-visible', why: 'inbound' },
    // `secureConnections`: 1 = Preferred (Plex's default), 0 = Required. docs/privacy-map.md names
    // Required as the private choice, so Private and Lockdown set it.
    targets: [{ kind: 'server-pref', prefId: 'secureConnections', on: 1, off: 0 }],
    profiles: profiles('keep', 'off', 'off'),
    quickToggle: false,
  },
]
