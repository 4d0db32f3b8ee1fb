import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import yazl from 'yazl'
import type { DemoWorld } from './demo-world'
import { status, type DemoRequest, type DemoResponse, type DemoRoute } from './http-types'
import { pinJson, type PinStore } from './pin-store'

/** How `/diagnostics/logs` answers: a real zip, or one of the broken answers tests need. */
export type LogsZipMode = 'zip' | 'truncated' | 'not-a-zip' | 'traversal' | 'bomb'

// An entry that would land outside the folder it is unpacked into, and its stand-in of equal length.
const escapeName = '../Plex Media Server.log'
const escapeStandIn = '__/Plex Media Server.log'

function header(request: DemoRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()]
  const text = Array.isArray(value) ? value[0] : value
  return text ?? request.url.searchParams.get(name) ?? undefined
}

function zipOf(entries: readonly (readonly [string, Buffer])[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile()
    for (const [name, data] of entries) {
      zip.addBuffer(data, name)
    }
    zip.end()
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
    zip.outputStream.on('error', reject)
  })
}

/** The log files of the data folder, as `GET /diagnostics/logs` zips them (reference §9.6). */
async function logsZip(dataDir: string, mode: LogsZipMode): Promise<Buffer> {
  if (mode === 'not-a-zip') {
    return Buffer.from('<html><body>Service Unavailable</body></html>')
  }
  const logs = join(dataDir, 'Logs')
  const names = (await readdir(logs)).filter(name => name.endsWith('.log')).sort()
  const entries: [string, Buffer][] = []
  for (const name of names) {
    entries.push([name, await readFile(join(logs, name))])
  }
  if (mode === 'traversal') {
    // yazl refuses such names, as any honest zip writer does: the entry is written under a name
    // of the same length, then renamed in the zip's bytes (its CRC covers the data, not the name).
    entries.push([escapeStandIn, Buffer.from('written outside the folder\n')])
  }
  if (mode === 'bomb') {
    // A few hundred KiB that unpack to 64 MiB: the reader must stop at its cap.
    entries.push(['Plex Media Server.9.log', Buffer.alloc(64 * 1024 * 1024, 32)])
  }
  const zip = await zipOf(entries)
  if (mode === 'traversal') {
    return Buffer.from(zip.toString('latin1').split(escapeStandIn).join(escapeName), 'latin1')
  }
  return mode === 'truncated' ? zip.subarray(0, Math.floor(zip.length / 2)) : zip
}

/**
 * plex.tv's PIN sign-in (reference §5.5) and the server's log download (§9.6), as the demo serves
 * them: `POST /api/v2/pins`, `GET /api/v2/pins/{id}`, a stand-in for the auth page at `/auth`
 * (app.plex.tv/auth on the real service) where the owner approves, and `GET /diagnostics/logs`.
 */
export function remoteRoutes(
  world: DemoWorld,
  dataDir: string,
  pins: PinStore,
  zipMode: () => LogsZipMode,
): DemoRoute[] {
  return [
    {
      methods: ['POST'],
      pattern: /^\/api\/v2\/pins\/?$/,
      auth: 'none',
      plexTv: true,
      handle: request => {
        const client = header(request, 'X-Plex-Client-Identifier')
        if (client === undefined || client === '') {
          return status(400, 'X-Plex-Client-Identifier is required')
        }
        const pin = pins.create(client, header(request, 'X-Plex-Product') ?? '', Date.now())
        return { status: 201, json: pinJson(pin) }
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/api\/v2\/pins\/(\d+)\/?$/,
      auth: 'none',
      plexTv: true,
      handle: (request, match): DemoResponse => {
        const pin = pins.find(Number(match[1]), Date.now())
        const client = header(request, 'X-Plex-Client-Identifier')
        return pin === undefined || pin.clientIdentifier !== client
          ? status(404, 'Not Found')
          : { status: 200, json: pinJson(pin) }
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/auth\/?$/,
      auth: 'none',
      handle: () => ({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        text: authPage,
      }),
    },
    {
      methods: ['POST'],
      pattern: /^\/auth\/approve\/?$/,
      auth: 'none',
      handle: request => {
        const code = new URLSearchParams(request.body).get('code') ?? ''
        const approved = pins.approve(code, world.prefs.identity().token, Date.now())
        return {
          status: approved ? 200 : 400,
          contentType: 'text/html; charset=utf-8',
          text: approved
            ? '<!doctype html><title>Signed in</title><p>Hush may now use your account. You can close this window.</p>'
            : '<!doctype html><title>Not signed in</title><p>This sign-in code has expired or was refused.</p>',
        }
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/diagnostics\/logs\/?$/,
      auth: 'token',
      handle: async () => ({
        status: 200,
        contentType: 'application/zip',
        bytes: await logsZip(dataDir, zipMode()),
      }),
    },
  ]
}

// The demo's stand-in for Plex's sign-in page: the code travels in the fragment, as on app.plex.tv.
const authPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to the demo account</title></head>
<body>
<h1>Allow Hush to use the demo Plex account?</h1>
<form method="post" action="/auth/approve">
<input type="hidden" name="code" id="code">
<button type="submit">Allow</button>
</form>
<script>
document.getElementById('code').value = new URLSearchParams(location.hash.replace(/^#\\??/, '')).get('code') || ''
</script>
</body></html>`
