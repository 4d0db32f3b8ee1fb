import { createHash } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSyntheticLog, headerAt } from '../../node/outbound/testing/synthetic-log'
import { corpusDir } from '../../node/server/testing/corpus-dir'
import { runCli } from '../run-cli'
import { createMemoryIo } from '../testing/memory-io'

// `hush log parse` prints exactly what it printed before the parser was made faster: the
// SHA-256 of stdout and stderr below were recorded with the parser of commit 3567155. The two
// generated logs' stdout was recorded again when redaction went by structure (SECURITY.md): the
// server's own 20-x mask is kept as it is, and every parameter whose name holds key, token,
// session … is masked; nothing else in the output changed (checked line by line).

const logs = join(corpusDir, 'logs')

let dir: string

/** A log of `exchanges` exchanges with `noise` inbound lines each, and the odd lines a real one has. */
function sampleLog(exchanges: number, noise: number, seed: number): string {
  const start = Date.UTC(2025, 5, 1, 8)
  const log = createSyntheticLog({ seed, start, stepMs: 900, noise, unansweredEvery: 13 })
  const parts = [
    `${headerAt(start - 1_000, '140101784881976', 'INFO')}Plex Media Server v1.42.2.10156-f737b826c - Debian PC x86_64 - build: linux-x86_64 debian - GMT 02:00\n`,
  ]
  for (let i = 0; i < exchanges; i++) {
    parts.push(log.next())
    const t = start + i * 900 + 450
    if (i % 97 === 3) {
      parts.push(
        `${headerAt(t, '0x9')}[HCl#e${i}] HTTP requesting POST https://metadata.provider.plex.tv/library/metadata/matches?title=N%C3%A4chte&X-Plex-Token=abcdefghijklmnopqrst\n`,
        `${headerAt(t + 40, '0x9')}[HttpClient/HCl#e${i}] HTTP error requesting POST https://metadata.provider.plex.tv/library/metadata/matches?title=N%C3%A4chte&X-Plex-Token=abcdefghijklmnopqrst (28, Timeout was reached)\n`,
        `${headerAt(t + 41, '0x9')}[com.plexapp.system] Sending command over HTTP (GET): /system/:/prefs\n`,
        `${headerAt(t + 42, '0x9')}Scanner: Processing directory /data/Filme/Nächte (2001) (parent: yes)\n`,
        `   wrapped tail of a pasted line with HTTP in it\n`,
      )
    }
    if (i % 1_001 === 500) {
      parts.push(
        `${headerAt(t, '0x3')}[JobRunner] Job running: "/usr/lib/plexmediaserver/CrashUploader" "--directory=/config/Crash Reports/1.42.2" "--version=1.42.2.10156-f737b826c" "--sentryUrl=https://o17675.ingest.sentry.io/api/1233455/" "--sentryKey=${'x'.repeat(32)}" "--serverUuid=0123456789abcdef"\n`,
        `${headerAt(t + 1, '0x3')}Plex Media Server v1.42.2.10156-f737b826c - Debian PC x86_64 - build: linux-x86_64 debian - GMT ${i % 2 === 0 ? '-05:30' : '01:00'}\n`,
      )
    }
  }
  return parts.join('')
}

async function parseOutput(path: string): Promise<{ out: string; err: string }> {
  const io = createMemoryIo()
  expect(await runCli(['log', 'parse', path], io)).toBe(0)
  const sha = (text: string) => createHash('sha256').update(text).digest('hex')
  // Where the file lies is no part of what is compared.
  return { out: sha(io.out()), err: sha(io.errText().replaceAll(path, 'LOG')) }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-parse-output-'))
  await writeFile(join(dir, 'heavy.log'), sampleLog(20_000, 1, 5))
  await writeFile(join(dir, 'realistic.log'), sampleLog(1_500, 48, 6))
}, 60_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('hush log parse prints what it printed before', () => {
  it('on an exchange-heavy log', async () => {
    expect(await parseOutput(join(dir, 'heavy.log'))).toEqual(recorded.heavy)
  })

  it('on a log where exchanges are 2% of the lines', async () => {
    expect(await parseOutput(join(dir, 'realistic.log'))).toEqual(recorded.realistic)
  })

  it('on every log of the corpus', async () => {
    expect(existsSync(logs)).toBe(true)
    const names = readdirSync(logs).filter(name => name.endsWith('.log'))
    const outputs: Record<string, { out: string; err: string }> = {}
    for (const name of names) {
      outputs[name] = await parseOutput(join(logs, name))
    }
    expect(outputs).toEqual(recorded.corpus)
  })
})

