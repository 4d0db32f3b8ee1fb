import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import type { LocalizedText } from '../common/i18n/localized-text'
import { switchCatalog } from '../common/switches/catalog'
import { flowTexts } from '../common/switches/flows'
import { profileTexts } from '../common/switches/profile-texts'

// The privacy map is docs/privacy-map.md; the policy is kept only as fingerprints of its runs of
// words (test/corpus/policy: scripts/corpus/fingerprint-policy.mjs cuts words exactly as here).
const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const docsDir = join(repoRoot, 'docs')
const policyRunsFile = join(
  repoRoot,
  'test',
  'corpus',
  'policy',
  'plex-privacy-policy-2020.runs.txt',
)

/** Words of a text: each Latin word is one, and so is each Han character (Chinese has no spaces). */
function words(text: string): string[] {
  return text.toLowerCase().match(/\p{Script=Han}|[a-z0-9]+(?:'[a-z]+)?/gu) ?? []
}

/** Every run of `n` consecutive words, joined into one string. */
function runs(text: string, n: number): string[] {
  const w = words(text)
  const result: string[] = []
  for (let i = 0; i + n <= w.length; i += 1) {
    result.push(w.slice(i, i + n).join(' '))
  }
  return result
}

/** The fingerprint of a run, as test/corpus/policy keeps the policy's runs. */
function fingerprint(run: string): string {
  return createHash('sha256').update(run).digest('hex').slice(0, 16)
}

/** Every text the catalog shows, with a label saying where it comes from. */
function catalogTexts(): { label: string; text: LocalizedText }[] {
  const fields = ['title', 'data', 'recipient', 'purpose', 'breaks', 'caveat'] as const
  return [
    ...switchCatalog.flatMap(entry =>
      fields.flatMap(field => {
        const text = entry[field]
        return text === undefined ? [] : [{ label: `${entry.id}.${field}`, text }]
      }),
    ),
    ...Object.entries(flowTexts).map(([id, t]) => ({ label: `flow ${id}`, text: t.description })),
    ...Object.entries(profileTexts).map(([id, t]) => ({
      label: `profile ${id}`,
      text: t.description,
    })),
  ]
}

const runLength = 8

describe('the switch catalog and the privacy policy', () => {
  let policyRuns: Set<string>

  beforeAll(async () => {
    const fingerprints = await readFile(policyRunsFile, 'utf8')
    policyRuns = new Set(fingerprints.split('\n').filter(line => line.length > 0))
  })

  it('reads a policy long enough to compare against', () => {
    expect(policyRuns.size).toBeGreaterThan(1000)
  })

  it('copies no run of eight words from the policy, in English or Chinese', () => {
    const copied = catalogTexts().flatMap(({ label, text }) =>
      (['en', 'zh'] as const).flatMap(language =>
        runs(text[language], runLength)
          .filter(run => policyRuns.has(fingerprint(run)))
          .map(run => `${label}.${language}: "${run}"`),
      ),
    )
    expect(copied).toEqual([])
  })

  it('notices a copied run (the check itself works)', () => {
    const english = 'we do, however, keep usage statistics to allow us to better serve you'
    const chinese = '关闭服务器设置中的远程访问即可'
    const copies = (text: string) =>
      runs(text, runLength).some(run => policyRuns.has(fingerprint(run)))
    expect(copies(english)).toBe(true)
    expect(copies(chinese)).toBe(true)
    expect(copies('Hush turns relay off for you, and keeps your usage statistics at home')).toBe(
      false,
    )
  })
})

describe('the switch catalog and the privacy map', () => {
  let controls: string[]

  // Identifiers named as controls in docs/privacy-map.md that are deliberately not switches.
  const notSwitches: Record<string, string> = {
    ButlerUpdateChannel: 'public or beta, both channels check and download alike: no flow stops',
    allowedNetworks: 'a security risk the dashboard shows, not a flow of data',
  }

  beforeAll(async () => {
    const map = await readFile(join(docsDir, 'privacy-map.md'), 'utf8')
    const tableControls = map
      .split('\n')
      .filter(line => /^\| *\d/.test(line))
      .map(line => line.split('|')[3] ?? '')
    const choiceLines = map
      .slice(map.indexOf('## How the information is used'), map.indexOf('## Profiles'))
      .split('\n')
      .filter(line => line.startsWith('- '))
    controls = [...tableControls, ...choiceLines].flatMap(text =>
      [...text.matchAll(/`([A-Za-z][A-Za-z0-9]*)`/g)].map(match => match[1] ?? ''),
    )
  })

  const targetNames = new Set(
    switchCatalog.flatMap(entry =>
      entry.targets.flatMap(target => {
        switch (target.kind) {
          case 'server-pref':
            return [target.prefId, ...(target.aliases ?? [])]
          case 'library-pref':
            return [target.prefId]
          case 'account-privacy':
            return [target.field]
          default:
            return [target.kind]
        }
      }),
    ),
  )

  it('finds the controls of the map', () => {
    expect(controls).toEqual(expect.arrayContaining(['RelayEnabled', 'secureConnections']))
    expect(controls.length).toBeGreaterThan(20)
  })

  it('has a switch for every control the map names, or a reason why not', () => {
    const missing = controls.filter(id => !targetNames.has(id) && !(id in notSwitches))
    expect(missing).toEqual([])
  })

  it('moves libraries to a local agent for matching, and covers the account opt-outs', () => {
    for (const name of ['library-agent', 'account-opt-out', 'account-view-state-sync']) {
      expect(targetNames.has(name), name).toBe(true)
    }
  })
})
