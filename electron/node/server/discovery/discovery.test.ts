import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { err, ok } from '../../../common/util/result'
import { corpusDir, readCorpus } from '../testing/corpus-dir'
import type { CommandRunner } from './command-runner'
import { dataDirCandidates } from './data-dir-candidates'
import { findLocalServer } from './find-local-server'
import { parsePlistXml } from './read-macos-plist'
import { parsePreferencesXml } from './read-preferences-xml'
import { parseRegQuery } from './read-windows-registry'

const noCommands: CommandRunner = () => Promise.resolve(err('not available'))

let temp = ''
beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'hush-'))
})
afterEach(async () => {
  await rm(temp, { recursive: true, force: true })
})

describe('reading Preferences.xml', () => {
  it('reads the machine identifier and finds the token in a real 1.28 file', () => {
    const text = readCorpus('prefs/daneroo_pms1.28.2_Preferences.xml')
    const result = parsePreferencesXml(text, 'Preferences.xml')
    expect(result).toMatchObject({
      ok: true,
      value: {
        machineIdentifier: '8977a39088f381a6df1db65db80f6c84fab496af',
        token: 'REDACTED',
        source: 'file',
      },
    })
  })

  it('reads a real 1.1 file of a server that never signed in: no token, dotted attributes kept', () => {
    const result = parsePreferencesXml(
      readCorpus('prefs/startscript_pms1.1.4_Preferences.xml'),
      'p.xml',
    )
    expect(result).toMatchObject({
      ok: true,
      value: {
        machineIdentifier: '0416a0c360efc562422384c68cb7afdcf68b5ac6',
        token: null,
        friendlyName: 'plex',
      },
    })
  })

  it('turns a malformed or empty file into one line, never a crash', () => {
    for (const text of [
      '<Preferences MachineIdentifier="x" PlexOnlineToken="abc',
      '',
      '<Other/>',
    ]) {
      const result = parsePreferencesXml(text, '/d/Preferences.xml')
      expect(result).toMatchObject({ ok: false, error: { kind: 'preferencesMalformed' } })
      expect(result.ok ? '' : result.error.message).not.toMatch(/\n|abc/)
    }
  })
})

