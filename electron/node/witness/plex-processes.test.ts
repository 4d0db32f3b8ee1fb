import { describe, expect, it } from 'vitest'
import { identifyPlexProcess, plexProcesses } from './plex-processes'

describe('the Plex process table', () => {
  it('cites a source for every process', () => {
    for (const process of plexProcesses) {
      expect(process.source).toMatch(/network README|reference §/)
      expect(process.executables.length).toBeGreaterThan(0)
    }
  })

  it('knows each process by its executable on every platform', () => {
    expect(identifyPlexProcess({ path: '/usr/lib/plexmediaserver/Plex Media Server' })?.id).toBe(
      'server',
    )
    expect(
      identifyPlexProcess({ path: 'C:\\Program Files\\Plex\\Plex Media Server\\CrashUploader.exe' })
        ?.id,
    ).toBe('crash-uploader')
    expect(identifyPlexProcess({ path: '/usr/lib/plexmediaserver/Plex Relay' })?.id).toBe('relay')
    expect(
      identifyPlexProcess({
        path: '/Applications/Plex Media Server.app/Contents/MacOS/Plex Script Host',
      })?.id,
    ).toBe('script-host')
    expect(identifyPlexProcess({ name: 'PlexScriptHost.exe' })?.id).toBe('script-host')
  })

  it('knows the plug-in hosts by the argv[0] they give themselves', () => {
    expect(identifyPlexProcess({ argv0: 'Plex Plug-in [com.plexapp.system]' })?.id).toBe(
      'script-host',
    )
  })

  it('reads the names the kernel and the tools cut short, and says when one fits several', () => {
    const cut = (name: string) => identifyPlexProcess({ name, nameMayBeCut: true })
    expect(cut('Plex Media Serv')?.id).toBe('server') // comm, 15 characters
    expect(cut('Plex Media Ser')?.id).toBe('server') // netstat's column
    expect(cut('Plex DLNA Serv')?.id).toBe('dlna')
    expect(cut('Plex Plug-in [')?.id).toBe('script-host')
    expect(cut('Plex Tuner Serv')?.id).toBe('tuner')
    expect(cut('CrashUplo')?.id).toBe('crash-uploader') // lsof, 9 characters
    const mediaSomething = cut('Plex M')
    expect(mediaSomething?.id).toBe('plex')
    expect(mediaSomething?.candidates).toEqual(['server', 'scanner', 'fingerprinter'])
    expect(mediaSomething?.label).toBe(
      'Plex (Plex Media Server or Plex Media Scanner or Plex Media Fingerprinter)',
    )
    // Old lsof cut every Plex name at its first space.
    expect(cut('Plex')?.label).toMatch(/^Plex \(one of \d+ Plex programs\)$/)
  })

  it('never takes another program for Plex', () => {
    expect(identifyPlexProcess({ name: 'node' })).toBeUndefined()
    expect(identifyPlexProcess({ name: 'Plexamp', nameMayBeCut: true })).toBeUndefined()
    expect(identifyPlexProcess({ name: 'Plex' })).toBeUndefined() // not cut: the desktop app
    expect(identifyPlexProcess({ name: 'Ple', nameMayBeCut: true })).toBeUndefined()
    expect(identifyPlexProcess({ path: '/usr/bin/node', name: 'node' })).toBeUndefined()
  })
})
