import { execFile } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { startCommand, type RunningCommand } from '../package/child-process'
import { parseDockerfile } from './dockerfile'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const image = parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'))
const password = 'correct horse battery staple'

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise(resolve => server.close(resolve))
  return port
}

/** One HTTP request with full control of its headers (Host included). */
function call(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body)
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: {
          ...(body ? { 'Content-Type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      response => {
        let text = ''
        response.on('data', (chunk: Buffer) => (text += chunk.toString()))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * The container without a container engine: a temporary folder laid out like the image (the
 * entrypoint where COPY puts it, `hush` on the PATH, the state volume, the Plex folder mounted at
 * its place), and the image's own ENTRYPOINT + CMD run there with its ENV, against a demo server
 * whose data folder is "mounted" where docs/container.md says to mount a real one.
 */
describe('the container image, run as written', () => {
  const box = mkdtempSync(join(tmpdir(), 'hush-container-'))
  const inBox = (path: string) => join(box, path)
  const exposed = Number(image.exposed[0]?.split('/')[0])
  let port = 0
  let demo: RunningCommand
  let hush: RunningCommand
  let env: NodeJS.ProcessEnv = {}
  let run: (args: readonly string[]) => string[]

  beforeAll(async () => {
    // `hush` on the PATH: the image installs the package's bin there; the clone's bin stands in.
    mkdirSync(inBox('/usr/local/bin'), { recursive: true })
    symlinkSync(join(root, 'bin', 'hush.mjs'), inBox('/usr/local/bin/hush'))
    for (const copy of image.copies) {
      mkdirSync(dirname(inBox(copy.target)), { recursive: true })
      copyFileSync(join(root, copy.source), inBox(copy.target))
    }
    // ENV values that are container paths point into the box.
    const imageEnv = Object.fromEntries(
      Object.entries(image.env).map(([key, value]) => [
        key,
        isAbsolute(value) ? inBox(value) : value,
      ]),
    )
    for (const dir of [...image.volumes, image.workdir ?? '/']) {
      mkdirSync(inBox(dir), { recursive: true })
    }
    mkdirSync(inBox('/run/secrets'), { recursive: true })
    writeFileSync(inBox('/run/secrets/hush_password'), `${password}\n`)

    const pmsFolder = join(
      imageEnv.PLEX_MEDIA_SERVER_APPLICATION_SUPPORT_DIR ?? '',
      'Plex Media Server',
    )
    demo = startCommand(
      process.execPath,
      [join(root, 'bin', 'hush.mjs'), 'demo', '--port', '0', '--data-dir', pmsFolder],
      {
        cwd: box,
        env: process.env,
      },
    )
    const [, serverUrl = ''] = await demo.waitFor(/URL:\s+(http:\/\/127\.0\.0\.1:\d+)/)

    port = await freePort()
    // The port is the only change to the image's words: another test may hold 8484.
    run = args => args.map(arg => arg.replaceAll(String(exposed), String(port)))
    env = {
      PATH: `${inBox('/usr/local/bin')}:${dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: box,
      ...imageEnv,
      // What compose.yaml adds: the secret, the names the browser uses, the server's address.
      HUSH_WEB_PASSWORD_FILE: inBox('/run/secrets/hush_password'),
      HUSH_WEB_HOSTS: 'nas.local',
      HUSH_SERVER: serverUrl,
    }
    const [entrypoint = '', ...entryArgs] = image.entrypoint
    hush = startCommand(inBox(entrypoint), run([...entryArgs, ...image.cmd]), {
      cwd: inBox(image.workdir ?? '/'),
      env,
    })
    await hush.waitFor(/Hush is serving the dashboard/)
  }, 120_000)

  afterAll(async () => {
    await hush?.stop()
    await demo?.stop()
    rmSync(box, { recursive: true, force: true })
  })

  it('is a small Node 20 image that runs as a user, keeps its state in a volume and serves on all addresses', () => {
    expect(image.from).toMatch(/^node:20-alpine/)
    expect(image.user).not.toBeNull()
    expect(['root', '0']).not.toContain(image.user)
    expect(image.volumes).toContain(image.env.HUSH_STATE_DIR)
    expect(image.cmd.slice(0, 4)).toEqual(['hush', 'serve', '--host', '0.0.0.0'])
    expect(image.cmd).toEqual(expect.arrayContaining(['--port', String(exposed)]))
  })

  it('passes its own health check', async () => {
    const [command = '', ...args] = run(image.healthcheck)
    const check = await promisify(execFile)(command === 'node' ? process.execPath : command, args, {
      env,
    })
    expect(check.stderr).toBe('')
  })

  it('serves the dashboard, and its API only after the password', async () => {
    const page = await call(port, '/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<div id="root">')
    const origin = `http://127.0.0.1:${port}`
    expect(
      (
        await call(port, '/api/switches.status', {
          method: 'POST',
          body: {},
          headers: { Origin: origin },
        })
      ).status,
    ).toBe(401)
    const wrong = await call(port, '/api/session', {
      method: 'POST',
      body: { secret: 'guess' },
      headers: { Origin: origin },
    })
    expect(wrong.status).toBe(401)
    const signIn = await call(port, '/api/session', {
      method: 'POST',
      body: { secret: password },
      headers: { Origin: origin },
    })
    expect(signIn.status).toBe(200)
    const cookie = String(signIn.headers['set-cookie'] ?? '').split(';')[0] ?? ''
    const { csrf } = JSON.parse(signIn.body) as { csrf: string }
    const headers = { Origin: origin, Cookie: cookie, 'X-Hush-CSRF': csrf }
    // The server found through the mounted folder: its Preferences.xml gives the token.
    const connected = await call(port, '/api/server.connectLocal', {
      method: 'POST',
      body: {},
      headers,
    })
    expect(JSON.parse(connected.body)).toMatchObject({ ok: true })
    const board = JSON.parse(
      (await call(port, '/api/switches.status', { method: 'POST', body: {}, headers })).body,
    ) as {
      ok: boolean
      value?: { switches: unknown[] }
    }
    expect(board.ok).toBe(true)
    expect(board.value?.switches.length).toBeGreaterThan(10)
  })

  it('answers to the names in HUSH_WEB_HOSTS and refuses others', async () => {
    expect((await call(port, '/', { headers: { Host: `nas.local:${port}` } })).status).toBe(200)
    expect((await call(port, '/', { headers: { Host: `evil.example:${port}` } })).status).toBe(421)
  })

  it('keeps Hush’s state in the volume', () => {
    expect(readdirSync(inBox(image.env.HUSH_STATE_DIR ?? '/data')).length).toBeGreaterThan(0)
  })

  it('refuses to start without a password', async () => {
    const { HUSH_WEB_PASSWORD_FILE: _file, ...withoutPassword } = env
    const refused = startCommand(inBox(image.entrypoint[0] ?? ''), run(image.cmd), {
      cwd: box,
      env: withoutPassword,
    })
    await new Promise(resolve => refused.child.once('exit', resolve))
    expect(refused.child.exitCode).toBe(1)
    expect(refused.output()).toMatch(/set a password in HUSH_WEB_PASSWORD/)
  })
})

describe('the compose example', () => {
  const compose = parse(readFileSync(join(root, 'compose.yaml'), 'utf8')) as {
    services: Record<
      string,
      { image?: string; build?: string; volumes?: string[]; environment?: Record<string, string> }
    >
  }
  const hush = compose.services.hush

  it('runs Hush from this Dockerfile beside a linuxserver/plex service', () => {
    expect(hush?.build).toBe('.')
    expect(compose.services.plex?.image).toMatch(/linuxserver\/plex/)
  })

  it('mounts the Plex data folder read-only where the image looks, and the state where it keeps it', () => {
    const plexFolder = `${image.env.PLEX_MEDIA_SERVER_APPLICATION_SUPPORT_DIR}/Plex Media Server`
    expect(hush?.volumes).toContainEqual(
      expect.stringMatching(
        new RegExp(`/Library/Application Support/Plex Media Server:${plexFolder}:ro$`),
      ),
    )
    expect(hush?.volumes).toContainEqual(
      expect.stringMatching(new RegExp(`:${image.env.HUSH_STATE_DIR}$`)),
    )
    expect(hush?.environment?.HUSH_WEB_PASSWORD_FILE).toMatch(/^\/run\/secrets\//)
  })
})
