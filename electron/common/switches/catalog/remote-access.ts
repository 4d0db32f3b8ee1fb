import type { SwitchEntry } from '../switch-types'
import { boolPref, profiles } from './define'

/**
 * Switches that make the server reachable from the internet (docs/privacy-map.md, collected items 8
 * and 13): remote access, the relay, and automatic port opening on the router.
 */
export const remoteAccessSwitches: readonly SwitchEntry[] = [
  {
    id: 'remote-access',
    flow: 'server-publishing',
    title: { en: 'Remote access', zh: '远程访问' },
    data: {
      en: "Your server's public IP address and port, plus a standing connection that Plex uses to test whether the server can be reached from the internet.",
      zh: '服务器的公网 IP 地址和端口，外加一条常驻连接，Plex 用它来测试能否从互联网访问服务器。',
    },
    recipient: {
      en: 'plex.tv, which hands the address to your apps and to the people you share with.',
      zh: 'plex.tv，它会把这个地址交给您的应用和您共享的对象。',
    },
    purpose: {
      en: 'To let your apps and friends reach the server from outside your home.',
      zh: '让您的应用和朋友在家以外的地方也能连上服务器。',
    },
    breaks: {
      en: 'Apps outside your home network cannot reach the server unless the relay is on, and friends you share with lose access. At home everything keeps working.',
      zh: '除非开着中继，否则家庭网络以外的应用连不上服务器，您共享的朋友也无法访问；在家里一切照常。',
    },
    policyItems: [
      { part: 'collect', item: 8 },
      { part: 'collect', item: 13 },
    ],
    evidence: { kind: 'log' },
    // Hidden from Plex Web's settings page; it is what "Enable Remote Access" sets (reference §1.3).
    targets: [boolPref('PublishServerOnPlexOnlineKey')],
    profiles: profiles('keep', 'off', 'off'),
    quickToggle: true,
  },
  {
    id: 'relay',
    flow: 'relay',
    title: { en: 'Relay', zh: '中继' },
    data: {
      en: "Your streams, passed in encrypted form through Plex's relay servers when an app cannot reach the server directly.",
      zh: '当应用无法直接连上服务器时，您的视频流会以加密形式经 Plex 的中继服务器转发。',
    },
    recipient: {
      en: "Plex's relay servers, which carry the encrypted stream but cannot read it.",
      zh: 'Plex 的中继服务器，它们只转发加密数据，读不到内容。',
    },
    purpose: {
      en: 'To keep remote playback working behind routers that block incoming connections.',
      zh: '即使路由器挡住了外来连接，远程播放也能继续。',
    },
    breaks: {
      en: 'Remote streaming fails whenever the server cannot be reached directly.',
      zh: '只要服务器无法被直接访问，远程播放就会失败。',
    },
    policyItems: [{ part: 'collect', item: 13 }],
    evidence: { kind: 'not-visible', why: 'separate-process' },
    targets: [boolPref('RelayEnabled')],
    profiles: profiles('keep', 'off', 'off'),
    quickToggle: true,
  },
  {
    id: 'automatic-port-mapping',
    flow: 'server-publishing',
    title: { en: 'Automatic port opening on the router', zh: '自动在路由器上开放端口' },
    data: {
      en: 'Requests asking your router (by UPnP or NAT-PMP) to open a port to the server; with remote access on, that port is then published.',
      zh: '通过 UPnP 或 NAT-PMP 请求路由器为服务器开放一个端口；开启远程访问时，这个端口随后会被公布出去。',
    },
    recipient: {
      en: 'Your router, and plex.tv when remote access is on.',
      zh: '您的路由器；开启远程访问时还有 plex.tv。',
    },
    purpose: {
      en: 'To make remote access work without setting up the router by hand.',
      zh: '不用手动设置路由器也能使用远程访问。',
    },
    breaks: {
      en: 'Remote access works only through a port you forward on the router yourself.',
      zh: '远程访问只能通过您自己在路由器上转发的端口进行。',
    },
    policyItems: [{ part: 'collect', item: 8 }],
    evidence: { kind: 'not-visible', why: 'router' },
    // Inverted on purpose: manual mode (`true`) is what stops the server asking the router.
    targets: [{ kind: 'server-pref', prefId: 'ManualPortMappingMode', on: false, off: true }],
    profiles: profiles('keep', 'keep', 'off'),
    quickToggle: false,
  },
]
