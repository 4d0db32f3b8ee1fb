import type { SwitchEntry } from '../switch-types'
import { boolPref, profiles } from './define'

/**
 * Switches of the integration flows (docs/privacy-map.md, collected items 4 and 8): events sent to
 * webhooks and notifications delivered through Plex.
 */
export const integrationSwitches: readonly SwitchEntry[] = [
  {
    id: 'webhooks',
    flow: 'integrations',
    title: { en: 'Webhooks', zh: 'Webhook 事件' },
    data: {
      en: "An event for each play, pause, rating and new item: the media's title and details, the user's account name, the player and its public IP address.",
      zh: '每次播放、暂停、评分或新增条目都会发出一条事件，内容包括媒体标题和详情、用户的账户名、播放设备及其公网 IP 地址。',
    },
    recipient: {
      en: 'The web addresses listed under your Plex account (home automation, chat bots, scripts), which third parties may run.',
      zh: '在您的 Plex 账户里登记的网址（家庭自动化、聊天机器人、脚本等），这些服务可能由第三方运营。',
    },
    purpose: {
      en: 'To let other services react to what happens on your server.',
      zh: '让其他服务能对服务器上发生的事作出反应。',
    },
    breaks: {
      en: 'Tools that listen for webhooks (lights that dim when a film starts, Discord posts, play-history trackers) stop getting events.',
      zh: '依赖 Webhook 的工具（开播时自动调暗灯光、Discord 消息、播放记录追踪等）将收不到事件。',
    },
    policyItems: [{ part: 'collect', item: 4 }],
    evidence: { kind: 'log' },
    targets: [boolPref('WebHooksEnabled')],
    profiles: profiles('off', 'off', 'off'),
    quickToggle: true,
  },
  {
    id: 'push-notifications',
    flow: 'push-notifications',
    title: { en: 'Push notifications', zh: '推送通知' },
    data: {
      en: 'Notices about your server; some of them name items just added to your libraries.',
      zh: '关于服务器的提醒，其中有些会写出刚加入媒体库的条目名称。',
    },
    recipient: {
      en: "Plex's notification service, which passes them on to the phones signed in to your account.",
      zh: 'Plex 的通知服务，由它转发到登录了您账户的手机上。',
    },
    purpose: {
      en: 'To tell you on your phone about new media and server events.',
      zh: '在手机上告诉您有新内容或服务器发生了什么。',
    },
    breaks: {
      en: 'Your phones no longer get notifications from this server.',
      zh: '手机不再收到这台服务器的通知。',
    },
    policyItems: [
      { part: 'collect', item: 4 },
      { part: 'collect', item: 8 },
    ],
    evidence: { kind: 'not-visible', why: 'never-logged' },
    targets: [boolPref('PushNotificationsEnabled')],
    profiles: profiles('keep', 'keep', 'off'),
    quickToggle: false,
  },
]