describe('finding the data folder', () => {
  it('uses --data-dir first, and its parent form too', async () => {
    const dataDir = join(temp, 'Plex Media Server')
    await mkdir(dataDir)
    await copyFile(
      join(corpusDir, 'prefs/daneroo_pms1.28.2_Preferences.xml'),
      join(dataDir, 'Preferences.xml'),
    )
    for (const given of [dataDir, temp]) {
      const found = await findLocalServer({
        dataDir: given,
        platform: 'linux',
        env: {},
        home: temp,
        runCommand: noCommands,
      })
      expect(found).toMatchObject({
        ok: true,
        value: { dataDir, preferencesFile: join(dataDir, 'Preferences.xml') },
      })
    }
  })

  it('uses PLEX_MEDIA_SERVER_APPLICATION_SUPPORT_DIR as the parent of the data folder', async () => {
    const dataDir = join(temp, 'Plex Media Server')
    await mkdir(dataDir)
    await copyFile(
      join(corpusDir, 'prefs/startscript_pms1.1.4_Preferences.xml'),
      join(dataDir, 'Preferences.xml'),
    )
    const env = { PLEX_MEDIA_SERVER_APPLICATION_SUPPORT_DIR: temp }
    const found = await findLocalServer({
      platform: 'linux',
      env,
      home: '/nonexistent',
      runCommand: noCommands,
    })
    expect(found).toMatchObject({ ok: true, value: { dataDir, preferences: { token: null } } })
  })

  it('reports a malformed Preferences.xml as preferencesMalformed', async () => {
    await writeFile(join(temp, 'Preferences.xml'), '<Preferences PlexOnlineToken="t0k3n" ')
    const found = await findLocalServer({
      dataDir: temp,
      platform: 'linux',
      env: {},
      home: temp,
      runCommand: noCommands,
    })
    expect(found).toMatchObject({ ok: false, error: { kind: 'preferencesMalformed' } })
    expect(JSON.stringify(found)).not.toContain('t0k3n')
  })

  it('knows the Linux, Docker, macOS and Windows defaults', () => {
    expect(dataDirCandidates({ platform: 'linux', env: {}, home: '/home/u' })).toEqual([
      '/var/lib/plexmediaserver/Library/Application Support/Plex Media Server',
      '/config/Library/Application Support/Plex Media Server',
      '/home/u/Library/Application Support/Plex Media Server',
    ])
    expect(dataDirCandidates({ platform: 'darwin', env: {}, home: '/Users/u' })).toEqual([
      '/Users/u/Library/Application Support/Plex Media Server',
    ])
    const windows = {
      platform: 'win32' as const,
      env: { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' },
      home: 'C:\\Users\\u',
    }
    expect(dataDirCandidates(windows)).toEqual(['C:\\Users\\u\\AppData\\Local\\Plex Media Server'])
    expect(dataDirCandidates(windows, 'D:\\Plex')).toEqual([
      'D:\\Plex\\Plex Media Server',
      'C:\\Users\\u\\AppData\\Local\\Plex Media Server',
    ])
  })

  it('reads the Windows registry through reg query', async () => {
    const output = [
      '',
      'HKEY_CURRENT_USER\\Software\\Plex, Inc.\\Plex Media Server',
      '    MachineIdentifier    REG_SZ    ff72b5cb-8d8b-46ee-b86a-9d01634c3c0c',
      '    ProcessedMachineIdentifier    REG_SZ    0416a0c360efc562422384c68cb7afdcf68b5ac6',
      '    PlexOnlineToken    REG_SZ    winT0ken',
      '    LocalAppDataPath    REG_SZ    D:\\Plex Data',
      '    FirstRun    REG_DWORD    0x0',
      '',
    ].join('\r\n')
    expect(parseRegQuery(output)).toMatchObject({
      FirstRun: '0',
      LocalAppDataPath: 'D:\\Plex Data',
    })
    const calls: string[] = []
    const runner: CommandRunner = (file, args) => {
      calls.push([file, ...args].join(' '))
      return Promise.resolve(ok(output))
    }
    const found = await findLocalServer({
      platform: 'win32',
      env: { LOCALAPPDATA: temp },
      home: temp,
      runCommand: runner,
    })
    expect(calls).toEqual(['reg query HKCU\\Software\\Plex, Inc.\\Plex Media Server'])
    expect(found).toMatchObject({
      ok: true,
      value: {
        preferences: {
          source: 'registry',
          token: 'winT0ken',
          machineIdentifier: '0416a0c360efc562422384c68cb7afdcf68b5ac6',
        },
      },
    })
  })

  it('reads the macOS plist through plutil, and falls back to defaults export', async () => {
    const plist = `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
  <key>MachineIdentifier</key><string>ab-cd</string>
  <key>PlexOnlineToken</key><string>macT0ken</string>
  <key>FriendlyName</key><string>Tom &amp; Jerry</string>
  <key>AcceptedEULA</key><true/>
  <key>LastAutomaticMappedPort</key><integer>0</integer>
</dict></plist>`
    expect(parsePlistXml(plist)).toEqual({
      MachineIdentifier: 'ab-cd',
      PlexOnlineToken: 'macT0ken',
      FriendlyName: 'Tom & Jerry',
      AcceptedEULA: '1',
      LastAutomaticMappedPort: '0',
    })
    const calls: string[] = []
    const runner: CommandRunner = file => {
      calls.push(file)
      return Promise.resolve(file === 'defaults' ? ok(plist) : err('plutil failed'))
    }
    const found = await findLocalServer({
      platform: 'darwin',
      env: {},
      home: temp,
      runCommand: runner,
    })
    expect(calls).toEqual(['plutil', 'defaults'])
    expect(found).toMatchObject({
      ok: true,
      value: { dataDir: null, preferences: { source: 'plist', friendlyName: 'Tom & Jerry' } },
    })
  })
})
