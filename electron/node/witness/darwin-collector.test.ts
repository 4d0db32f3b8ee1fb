import { execFileSync } from 'node:child_process'
import { createServer, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createHelperLauncher } from '../../demo/helper-processes'
import { createDarwinCollector } from './darwin-collector'

// lsof is one program on macOS and Linux: the macOS reader's lsof command runs here against real
// processes named like Plex's. nettop is macOS's alone; its parser is tested on its own.
const lsof = (() => {
  try {
    execFileSync('lsof', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup()
  }
})

describe.runIf(process.platform === 'linux' && lsof)("the macOS witness's lsof, run here", () => {
  it('lists the Plex processes’ connections only, with their names', async () => {
    const sockets = new Set<Socket>()
    const server = createServer(socket => {
      sockets.add(socket)
      socket.on('data', () => undefined)
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => {
      sockets.forEach(s => s.destroy())
      server.close()
    })
    const at = server.address()
    const port = typeof at === 'object' && at ? at.port : 0
    const launcher = await createHelperLauncher()
    cleanups.push(launcher.close)
    const relay = await launcher.start('Plex Relay')
    relay.send({
      op: 'hold',
      key: 'r',
      host: '127.0.0.1',
      port,
      hello: 10,
      beatBytes: 1,
      beatMs: 60_000,
    })
    await new Promise<void>(resolve => relay.onEvent(e => e.event === 'connected' && resolve()))

    const sample = await createDarwinCollector({ bytes: false })()
    const ours = sample.sockets.filter(s => s.pid === relay.pid)
    expect(ours).toEqual([
      expect.objectContaining({
        processId: 'relay',
        processLabel: 'Plex Relay',
        command: 'Plex Relay',
        remote: { address: '127.0.0.1', port },
        state: 'ESTABLISHED',
      }),
    ])
    // The listener is this test's own process: lsof's -c leaves it out.
    expect(sample.sockets.some(s => s.pid === process.pid)).toBe(false)
  })
})
