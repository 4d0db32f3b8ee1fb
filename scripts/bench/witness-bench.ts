// The connection witness's cost (docs/performance.md): sampling the Plex processes' connections
// every 2 s and storing each flow in the outbound log (as the core does), in a process of its own,
// against a baseline process that loads the same bundle, opens a store the same way and samples
// nothing, side by side. CPU counts the tools it runs (ss) too. Linux (reads /proc).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type Socket } from 'node:net'
import { startDemoServer } from '../../electron/demo/start-demo-server'
import { openOutboundLog } from '../../electron/node/outbound/outbound-log'
import { createCoreWitness } from '../../electron/node/witness/core-witness'
import { row } from './bench-table'

const [mode, seconds, interval, dataDir, stateDir] = process.argv.slice(2)

// Child modes: `--idle S … STATE` opens a store and waits; `--sample S INTERVAL DATA STATE` runs the
// core's witness on the demo's data folder, storing what it sees. Both print what they saw.
if (mode === '--idle' || mode === '--sample') {
  const outbound = openOutboundLog({ stateDir: stateDir as string })
  const witness = mode === '--sample' ? createCoreWitness({ outbound }) : undefined
  await witness?.watch(dataDir as string, {
    enabled: true,
    intervalSeconds: Number(interval),
    resolvePlexHosts: false,
  })
  await new Promise(resolve => setTimeout(resolve, Number(seconds) * 1000))
  const status = witness?.status()
  witness?.stop()
  console.log(
    JSON.stringify({
      stored: outbound.count({ witness: 'network' }),
      relayOpen: status?.relay?.closedAt === null,
      notices: status?.notices ?? [],
    }),
  )
  await outbound.close()
  process.exit(0)
}

const clockTicks = 100 // USER_HZ

/** CPU seconds of a process and of the children it waited for (ss), from /proc/<pid>/stat. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  const f = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number)
  // utime, stime, cutime, cstime are fields 14-17 (11-14 after the name and state).
  return ((f[11] ?? 0) + (f[12] ?? 0) + (f[13] ?? 0) + (f[14] ?? 0)) / clockTicks
}

/** Resident and peak memory of a process, in MB. */
async function memoryMb(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
}

function child(...args: string[]): { process: ChildProcess; output: Promise<string> } {
  const process_ = spawn(process.execPath, [process.argv[1] as string, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let text = ''
  process_.stdout?.on('data', (chunk: Buffer) => (text += String(chunk)))
  const output = new Promise<string>(resolve => process_.on('exit', () => resolve(text)))
  return { process: process_, output }
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** One side-by-side run: a sampling process and an idle one, over `measure` seconds. */
async function measure(intervalSeconds: number, settle: number, window: number) {
  const total = settle + window + 2
  const states = [join(dir, `idle-${runs}`), join(dir, `sampling-${runs}`)]
  runs += 1
  const idle = child('--idle', String(total), '0', demoDir, states[0] as string)
  const sampling = child(
    '--sample',
    String(total),
    String(intervalSeconds),
    demoDir,
    states[1] as string,
  )
  const pids = [idle.process.pid ?? 0, sampling.process.pid ?? 0] as const
  await sleep(settle * 1000)
  const before = await Promise.all(pids.map(cpuSeconds))
  await sleep(window * 1000)
  const after = await Promise.all(pids.map(cpuSeconds))
  const memory = await Promise.all(pids.map(memoryMb))
  const seen = JSON.parse(await sampling.output) as {
    stored: number
    relayOpen: boolean
    notices: string[]
  }
  await idle.output
  const percent = (i: 0 | 1) => (((after[i] ?? 0) - (before[i] ?? 0)) / window) * 100
  return {
    idlePercent: percent(0),
    samplingPercent: percent(1),
    idleMemory: memory[0] as { rss: number; peak: number },
    samplingMemory: memory[1] as { rss: number; peak: number },
    seen,
  }
}

if (process.platform !== 'linux') {
  console.log('witness bench: Linux only (it reads /proc); skipped')
  process.exit(0)
}

function printRun(title: string, run: Awaited<ReturnType<typeof measure>>): void {
  console.log(row(title, '', '', null))
  console.log(
    row(
      '  connections stored in the ledger (relay open at the end)',
      `${run.seen.stored} (${run.seen.relayOpen ? 'yes' : 'no'})`,
      '',
      null,
    ),
  )
  console.log(
    row(
      '  CPU, sampling every 2 s and storing (ss included)',
      `${run.samplingPercent.toFixed(2)}% core`,
      '< 1% of a core',
      run.samplingPercent < 1,
    ),
  )
  console.log(
    row(
      '  baseline process, same bundle and store, idle',
      `${run.idlePercent.toFixed(2)}% core`,
      '',
      null,
    ),
  )
  const extra = run.samplingMemory.peak - run.idleMemory.peak
  console.log(
    row(
      '  extra RSS (peak, against the baseline)',
      `${extra.toFixed(1)} MB`,
      '< 20 MB',
      extra < 20,
    ),
  )
  console.log(
    row(
      '  peak RSS sampling / baseline',
      `${run.samplingMemory.peak.toFixed(0)} / ${run.idleMemory.peak.toFixed(0)} MB`,
      '',
      null,
    ),
  )
  for (const message of run.seen.notices) {
    console.log(`  notice: ${message}`)
  }
}

async function tcpRows(): Promise<number> {
  const text = await readFile('/proc/net/tcp', 'utf8')
  return text.split('\n').length - 2
}

const dir = await mkdtemp(join(tmpdir(), 'hush-witness-bench-'))
const demoDir = join(dir, 'demo')
let runs = 0
// A demo whose helpers hold real connections (the relay, the server's keep-alive ones, uploads).
const demo = await startDemoServer({ dataDir: demoDir, seed: 7, connections: true })
demo.faults.advance(40 * 60_000)
const sockets: Socket[] = []
const server = createServer(socket => {
  sockets.push(socket)
  socket.on('error', () => undefined)
})
await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
const at = server.address()
let crowd: ChildProcess | undefined
try {
  const load = loadavg()[0] ?? 0
  const quietRows = await tcpRows()
  const quiet = await measure(2, 4, 30)
  // Thousands of other sockets on the machine: 900 connections from another process, 1,800 more
  // rows in /proc/net/tcp (two processes, so that neither needs more than 1,024 open files).
  const port = typeof at === 'object' && at ? at.port : 0
  crowd = spawn(
    process.execPath,
    [
      '-e',
      `const net = require('node:net'); let open = 0; for (let i = 0; i < 900; i += 1) net.connect(${port}, '127.0.0.1', () => { if (++open === 900) console.log('ready') }).on('error', () => {}); process.stdin.on('end', () => process.exit(0)); process.stdin.resume()`,
    ],
    { stdio: ['pipe', 'pipe', 'ignore'] },
  )
  await new Promise(resolve => crowd?.stdout?.once('data', resolve))
  const busyRows = await tcpRows()
  const busy = await measure(2, 4, 30)
  console.log('')
  console.log(row('what', 'measured', 'budget', null))
  console.log(row('machine', `${availableParallelism()} x ${cpus()[0]?.model ?? '?'}`, '', null))
  console.log(row('load average (1 min) at the start', load.toFixed(1), '', null))
  printRun(`witness, ${quietRows} rows in /proc/net/tcp`, quiet)
  printRun(`witness, ${busyRows} rows in /proc/net/tcp`, busy)
} finally {
  crowd?.stdin?.end()
  crowd?.kill()
  sockets.forEach(s => s.destroy())
  server.close()
  await demo.close()
  await rm(dir, { recursive: true, force: true })
}
