import type { LocalizedText } from '../../i18n/localized-text'
import type { SwitchEntry } from '../switch-types'
import { boolLibraryPref, boolPref, profiles } from './define'

const trailerService: LocalizedText = {
  en: "Plex's trailer service and its trailer supplier, Internet Video Archive (IVA).",
  zh: 'Plex 的预告片服务，以及向它供应预告片的合作公司 Internet Video Archive（简称 IVA）。',
}

/**
 * Switches of the third-party content flows (docs/privacy-map.md, collected items 6 and 7): trailers
 * and extras that come from Plex's suppliers, and whose viewing is reported back.
 */
export const thirdPartyContentSwitches: readonly SwitchEntry[] = [
  {
    id: 'trailers',
    flow: 'third-party-content',
    title: { en: 'Cinema trailers from the internet', zh: '来自网络的影院预告片' },
    data: {
      en: 'When someone starts a film: a request for trailers of new releases in cinemas and on Blu-ray, and which of them were played.',
      zh: '有人开始看电影时，服务器会索取院线新片和即将发行蓝光的新片预告片，并记录播放了哪几支。',
    },
    recipient: trailerService,
    purpose: {
      en: 'To play cinema-style trailers before your films, and to count trailer views for the supplier.',
      zh: '在电影开始前像影院一样放预告片，并为供应商统计预告片的播放次数。',
    },
    breaks: {
      en: 'Before a film, only trailers from your own library play (if that option is on).',
      zh: '电影开始前只会播放您自己媒体库里的预告片（如果开启了这个选项）。',
    },
    policyItems: [
      { part: 'collect', item: 6 },
      { part: 'collect', item: 7 },
    ],
    evidence: { kind: 'log' },
    targets: [boolPref('CinemaTrailersFromTheater'), boolPref('CinemaTrailersFromBluRay')],
    profiles: profiles('off', 'off', 'off'),
    quickToggle: true,
  },
  {
    id: 'extras',
    flow: 'third-party-content',
    title: { en: 'Online trailers and extras', zh: '在线预告片与花絮' },
    data: {
      en: 'The titles of the films and shows in your libraries, to look up their trailers and extras, and which extras were played.',
      zh: '媒体库中电影和剧集的标题（用来查找对应的预告片和花絮），以及播放过哪些花絮。',
    },
    recipient: trailerService,
    purpose: {
      en: 'To offer trailers, interviews and behind-the-scenes clips next to your own media.',
      zh: '在您自己的媒体旁边提供预告片、访谈和幕后片段。',
    },
    breaks: {
      en: 'Films and shows no longer offer online trailers and extras; extras stored next to your files still play.',
      zh: '电影和剧集不再提供在线预告片和花絮；和文件放在一起的本地花絮照常可以播放。',
    },
    policyItems: [
      { part: 'collect', item: 3 },
      { part: 'collect', item: 6 },
      { part: 'collect', item: 7 },
    ],
    evidence: { kind: 'log' },
    targets: [boolLibraryPref('useExternalExtras', ['movie', 'show'])],
    profiles: profiles('off', 'off', 'off'),
    quickToggle: false,
  },
  {
    id: 'cinema-trailers',
    flow: 'third-party-content',
    title: { en: 'Trailers before films', zh: '片前预告片' },
    data: {
      en: 'Nothing by itself. Together with cinema trailers from the internet, every film start asks Plex for trailers to play.',
      zh: '单独开启时不发送任何数据；若同时开启了网络影院预告片，每次开始看电影都会向 Plex 索取要播放的预告片。',
    },
    recipient: {
      en: "Plex's trailer service, only while cinema trailers from the internet are on.",
      zh: '仅在网络影院预告片开启时，发给 Plex 的预告片服务。',
    },
    purpose: {
      en: 'To play trailers before the films of a library.',
      zh: '在某个媒体库的电影开始前播放预告片。',
    },
    breaks: {
      en: 'No trailers play before the films of these libraries, not even your own.',
      zh: '这些媒体库的电影开始前不再播放任何预告片，包括您自己的。',
    },
    policyItems: [
      { part: 'collect', item: 6 },
      { part: 'collect', item: 7 },
    ],
    evidence: { kind: 'log' },
    targets: [boolLibraryPref('enableCinemaTrailers', ['movie'])],
    profiles: profiles('keep', 'keep', 'off'),
    quickToggle: false,
  },
]
