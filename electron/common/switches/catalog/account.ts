import type { LocalizedText } from '../../i18n/localized-text'
import type { SwitchEntry } from '../switch-types'
import { boolPref, profiles } from './define'

/** Plex renamed the page behind both privacy flags "deprecated" in June 2024 (reference §5.1). */
const deprecatedPage: LocalizedText = {
  en: 'Plex marked the account page behind this switch as deprecated in June 2024. Hush still reads and changes the account setting, but Plex may no longer act on it.',
  zh: 'Plex 已在 2024 年 6 月把这个开关所在的账户页面标为“已弃用”。Hush 仍会读取并修改这项账户设置，但 Plex 可能已不再理会它。',
}

const analytics: LocalizedText = {
  en: "Plex's analytics service (analytics.plex.tv and related hosts).",
  zh: 'Plex 的统计分析服务（analytics.plex.tv 等主机）。',
}

const nothingBreaks: LocalizedText = {
  en: 'Nothing on your server stops working.',
  zh: '服务器上的功能都不受影响。',
}

/**
 * Switches that live on the Plex account rather than the server (docs/privacy-map.md, collected item
 * 5; use items 2, 6 and 9; choices items 3 and 4). They need plex.tv to be reachable.
 */
export const accountSwitches: readonly SwitchEntry[] = [
  {
    id: 'usage-data',
    flow: 'usage',
    title: { en: 'Playback statistics', zh: '播放统计' },
    data: {
      en: 'For each playback: the device, how long it lasted, the bitrate, file format and resolution, and whether it was music, video or photos.',
      zh: '每次播放所用的设备、播放时长、码率、文件格式、画面分辨率，以及播放的是音乐、视频还是照片。',
    },
    recipient: analytics,
    purpose: {
      en: 'To measure how Plex is used and improve its products.',
      zh: '了解大家怎样使用 Plex，并据此改进产品。',
    },
    breaks: nothingBreaks,
    caveat: {
      en: `${deprecatedPage.en} On old servers Hush also turns off their own usage-data setting.`,
      zh: `${deprecatedPage.zh}在旧版服务器上，Hush 还会一并关闭服务器自带的使用数据选项。`,
    },
    policyItems: [
      { part: 'collect', item: 5 },
      { part: 'choices', item: 4 },
    ],
    evidence: { kind: 'log' },
    targets: [
      { kind: 'account-privacy', field: 'optOutPlayback' },
      // Servers from about 2017 had their own switch (reference §1.3); newer ones lack it.
      boolPref('collectUsageData'),
    ],
    profiles: profiles('keep', 'off', 'off'),
    quickToggle: true,
  },
  {
    id: 'library-stats',
    flow: 'usage',
    title: { en: 'Library statistics', zh: '媒体库统计' },
    data: {
      en: 'Figures about your libraries: how many you have, of which kind, how large, and when they are scanned.',
      zh: '有关媒体库的数字：有几个、什么类型、多大，以及何时扫描。',
    },
    recipient: analytics,
    purpose: {
      en: 'To measure how Plex Media Server is used.',
      zh: '了解 Plex Media Server 的使用情况。',
    },
    breaks: nothingBreaks,
    caveat: deprecatedPage,
    policyItems: [{ part: 'collect', item: 5 }],
    evidence: { kind: 'log' },
    targets: [{ kind: 'account-privacy', field: 'optOutLibraryStats' }],
    profiles: profiles('keep', 'off', 'off'),
    quickToggle: false,
  },
  {
    id: 'view-state-sync',
    flow: 'usage',
    title: { en: 'Watch history sync', zh: '观看记录同步' },
    data: {
      en: 'Which items you have watched, how far you got, and your ratings.',
      zh: '您看过哪些条目、看到了哪里，以及您给出的评分。',
    },
    recipient: {
      en: 'Your Plex account on plex.tv.',
      zh: '您在 plex.tv 上的 Plex 账户。',
    },
    purpose: {
      en: "To carry watched marks and ratings across your servers and Plex's own streaming catalogue.",
      zh: '让观看标记和评分在您的各台服务器和 Plex 自家的在线片库之间保持一致。',
    },
    breaks: {
      en: "Watched marks and ratings no longer follow you between servers and Plex's online content.",
      zh: '观看标记和评分不再在服务器之间、以及与 Plex 在线内容之间同步。',
    },
    policyItems: [
      { part: 'collect', item: 5 },
      { part: 'use', item: 2 },
    ],
    evidence: { kind: 'log' },
    targets: [{ kind: 'account-view-state-sync' }],
    profiles: profiles('keep', 'off', 'off'),
    quickToggle: false,
  },
  {
    id: 'online-media-sources',
    flow: 'online-sources',
    title: { en: 'Plex online media sources', zh: 'Plex 在线媒体来源' },
    data: {
      en: "What you watch and listen to from Plex's own online sources, tied to your account.",
      zh: '您在 Plex 自家在线来源上看了什么、听了什么，并与您的账户关联。',
    },
    recipient: {
      en: 'Plex and its content and advertising partners.',
      zh: 'Plex 及其内容和广告合作方。',
    },
    purpose: {
      en: 'To recommend content, tailor what you see and show adverts.',
      zh: '推荐内容、按您的喜好调整显示内容，并投放广告。',
    },
    breaks: {
      en: "The sources you leave disappear from your Plex apps (for example Plex's music service). Your own libraries are not affected.",
      zh: '退出的来源会从 Plex 应用里消失（例如 Plex 的音乐服务），您自己的媒体库不受影响。',
    },
    caveat: {
      en: 'Plex has more online sources under names Hush does not know yet; Hush leaves those as they are.',
      zh: 'Plex 还有其他在线来源，使用的是 Hush 尚不认识的名称，Hush 不会改动它们。',
    },
    policyItems: [
      { part: 'use', item: 6 },
      { part: 'use', item: 9 },
      { part: 'choices', item: 3 },
    ],
    evidence: { kind: 'not-visible', why: 'account' },
    // The only keys the reference has seen (§5.2); news is discontinued and may be absent.
    targets: [
      { kind: 'account-opt-out', key: 'tv.plex.provider.music' },
      { kind: 'account-opt-out', key: 'tv.plex.provider.news' },
    ],
    profiles: profiles('keep', 'off', 'off'),
    quickToggle: false,
  },
]
