import type { SwitchEntry } from '../switch-types'
import { boolLibraryPref, boolPref, profiles } from './define'

/**
 * Switches of the metadata flows (docs/privacy-map.md, collected item 3): matching personal media
 * against Plex's online databases, refreshing it, enriching music, and sharing markers.
 */
export const metadataSwitches: readonly SwitchEntry[] = [
  {
    id: 'metadata-matching',
    flow: 'metadata-matching',
    title: { en: 'Metadata matching', zh: '元数据匹配' },
    data: {
      en: 'For each new file in your movie, TV, music and photo libraries: its file name, folder path, title, year and other hints used to identify it.',
      zh: '电影、剧集、音乐和照片库里每个新文件的文件名、所在文件夹路径、标题、年份，以及其他用来识别它的线索。',
    },
    recipient: {
      en: "Plex's metadata service (metadata.provider.plex.tv) and, with older agents, other online databases such as TheTVDB.",
      zh: 'Plex 的元数据服务（metadata.provider.plex.tv）；使用旧版代理时，还有 TheTVDB 等其他在线数据库。',
    },
    purpose: {
      en: 'To work out what each file is and download its poster, summary, cast and ratings.',
      zh: '弄清每个文件对应哪部作品，并下载它的海报、简介、演职员表和评分。',
    },
    breaks: {
      en: 'New items get no posters, summaries or ratings: they show their file name and any artwork stored next to the file. A later full refresh can also drop what existing items have.',
      zh: '新条目没有海报、简介和评分，只显示文件名和放在文件旁边的本地图片；之后若完整刷新，已有条目的信息也可能被清掉。',
    },
    policyItems: [{ part: 'collect', item: 3 }],
    evidence: { kind: 'log' },
    targets: [
      {
        kind: 'library-agent',
        libraryTypes: ['movie', 'show', 'artist', 'photo'],
        // Agents that never call out (reference §2.6). `tv.plex.agents.none` is UNVERIFIED in a
        // real agent list, so Hush moves libraries to the long-standing `com.plexapp.agents.none`.
        localAgents: [
          'com.plexapp.agents.none',
          'tv.plex.agents.none',
          'com.plexapp.agents.localmedia',
        ],
        offAgent: {
          movie: 'com.plexapp.agents.none',
          show: 'com.plexapp.agents.none',
          artist: 'com.plexapp.agents.none',
          photo: 'com.plexapp.agents.none',
        },
      },
    ],
    profiles: profiles('keep', 'off', 'off'),
    quickToggle: true,
  },
  {
    id: 'periodic-metadata-refresh',
    flow: 'metadata-matching',
    title: { en: 'Periodic metadata refresh', zh: '定期刷新元数据' },
    data: {
      en: 'The identifiers of items already in your libraries, sent again during nightly maintenance to look for newer metadata.',
      zh: '夜间维护时，把库中已有条目的识别信息再发送一遍，看看元数据有没有更新。',
    },
    recipient: {
      en: "Plex's metadata service and the online sources your agents use.",
      zh: 'Plex 的元数据服务，以及各个代理所用的在线数据源。',
    },
    purpose: {
      en: 'To keep posters, summaries and ratings up to date.',
      zh: '让海报、简介和评分保持最新。',
    },
    breaks: {
      en: 'Metadata is no longer updated by itself; you can still refresh an item by hand.',
      zh: '元数据不再自动更新；仍然可以手动刷新单个条目。',
    },
    policyItems: [{ part: 'collect', item: 3 }],
    evidence: { kind: 'indistinguishable', from: ['metadata-matching'] },
    targets: [boolPref('ButlerTaskRefreshPeriodicMetadata')],
    profiles: profiles('off', 'off', 'off'),
    quickToggle: false,
  },
  {
    id: 'music-enrichment',
    flow: 'metadata-matching',
    title: { en: 'Online music details', zh: '在线音乐资料' },
    data: {
      en: 'The artist and album names in your music libraries.',
      zh: '音乐库中的艺人名和专辑名。',
    },
    recipient: {
      en: "Plex's music metadata services.",
      zh: 'Plex 的音乐元数据服务。',
    },
    purpose: {
      en: 'To add artist biographies, album reviews, lists of popular tracks and album covers.',
      zh: '补充艺人简介、专辑评论、热门曲目列表和专辑封面。',
    },
    breaks: {
      en: 'Music libraries show only what your files and their tags hold: no biographies, reviews or popular tracks, and covers from local files only.',
      zh: '音乐库只显示文件本身和标签里的信息：没有艺人简介、专辑评论和热门曲目，封面只用本地文件。',
    },
    policyItems: [
      { part: 'collect', item: 3 },
      { part: 'use', item: 4 },
    ],
    evidence: { kind: 'indistinguishable', from: ['metadata-matching'] },
    // The pref names come from reference §2.6 (a third-party page); their types are UNVERIFIED.
    // A music library that lacks one simply has fewer targets on that server.
    targets: [
      boolLibraryPref('artistBios', ['artist']),
      boolLibraryPref('albumReviews', ['artist']),
      boolLibraryPref('popularTracks', ['artist']),
      // 1 = Plex Music and local files, 2 = Plex Music only, 3 = local files only.
      { kind: 'library-pref', prefId: 'albumPosters', libraryTypes: ['artist'], on: 1, off: 3 },
    ],
    profiles: profiles('keep', 'off', 'off'),
    quickToggle: false,
  },
  {
    id: 'marker-sharing',
    flow: 'markers',
    title: { en: 'Sharing intro and credits markers', zh: '共享片头片尾标记' },
    data: {
      en: 'Where the intros and credits start and end in your episodes and films, as your server detected them, with the identifiers of those items.',
      zh: '服务器在您的剧集和电影中检测到的片头、片尾起止时间，以及这些条目的识别信息。',
    },
    recipient: {
      en: "Plex's online marker database.",
      zh: 'Plex 的在线标记数据库。',
    },
    purpose: {
      en: 'To build a shared database, so that other servers can skip intros without analysing their files.',
      zh: '建立一个共享数据库，让别的服务器不用分析文件也能跳过片头。',
    },
    breaks: {
      en: 'Your server relies on the markers it finds itself; items it has not analysed yet have no Skip Intro button.',
      zh: '服务器只用自己检测到的标记；还没分析过的条目不会出现“跳过片头”按钮。',
    },
    caveat: {
      en: 'This setting is known only from third-party notes. Hush shows it only when your server lists it.',
      zh: '这个设置只在第三方资料中出现过，只有当服务器列出它时，Hush 才会显示。',
    },
    policyItems: [{ part: 'collect', item: 3 }],
    evidence: { kind: 'unknown-shape' },
    // `any` shares local markers, `cloud` only downloads, `local` neither (reference §1.3, UNVERIFIED).
    targets: [{ kind: 'server-pref', prefId: 'MarkerSource', on: 'any', off: 'local' }],
    profiles: profiles('keep', 'keep', 'off'),
    quickToggle: false,
  },
]