const recorded: {
  heavy: { out: string; err: string }
  realistic: { out: string; err: string }
  corpus: Record<string, { out: string; err: string }>
} = {
  heavy: {
    out: '917945931e1034029ff1c73ac39daed853d2aeb735f3858a9d8a37d41daaafa3',
    err: '2bf96195b695a806273bc94ddbd0617b6c7a79a9320e6b47926c38e4d13bbc1f',
  },
  realistic: {
    out: '96997ee36cbdf96c5f6ac610291f154612d8218e3b8d5ff35a91c63cf84f583a',
    err: 'b7b77bb3ff29532c5e223f1b395560d8c7140cb9161d1fb6450f1bc8d4d5ddac',
  },
  corpus: {
    'googlecast_94_pms2022_arm_prefs.log': {
      out: '1cccebc14019f79af60c401d8952b7dca3a12bf893bf706aff59ec036a1ecba5',
      err: '293ec260c2edca900ed690837d0b4728763680445c0c705ab79e50f1c56ab69c',
    },
    'iptvbundle_19_pms2015_wrapped.log': {
      out: '7a9ae61ef5a0c25405748394b8b34b0e8ec9f8d08959e6a8c08aa7f1b1d30b2f',
      err: '68918d619640dd9b7d4d0c2a54971bc8e223cb01cdbf104390f91fdef3d572c6',
    },
    'lsio_docker-plex_142_pms1.13.8_part1.log': {
      out: '7a8a8ec319227cb7c096363b9d5c597c2062ef812a47af99d8693dd15df883c7',
      err: 'def429fd234c38ce6d03354dac6d05041da427f5d5074020523ab6833dd38722',
    },
    'lsio_docker-plex_142_pms1.13.8_part2.log': {
      out: '9c8db1082bf7f92c614aa787a537829aede77edf4a8e7b6d9847d933fedb21e0',
      err: 'fda7d033da747d299974b5e6ac6a08285813e7c2cf533b085015c22e1e57334f',
    },
    'lsio_docker-plex_142_pms1.13.8_part3_longline.log': {
      out: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      err: '37d1fb29cb1886a38b79946197da967a74b45920ad0826aa1a3a92aa2abbbd3c',
    },
    'pgma_332_pms_macos_2025_activities.log': {
      out: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      err: '37d1fb29cb1886a38b79946197da967a74b45920ad0826aa1a3a92aa2abbbd3c',
    },
    'pgma_332_pms_macos_2025_localhttpclient.log': {
      out: 'decb1dae88771c01887a62848b54e4b37cefd5e475a574a8fe178fc776d880e7',
      err: '293ec260c2edca900ed690837d0b4728763680445c0c705ab79e50f1c56ab69c',
    },
    'pgma_332_pms_macos_2025_webclient.log': {
      out: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      err: '37d1fb29cb1886a38b79946197da967a74b45920ad0826aa1a3a92aa2abbbd3c',
    },
    'plexlastfm_2014_pms0.9_unicode_pms.log': {
      out: '099cc795e2b00de1f140ea4de293e584658ac3cec5a5ab0146064c12d3e4c459',
      err: '4ff105b3f9271cd70ae927f1c128a59df5faa871bde085ecf7ed26eb2c8a9f7f',
    },
    'plexlastfm_2014_pms0.9_universal_transcode.log': {
      out: 'ae835e56fca0c22fef7f83ee3f9927daa2e491ba3c665566177bf4e285a15c2e',
      err: '293ec260c2edca900ed690837d0b4728763680445c0c705ab79e50f1c56ab69c',
    },
    'plezy_199_pms2026_czech_Ladeni.log': {
      out: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      err: '37d1fb29cb1886a38b79946197da967a74b45920ad0826aa1a3a92aa2abbbd3c',
    },
    'pms_plugin_framework_2016_requestchannel_NEGATIVE.log': {
      out: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      err: '7781090e173834f5b852846b3519e04470142ca85bdaddf2114fff9f830a5bce',
    },
    'r0cksteady_pms_windows_2026_correlation_grep.log': {
      out: 'd0320750493429ecf283b04762b258efd27659867489c59e1d898b24a1ef9698',
      err: '6eb76f1208f90c7f73fea487628ee276703aac2f9e2bd039c82bd085d5f71075',
    },
    'r0cksteady_pms_windows_2026_forensic_grep.log': {
      out: 'e23416d634b9bbc3493a79b38020bac2291ecebeffe8df0b1ea213fb5811c6ab',
      err: 'def429fd234c38ce6d03354dac6d05041da427f5d5074020523ab6833dd38722',
    },
    'radarr_1396_pms2017_decimal_tid_verbose.log': {
      out: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      err: '37d1fb29cb1886a38b79946197da967a74b45920ad0826aa1a3a92aa2abbbd3c',
    },
  },
}
