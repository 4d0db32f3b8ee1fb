import { refreshLibraries } from './traffic-refresh'
import { jitter, minute, plexTv, type TrafficJob } from './traffic-job'
import { metadataHost, metadataUrl } from './traffic-urls'

/**
 * The server's periodic traffic about its media and itself: library and periodic refreshes, music
 * enrichment, cinema trailers, updates and certificates. Hosts and paths marked VERIFIED come from
 * real logs (reference §4, §9); the others are MODELLED.
 */
export function mediaJobs(): TrafficJob[] {
  return [
    {
      // A scan finds items and the agent matches them: one match and one metadata fetch per item.
      name: 'library-refresh',
      first: 2 * minute,
      run: (e, t) => {
        refreshLibraries(e, t, () => true)
        return jitter(e, 45 * minute)
      },
    },
    {
      // The butler's periodic refresh re-fetches the metadata of matched items (MODELLED schedule:
      // the real task runs in the nightly maintenance window).
      name: 'periodic-refresh',
      first: 90 * minute,
      run: (e, t) => {
        let at = t
        for (const library of e.world.libraries()) {
          const gates = [e.prefGate('ButlerTaskRefreshPeriodicMetadata'), e.agentGate(library)]
          if (!library.agent.startsWith('tv.plex.agents.') || !e.sends('periodic-refresh', gates)) {
            continue
          }
          for (const item of library.items) {
            at = e.request(at + e.random.int(20, 200), {
              method: 'GET',
              url: metadataUrl(item.guid),
              flow: 'periodic-refresh',
              gates,
              component: 'MetadataAgentManager',
            })
          }
        }
        return jitter(e, 240 * minute)
      },
    },
    {
      // Artist biographies and the like, fetched for music libraries (MODELLED: the same request as
      // any metadata fetch).
      name: 'music-enrichment',
      first: 70 * minute,
      run: (e, t) => {
        let at = t
        for (const library of e.world.libraries()) {
          if (library.type !== 'artist' || !library.agent.startsWith('tv.plex.agents.')) {
            continue
          }
          const gates = [e.agentGate(library), e.libraryPrefGate(library, 'artistBios')]
          if (library.pref('artistBios') === undefined || !e.sends('music-enrichment', gates)) {
            continue
          }
          for (const item of library.items) {
            at = e.request(at + e.random.int(20, 200), {
              method: 'GET',
              url: metadataUrl(item.guid),
              flow: 'music-enrichment',
              gates,
            })
          }
        }
        return jitter(e, 180 * minute)
      },
    },
    {
      // MODELLED: cinema trailers of new movies come from Plex's metadata service, for a movie
      // library that plays trailers before its films.
      name: 'cinema-trailers',
      first: 6 * minute,
      run: (e, t) => {
        const movies = e.world.libraries().filter(library => library.type === 'movie')
        const playing =
          movies.find(library => library.pref('enableCinemaTrailers') === true) ?? movies[0]
        if (playing === undefined) {
          return jitter(e, 120 * minute)
        }
        const sources = ['CinemaTrailersFromTheater', 'CinemaTrailersFromBluRay']
        const on = sources.filter(id => e.on(id))
        const sourceGates = (on.length > 0 ? on : sources).map(id => e.prefGate(id))
        const gates = [...sourceGates, e.libraryPrefGate(playing, 'enableCinemaTrailers')]
        if (e.sends('cinema-trailers', gates)) {
          const kind = e.on('CinemaTrailersFromBluRay') ? 'bluray' : 'theater'
          e.request(t, {
            method: 'GET',
            url: `${metadataHost}/hubs/sections/home/trailers?type=${kind}&X-Plex-Token=${e.token()}`,
            flow: 'cinema-trailers',
            gates,
          })
        }
        return jitter(e, 120 * minute)
      },
    },
    {
      // VERIFIED: release channels and the update check (2017, 2018 logs).
      name: 'updates',
      first: 5_000,
      run: (e, t) => {
        const channel = String(e.world.setting('ButlerUpdateChannel') ?? '16')
        const end = e.request(t, {
          method: 'GET',
          url: `${plexTv}/api/v2/release_channels?X-Plex-Token=${e.token()}`,
          flow: 'update-check',
          gates: [],
        })
        e.request(end + 5, {
          method: 'GET',
          url: `${plexTv}/updater/products/1/check.xml?build=linux-x86_64&channel=${channel}&distribution=debian&version=${e.options.version}&X-Plex-Token=${e.token()}`,
          flow: 'update-check',
          gates: [],
        })
        return jitter(e, 240 * minute)
      },
    },
    {
      // Servers that install updates by themselves download the new build during maintenance
      // (reference §1.3 ButlerTaskUpdateServer, §4.4 downloads.plex.tv; MODELLED schedule).
      name: 'update-download',
      first: 100 * minute,
      run: (e, t) => {
        const gates = [e.prefGate('ButlerTaskUpdateServer', v => v === 'always')]
        if (
          e.world.setting('ButlerTaskUpdateServer') !== undefined &&
          e.sends('update-download', gates)
        ) {
          e.request(t, {
            method: 'GET',
            url: 'https://downloads.plex.tv/plex-media-server-new/1.42.2.10156-f737b826c/debian/plexmediaserver_1.42.2.10156-f737b826c_amd64.deb',
            flow: 'update-download',
            gates,
          })
        }
        return jitter(e, 360 * minute)
      },
    },
    {
      // MODELLED: the plex.direct certificate is checked with plex.tv now and then.
      name: 'certificates',
      first: 8_000,
      run: (e, t) => {
        e.request(t, {
          method: 'GET',
          url: `${plexTv}/api/v2/devices/${e.options.machineIdentifier}/certificate/subject?X-Plex-Token=${e.token()}`,
          flow: 'certificates',
          gates: [],
        })
        return jitter(e, 720 * minute)
      },
    },
  ]
}
