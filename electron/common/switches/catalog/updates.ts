import type { SwitchEntry } from '../switch-types'
import { profiles } from './define'

/**
 * Switches of update traffic (docs/privacy-map.md, update checks).
 *
 * The update channel (`ButlerUpdateChannel`, public or beta) is not a switch: both channels
 * check and download the same way, so neither value stops a flow. No known pref stops the
 * update check itself.
 */
export const updateSwitches: readonly SwitchEntry[] = [
  {
    id: 'automatic-updates',
    flow: 'updates',
    title: { en: 'Automatic server updates', zh: '服务器自动更新' },
    data: {
      en: 'Downloads of new server versions from Plex during nightly maintenance. Each check also sends the current version and platform.',
      zh: '夜间维护时从 Plex 下载新版服务器；每次检查还会带上当前的版本和平台信息。',
    },
    recipient: {
      en: "plex.tv and Plex's download servers.",
      zh: 'plex.tv 和 Plex 的下载服务器。',
    },
    purpose: {
      en: 'To install new versions, security fixes included, without you lifting a finger.',
      zh: '不用您动手就装好新版本，其中也包括安全修复。',
    },
    breaks: {
      en: 'The server stops installing updates by itself: install them by hand to keep getting security fixes. It still checks for new versions.',
      zh: '服务器不再自行安装更新，请手动安装，以免错过安全修复；它仍会检查有没有新版本。',
    },
    caveat: {
      en: 'Only some installs have this setting; Docker images, for one, update with the image instead.',
      zh: '只有部分安装方式有这个设置；例如 Docker 镜像是随镜像一起更新的。',
    },
    policyItems: [{ part: 'collect', item: 11 }],
    evidence: { kind: 'log' },
    // `ButlerTaskUpdateServer`: `askme` = ask me, `always` = during scheduled maintenance.
    targets: [
      { kind: 'server-pref', prefId: 'ButlerTaskUpdateServer', on: 'always', off: 'askme' },
    ],
    profiles: profiles('keep', 'keep', 'off'),
    quickToggle: false,
  },
]
