import type { LocalizedText } from '../i18n/localized-text'
import type { PolicyItem } from '../policy/policy-item'
import type { RequestSignature } from './request-signature'

/** The kinds of traffic that flow whatever the switches say (docs/privacy-map.md, "Background"). */
export const backgroundFlowIds = [
  'registration',
  'account',
  'media-providers',
  'update-check',
  'certificates',
  'pubsub',
  'plug-in-host',
] as const

/** One kind of background traffic. */
export type BackgroundFlowId = (typeof backgroundFlowIds)[number]

/** Traffic no setting stops: what it is, why nothing stops it, and how to recognise it. */
export interface BackgroundFlow {
  readonly id: BackgroundFlowId
  readonly title: LocalizedText
  /** What is sent, and to whom. */
  readonly what: LocalizedText
  /** Why no switch stops it (and what would). */
  readonly why: LocalizedText
  readonly policyItems: readonly PolicyItem[]
  readonly signatures: readonly RequestSignature[]
}

/**
 * Every background flow, in the order they are shown. Matching tries the switch signatures first,
 * then these in `backgroundMatchOrder` (account housekeeping, the catch-all for plex.tv, last).
 */
export const backgroundFlows: readonly BackgroundFlow[] = [
  {
    id: 'registration',
    title: { en: 'Server registration', zh: '服务器登记' },
    what: {
      en: "The server's identifier, name, version and the addresses it can be reached at, sent to plex.tv every hour or so.",
      zh: '服务器的标识符、名称、版本以及可访问它的地址，大约每小时发给 plex.tv 一次。',
    },
    why: {
      en: 'A server signed in to a Plex account keeps its entry on plex.tv up to date; only signing the server out stops it (apps then no longer find it through your account). Which addresses it lists is up to the remote-access and custom-address switches.',
      zh: '登录了 Plex 账户的服务器会不断更新它在 plex.tv 上的登记；只有把服务器退出登录才能停止（之后应用无法再通过您的账户找到它）。登记里列出哪些地址，由“远程访问”和“自定义服务器地址”开关决定。',
    },
    policyItems: [
      { part: 'collect', item: 8 },
      { part: 'collect', item: 12 },
    ],
    signatures: [
      {
        id: 'device-registration',
        hosts: ['plex.tv'],
        pathPrefix: '/devices/',
        ref: 'ref §4.1 (2017 log: PUT plex.tv/devices/<id>?Connection[][uri]=…), §4.4',
      },
      {
        id: 'server-registration',
        hosts: ['plex.tv'],
        pathPattern: /^\/(?:api\/servers|api\/claim|pms\/servers)\b/,
        ref: 'ref §4.4 (/api/servers/<id>, /api/claim/exchange)',
      },
    ],
  },
  {
    id: 'account',
    title: { en: 'Account housekeeping', zh: '账户日常通信' },
    what: {
      en: 'Who may use the server (access tokens, shared users, their subscriptions), the features your account has, and the Plex services to use, fetched from plex.tv.',
      zh: '从 plex.tv 获取谁可以使用这台服务器（访问令牌、共享用户及其订阅）、您的账户有哪些功能，以及要使用的 Plex 服务。',
    },
    why: {
      en: 'Sign-in, sharing and Plex Pass features depend on it. It stops only when the server is signed out of Plex.',
      zh: '登录、共享和 Plex Pass 功能都依赖它；只有服务器退出 Plex 登录时才会停止。',
    },
    policyItems: [
      { part: 'collect', item: 1 },
      { part: 'collect', item: 11 },
      { part: 'collect', item: 12 },
    ],
    signatures: [
      {
        id: 'account-api',
        hosts: ['plex.tv', 'my.plexapp.com', 'clients.plex.tv', 'app.plex.tv', 'community.plex.tv'],
        pathPattern: /^(?!\/pms\/:\/ip)/,
        ref: 'ref §4.1 (2025 log: MyPlex access_tokens, users, subscriptions, services), §9.5 (MyPlex:, FeatureManager)',
      },
      {
        id: 'watchlist',
        hosts: ['metadata.provider.plex.tv', 'discover.provider.plex.tv'],
        pathPrefix: '/library/sections/watchlist',
        ref: 'ref §4.4 (watchlist on the metadata provider)',
      },
    ],
  },
  {
    id: 'media-providers',
    title: { en: 'Online media sources list', zh: '在线媒体来源列表' },
    what: {
      en: "A request to plex.tv for the list of Plex's online sources (metadata, Live TV guides, Plex's own films and music).",
      zh: '向 plex.tv 查询 Plex 在线来源的列表（元数据、电视节目指南、Plex 自家的影视和音乐）。',
    },
    why: {
      en: 'The server asks for it whether or not it uses the sources. Leaving the sources themselves is the online-media-sources switch, on your account.',
      zh: '无论是否使用这些来源，服务器都会查询；要退出这些来源本身，请用账户上的“Plex 在线媒体来源”开关。',
    },
    policyItems: [
      { part: 'collect', item: 11 },
      { part: 'collect', item: 12 },
    ],
    signatures: [
      {
        id: 'media-providers',
        hosts: ['plex.tv'],
        pathPrefix: '/media/providers',
        ref: 'ref §4.1 (2018, 2025 logs: [MediaProviderManager/HCl#…] GET plex.tv/media/providers)',
      },
    ],
  },
  {
    id: 'update-check',
    title: { en: 'Update checks', zh: '更新检查' },
    what: {
      en: 'The server version, platform, distribution and update channel, sent to plex.tv to ask whether a newer version exists.',
      zh: '把服务器版本、平台、发行版和更新通道发给 plex.tv，询问有没有新版本。',
    },
    why: {
      en: 'No setting stops the check itself; the automatic-updates switch only stops the download and install.',
      zh: '没有设置能停止检查本身；“服务器自动更新”开关只能停止下载和安装。',
    },
    policyItems: [{ part: 'collect', item: 11 }],
    signatures: [
      {
        id: 'update-check',
        hosts: ['plex.tv'],
        pathPattern: /^\/(?:updater\/|api\/v2\/release_channels|downloads\/|api\/downloads\/)/,
        ref: 'ref §4.1 (2017 log: updater/products/1/check.xml?build=…&version=…; 2018: release_channels), §4.4',
      },
    ],
  },
  {
    id: 'certificates',
    title: { en: 'Certificates', zh: '证书' },
    what: {
      en: "Renewals of the server's plex.direct certificate, and revocation checks with the certificate authority.",
      zh: '续期服务器的 plex.direct 证书，以及向证书颁发机构查询证书是否被吊销。',
    },
    why: {
      en: 'Secure connections to the server need a valid certificate.',
      zh: '与服务器之间的安全连接需要有效的证书。',
    },
    policyItems: [{ part: 'security', item: 1 }],
    signatures: [
      {
        id: 'plex-direct-certificate',
        hosts: ['plex.tv'],
        pathPattern: /\/certificate/,
        ref: 'ref §1.3 (CertificateUUID, CertificateVersion: the plex.direct certificate)',
      },
      {
        id: 'certificate-authority',
        hosts: ['.digicert.com', '.lencr.org', '.letsencrypt.org'],
        ref: 'ref §4.1 (2017 log: OCSP at ocspx.digicert.com), corpus network (2025: r11.o.lencr.org)',
      },
    ],
  },
  {
    id: 'pubsub',
    title: { en: 'Plex notification channel', zh: 'Plex 通知通道' },
    what: {
      en: 'A standing connection to Plex over which plex.tv tells the server about sign-ins, sharing and reachability tests.',
      zh: '一条与 Plex 之间的常驻连接，plex.tv 通过它把登录、共享和可达性测试等消息告诉服务器。',
    },
    why: {
      en: 'A signed-in server keeps it open to hear from plex.tv.',
      zh: '登录了账户的服务器会一直保持这条连接，以接收 plex.tv 的消息。',
    },
    policyItems: [{ part: 'collect', item: 8 }],
    signatures: [
      {
        id: 'pubsub',
        hosts: ['pubsub.plex.tv', 'pubsub.plex.bz'],
        ref: 'ref §4.1 (2025 log: [EventSourceClient/pubsub/pubsub.plex.tv:443]), §4.4',
      },
    ],
  },
  {
    id: 'plug-in-host',
    title: { en: 'Plug-in host (stays on the server)', zh: '插件宿主（不离开服务器）' },
    what: {
      en: 'Calls between the server and its own plug-in and agent host, on the same machine.',
      zh: '服务器与同一台机器上的插件和代理宿主进程之间的调用。',
    },
    why: {
      en: 'It never leaves the machine; it is listed so that nothing in the log goes unexplained.',
      zh: '这些调用从不离开本机；列在这里，是为了让日志里的每一行都有交代。',
    },
    policyItems: [{ part: 'collect', item: 9 }],
    signatures: [
      {
        id: 'plug-in-host',
        hosts: ['127.0.0.1', 'localhost', '::1'],
        ref: 'ref §4.2 (requests to 127.0.0.1:<random port> are the local plug-in host)',
      },
    ],
  },
]

/** The order in which background flows are tried: the specific ones before the plex.tv catch-all. */
export const backgroundMatchOrder: readonly BackgroundFlowId[] = [
  'registration',
  'media-providers',
  'update-check',
  'certificates',
  'pubsub',
  'plug-in-host',
  'account',
]
