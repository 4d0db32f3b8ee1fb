import type { TitledText } from '../i18n/localized-text'
import type { ProfileId } from './switch-types'

/** Every profile's title and description (docs/privacy-map.md "Profiles"), in the order shown. */
export const profileTexts: Readonly<Record<ProfileId, TitledText>> = {
  'plex-defaults': {
    title: { en: 'Plex defaults', zh: 'Plex 默认' },
    description: {
      en: 'What a freshly installed server has, as the server itself reports it.',
      zh: '新装服务器的原始设置，以服务器自己报告的为准。',
    },
  },
  balanced: {
    title: { en: 'Balanced', zh: '均衡' },
    description: {
      en: 'Stops what most owners never use: crash reports, webhooks, trailers and extras from the internet, periodic metadata refresh, local discovery and DLNA. Remote access, relay and matching stay as they are.',
      zh: '关掉大多数人用不上的功能：崩溃报告、Webhook、网络预告片和花絮、定期刷新元数据、局域网发现和 DLNA。远程访问、中继和元数据匹配保持原样。',
    },
  },
  private: {
    title: { en: 'Private', zh: '私密' },
    description: {
      en: 'Balanced, and also: remote access, relay and metadata matching off, no place names or tags for photos, the account opt-outs taken, and encrypted connections required.',
      zh: '在“均衡”的基础上，再关闭远程访问、中继和元数据匹配，不再查询照片地点、不自动打标签，在账户里选择退出各项统计，并要求加密连接。',
    },
  },
  lockdown: {
    title: { en: 'Lockdown', zh: '全面锁定' },
    description: {
      en: 'Everything that can be off is off; many features stop working, and each switch says which. Debug logging stays on so that Hush can prove it.',
      zh: '能关的全部关掉，很多功能会因此停用，每个开关都写明了影响。调试日志保持开启，好让 Hush 拿出证据。',
    },
  },
}
