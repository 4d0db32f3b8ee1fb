import type { SwitchEntry } from '../switch-types'
import { boolPref, profiles } from './define'

/**
 * Switches of what the server announces on the home network (docs/privacy-map.md, collected item 8,
 * LAN). Nothing here reaches the internet, but every device at home can listen.
 */
export const localNetworkSwitches: readonly SwitchEntry[] = [
  {
    id: 'discovery',
    flow: 'local-discovery',
    title: { en: 'Local network discovery', zh: '局域网发现' },
    data: {
      en: "Broadcasts on your home network with the server's name, address and version.",
      zh: '在家庭网络里广播服务器的名称、地址和版本。',
    },
    recipient: {
      en: 'Every device on your local network. Nothing goes to the internet.',
      zh: '局域网里的每一台设备，不会发到互联网上。',
    },
    purpose: {
      en: 'To let Plex apps and players at home find the server without signing in.',
      zh: '让家里的 Plex 应用和播放器不用登录就能找到服务器。',
    },
    breaks: {
      en: 'Apps at home find the server only through your Plex account; some players and casting to older TVs may not find it at all.',
      zh: '家里的应用只能通过 Plex 账户找到服务器；部分播放器和向旧电视投屏时可能根本找不到它。',
    },
    policyItems: [{ part: 'collect', item: 8 }],
    evidence: { kind: 'not-visible', why: 'lan' },
    targets: [boolPref('GdmEnabled')],
    profiles: profiles('off', 'off', 'off'),
    quickToggle: true,
  },
  {
    id: 'dlna',
    flow: 'local-discovery',
    title: { en: 'DLNA server', zh: 'DLNA 服务器' },
    data: {
      en: 'Announcements on your home network, and the contents of your libraries for any DLNA device that asks, with no sign-in.',
      zh: '在家庭网络里发布通告，并把媒体库内容提供给任何来询问的 DLNA 设备，无需登录。',
    },
    recipient: {
      en: 'Any DLNA device on your local network: smart TVs, game consoles, speakers.',
      zh: '局域网里的任何 DLNA 设备：智能电视、游戏机、音箱等。',
    },
    purpose: {
      en: 'To play your media on devices that have no Plex app.',
      zh: '在没有 Plex 应用的设备上播放您的媒体。',
    },
    breaks: {
      en: 'TVs and players that use DLNA instead of a Plex app can no longer browse or play your libraries.',
      zh: '靠 DLNA 而不是 Plex 应用播放的电视和播放器，将无法浏览或播放您的媒体库。',
    },
    policyItems: [{ part: 'collect', item: 8 }],
    evidence: { kind: 'not-visible', why: 'lan' },
    targets: [boolPref('DlnaEnabled')],
    profiles: profiles('off', 'off', 'off'),
    quickToggle: false,
  },
]
