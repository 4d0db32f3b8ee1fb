import type { LocalizedText } from '../../i18n/localized-text'
import type { SwitchEntry } from '../switch-types'
import { boolPref, profiles } from './define'

const crashService: LocalizedText = {
  en: "Plex's crash collection service, run by Sentry (o17675.ingest.sentry.io).",
  zh: 'Plex 的崩溃收集服务，由 Sentry 运营（o17675.ingest.sentry.io）。',
}

/**
 * Switches of debug information (docs/privacy-map.md, collected item 10): crash reports that leave
 * the server, and the server's own logs, which stay on it unless the owner sends them.
 */
export const debugSwitches: readonly SwitchEntry[] = [
  {
    id: 'crash-reports',
    flow: 'debug-information',
    title: { en: 'Crash reports', zh: '崩溃报告' },
    data: {
      en: "A memory dump taken when the server crashes, with the server's identifier. A dump can hold pieces of file names and settings.",
      zh: '服务器崩溃时抓取的内存转储，附带服务器的标识符；转储里可能夹带文件名和设置的片段。',
    },
    recipient: crashService,
    purpose: {
      en: 'To help Plex find and fix the bug behind a crash.',
      zh: '帮助 Plex 找到并修好导致崩溃的程序错误。',
    },
    breaks: {
      en: 'Nothing on your server; Plex just learns less about its crashes.',
      zh: '服务器功能不受影响，只是 Plex 对它的崩溃了解得更少。',
    },
    policyItems: [{ part: 'collect', item: 10 }],
    evidence: { kind: 'log' },
    targets: [boolPref('sendCrashReports')],
    profiles: profiles('off', 'off', 'off'),
    quickToggle: true,
  },
  {
    id: 'crash-upload-retries',
    flow: 'debug-information',
    title: { en: 'Crash report retries', zh: '崩溃报告重传' },
    data: {
      en: 'Crash reports whose upload failed, sent again later.',
      zh: '上传失败的崩溃报告，稍后会再发一次。',
    },
    recipient: crashService,
    purpose: {
      en: 'To deliver crash reports even after a network failure.',
      zh: '即使网络出过错，也要把崩溃报告送到。',
    },
    breaks: {
      en: 'Nothing on your server.',
      zh: '服务器功能不受影响。',
    },
    policyItems: [{ part: 'collect', item: 10 }],
    evidence: { kind: 'log' },
    targets: [boolPref('CrashUploadRetries')],
    profiles: profiles('off', 'off', 'off'),
    quickToggle: false,
  },
  {
    id: 'debug-logging',
    flow: 'debug-information',
    title: { en: 'Debug logging', zh: '调试日志' },
    data: {
      en: 'Nothing leaves the server. Detailed lines, among them every request the server makes to the internet, go into its own log files.',
      zh: '不会向外发送任何数据。详细的记录（其中包括服务器发往互联网的每个请求）只写进服务器本机的日志文件。',
    },
    recipient: {
      en: "Only the server's own disk, unless you send the logs to Plex support yourself.",
      zh: '只留在服务器本机的磁盘上，除非您自己把日志发给 Plex 客服。',
    },
    purpose: {
      en: 'To troubleshoot problems, and to give Hush evidence of what the server sends.',
      zh: '用来排查问题，也让 Hush 能拿到服务器外发数据的证据。',
    },
    breaks: {
      en: "Hush can no longer see the server's outgoing requests, so it cannot check that your other switches work.",
      zh: 'Hush 将看不到服务器的外发请求，也就没法核实其他开关是否真正生效。',
    },
    policyItems: [{ part: 'collect', item: 10 }],
    evidence: { kind: 'not-visible', why: 'stays-on-server' },
    targets: [boolPref('logDebug')],
    // The one switch every Hush profile turns on: the data stays on the machine, and without
    // these lines Hush could not show that the other switches really stopped their flows.
    profiles: profiles('on', 'on', 'on'),
    quickToggle: false,
  },
  {
    id: 'log-tokens',
    flow: 'debug-information',
    title: { en: 'Access tokens in logs', zh: '日志中记录访问令牌' },
    data: {
      en: 'Nothing leaves by itself, but the log files then hold access tokens that open your server and your Plex account.',
      zh: '本身不外发数据，但日志文件里会出现能打开您的服务器和 Plex 账户的访问令牌。',
    },
    recipient: {
      en: 'Anyone who reads the logs, including whoever you send them to for help.',
      zh: '任何读到日志的人，包括您为求助而把日志发给的人。',
    },
    purpose: {
      en: 'Only for deep troubleshooting by Plex developers.',
      zh: '只供 Plex 开发人员深入排查问题时使用。',
    },
    breaks: {
      en: 'Nothing: tokens in the logs are masked as a row of x. Keep this off.',
      zh: '不影响任何功能：日志里的令牌会被一串 x 遮住。请保持关闭。',
    },
    policyItems: [{ part: 'collect', item: 10 }],
    evidence: { kind: 'not-visible', why: 'stays-on-server' },
    // Renamed between versions: `logTokens` (2018) became `LogTokensForDebug` (reference §1.3).
    targets: [boolPref('LogTokensForDebug', ['logTokens'])],
    profiles: profiles('off', 'off', 'off'),
    quickToggle: false,
  },
]
