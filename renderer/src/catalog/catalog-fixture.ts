import type { SwitchEntry } from '../../../electron/common/switches/switch-types'
import type { CatalogView } from './catalog-view'

function entry(
  id: string,
  flow: SwitchEntry['flow'],
  title: string,
  evidence: SwitchEntry['evidence'] = { kind: 'log' },
): SwitchEntry {
  return {
    id,
    flow,
    title: { en: title, zh: `${title}（中文）` },
    data: { en: `${title} data`, zh: `${title} 数据` },
    recipient: { en: 'Plex', zh: 'Plex' },
    purpose: { en: `${title} purpose`, zh: `${title} 目的` },
    breaks: { en: `${title} stops`, zh: `${title} 停止` },
    policyItems: [{ part: 'collect', item: 3 }],
    evidence,
    targets: [{ kind: 'server-pref', prefId: id, on: true, off: false }],
    profiles: { 'plex-defaults': 'default', balanced: 'keep', private: 'off', lockdown: 'off' },
    quickToggle: true,
  }
}

/** A small catalog for component and store tests: three switches in three flows. */
export const catalogFixture: CatalogView = {
  switches: [
    entry('metadata-matching', 'metadata-matching', 'Metadata matching'),
    entry('relay', 'relay', 'Relay'),
    entry('crash-reports', 'debug-information', 'Crash reports'),
  ],
  flowOrder: ['metadata-matching', 'relay', 'debug-information'],
  flows: {
    'metadata-matching': {
      title: { en: 'Metadata for your media', zh: '媒体元数据' },
      description: { en: 'Matching your files online.', zh: '在线匹配文件。' },
    },
    relay: {
      title: { en: 'Relay', zh: '中继' },
      description: { en: 'Streams through Plex.', zh: '经由 Plex 的流。' },
    },
    'debug-information': {
      title: { en: 'Debug information', zh: '调试信息' },
      description: { en: 'Crash reports.', zh: '崩溃报告。' },
    },
  },
  profiles: {
    'plex-defaults': {
      title: { en: 'Plex defaults', zh: 'Plex 默认' },
      description: { en: 'As shipped.', zh: '出厂。' },
    },
    balanced: {
      title: { en: 'Balanced', zh: '均衡' },
      description: { en: 'Some off.', zh: '部分关闭。' },
    },
    private: {
      title: { en: 'Private', zh: '私密' },
      description: { en: 'Most off.', zh: '大部分关闭。' },
    },
    lockdown: {
      title: { en: 'Lockdown', zh: '锁定' },
      description: { en: 'All off.', zh: '全部关闭。' },
    },
  },
}
