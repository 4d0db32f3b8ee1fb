import type { TitledText } from '../i18n/localized-text'
import type { FlowId } from './switch-types'

/** Every flow's title and description, in the order the flows are shown. */
export const flowTexts: Readonly<Record<FlowId, TitledText>> = {
  'metadata-matching': {
    title: { en: 'Metadata for your media', zh: '媒体元数据' },
    description: {
      en: 'Identifying your files online to fetch posters, summaries and ratings.',
      zh: '在网上识别您的文件，以获取海报、简介和评分。',
    },
  },
  markers: {
    title: { en: 'Intro and credits markers', zh: '片头片尾标记' },
    description: {
      en: 'Markers found in your files and shared with Plex.',
      zh: '在您的文件中找到并与 Plex 共享的标记。',
    },
  },
  'photo-analysis': {
    title: { en: 'Photo analysis', zh: '照片分析' },
    description: {
      en: 'Place names looked up from GPS coordinates, and tags from image recognition.',
      zh: '根据 GPS 坐标查询地名，并用图像识别给照片打标签。',
    },
  },
  'third-party-content': {
    title: { en: 'Trailers and extras', zh: '预告片与花絮' },
    description: {
      en: "Content from Plex's suppliers, who are told what was viewed.",
      zh: '来自 Plex 供应商的内容，播放情况会回报给供应商。',
    },
  },
  'server-publishing': {
    title: { en: 'Publishing your server', zh: '公布服务器' },
    description: {
      en: 'What Plex is told about how to reach your server, and how safely apps connect to it.',
      zh: 'Plex 得知的服务器访问方式，以及应用连接服务器时是否加密。',
    },
  },
  relay: {
    title: { en: 'Relay', zh: '中继' },
    description: {
      en: "Streams carried through Plex's servers when a direct connection fails.",
      zh: '直连失败时，经由 Plex 服务器转发的视频流。',
    },
  },
  'local-discovery': {
    title: { en: 'Home network', zh: '家庭网络' },
    description: {
      en: 'What the server announces to the devices in your home.',
      zh: '服务器向家中设备公布的信息。',
    },
  },
  integrations: {
    title: { en: 'Integrations', zh: '第三方集成' },
    description: {
      en: 'Events sent to services you connect, such as webhooks.',
      zh: '发送给您所连接服务（例如 Webhook）的事件。',
    },
  },
  'push-notifications': {
    title: { en: 'Push notifications', zh: '推送通知' },
    description: {
      en: 'Notices delivered to your phones through Plex.',
      zh: '经由 Plex 推送到您手机上的通知。',
    },
  },
  usage: {
    title: { en: 'Usage statistics', zh: '使用统计' },
    description: {
      en: 'What Plex learns about how you use your server and what you watch.',
      zh: 'Plex 能了解到的您如何使用服务器、看了什么。',
    },
  },
  'online-sources': {
    title: { en: 'Plex online sources', zh: 'Plex 在线来源' },
    description: {
      en: "Plex's own streaming content, tied to your account and used for recommendations and adverts.",
      zh: 'Plex 自家的在线内容，与您的账户关联，用于推荐和广告。',
    },
  },
  updates: {
    title: { en: 'Updates', zh: '更新' },
    description: {
      en: 'Checking for and installing new versions of the server.',
      zh: '检查并安装新版服务器。',
    },
  },
  'debug-information': {
    title: { en: 'Debug information', zh: '调试信息' },
    description: {
      en: 'Crash reports sent to Plex, and the logs kept on the server.',
      zh: '发给 Plex 的崩溃报告，以及保存在服务器上的日志。',
    },
  },
}

/** Every flow id, in the order the flows are shown. */
export const flowIds = Object.keys(flowTexts) as readonly FlowId[]
