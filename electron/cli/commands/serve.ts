import { cliStateDir } from '../command-core'
import { isLoopbackHost } from '../../web/http-security'
import { startWebHost } from '../../web/web-host'
import { exitCode, fail, flagOption, integerOption, stringOption, type Command } from '../command'

/** `hush serve`: the dashboard in a browser, for servers without a desktop (a NAS). */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'The dashboard in a browser, on 127.0.0.1 (--demo: with a demo server)',
  usage: '[--port N] [--demo] [--host ADDR] [--state-dir DIR]',
  options: {
    port: { type: 'string' },
    demo: { type: 'boolean' },
    host: { type: 'string' },
    'state-dir': { type: 'string' },
    speed: { type: 'string' },
  },
  async run(context) {
    const { io } = context
    const host = stringOption(context, 'host') ?? '127.0.0.1'
    const password = io.env.HUSH_WEB_PASSWORD
    if (!isLoopbackHost(host) && !password) {
      return fail(
        io,
        `--host ${host} would expose Hush to your network: set a password in HUSH_WEB_PASSWORD first`,
      )
    }
    // Behind a container's port or on a NAS the browser names the machine, not the bound address:
    // HUSH_WEB_HOSTS lists those names (the Host check against DNS rebinding stays on).
    const named = (io.env.HUSH_WEB_HOSTS ?? '')
      .split(',')
      .map(name => name.trim())
      .filter(name => name !== '')
    const wildcard = host === '0.0.0.0' || host === '::'
    let web
    try {
      web = await startWebHost({
        stateDir: cliStateDir(context),
        env: io.env,
        port: integerOption(context, 'port', 0),
        host,
        password: isLoopbackHost(host) ? undefined : password,
        allowedHosts: [...(wildcard ? [] : [host]), ...named],
        demo: flagOption(context, 'demo'),
        demoSpeed: integerOption(context, 'speed', 1),
        onWarning: message => io.stderr(`hush: warning: ${message}\n`),
      })
    } catch (error) {
      return fail(io, error instanceof Error ? error.message : String(error))
    }
    io.stdout(
      `Hush is serving the dashboard. Open this address in your browser:\n\n  ${web.server.openUrl}\n\n`,
    )
    io.stdout(
      isLoopbackHost(host)
        ? 'The address signs in one browser, once (start hush serve again for another). Press Ctrl-C to stop.\n'
        : 'Sign in with the password in HUSH_WEB_PASSWORD. Press Ctrl-C to stop.\n',
    )
    await new Promise<void>(resolve => {
      if (io.signal.aborted) {
        resolve()
      }
      io.signal.addEventListener('abort', () => resolve(), { once: true })
    })
    await web.close()
    io.stdout('Stopped.\n')
    return exitCode.ok
  },
}
