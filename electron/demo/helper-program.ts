/**
 * The program the demo's helper processes run (`node -e`), executed through a link named like
 * Plex's helper so that the operating system shows that name. It reads commands, one JSON object
 * a line, on standard input and reports on standard output; when standard input closes (the demo
 * stopped, or died) it exits, so no helper outlives its demo.
 *
 * Commands:
 * - `{"op":"hold","key":k,"host":h,"port":p,"hello":n,"beatBytes":n,"beatMs":ms}`: a long-lived
 *   connection (the relay's tunnel) that sends `hello` bytes, then `beatBytes` every `beatMs`;
 * - `{"op":"send","key":k,"host":h,"port":p,"bytes":n,"idleMs":ms}`: a request of n bytes on the
 *   connection `key`, opened when needed and closed after `idleMs` without requests (keep-alive);
 * - `{"op":"upload","key":k,"host":h,"port":p,"bytes":n,"chunks":c,"paceMs":ms}`: n bytes in c
 *   parts, one every paceMs, then close (a crash upload);
 * - `{"op":"close","key":k}`.
 * Reports: `{"event":"connected","key":k,"localAddress":a,"localPort":p}`,
 * `{"event":"closed","key":k}`, `{"event":"failed","key":k,"message":m}`.
 *
 * Plain JavaScript in a string: it runs in a bare Node process, from the bundle or from the tests.
 * It sends filler bytes only; no URL, token or title of the demo's traffic ever leaves.
 */
export const helperProgram = String.raw`
'use strict'
const net = require('node:net')
const connections = new Map()
const report = event => process.stdout.write(JSON.stringify(event) + '\n')
const filler = n => Buffer.alloc(Math.max(0, n), 120)
function open(command, onReady) {
  const existing = connections.get(command.key)
  if (existing) { onReady(existing); return }
  const socket = net.connect({ host: command.host, port: command.port })
  const entry = { socket, timer: undefined, beat: undefined }
  connections.set(command.key, entry)
  socket.on('connect', () => {
    report({ event: 'connected', key: command.key, localAddress: socket.localAddress, localPort: socket.localPort })
    onReady(entry)
  })
  socket.on('data', () => {})
  socket.on('error', error => report({ event: 'failed', key: command.key, message: error.message }))
  socket.on('close', () => {
    clearInterval(entry.beat)
    clearTimeout(entry.timer)
    if (connections.get(command.key) === entry) connections.delete(command.key)
    report({ event: 'closed', key: command.key })
  })
}
function run(command) {
  if (command.op === 'hold') {
    open(command, entry => {
      entry.socket.write(filler(command.hello))
      entry.beat = entry.beat || setInterval(() => entry.socket.write(filler(command.beatBytes)), command.beatMs)
    })
  } else if (command.op === 'send') {
    open(command, entry => {
      entry.socket.write(Buffer.concat([filler(command.bytes - 1), Buffer.from('\n')]))
      clearTimeout(entry.timer)
      entry.timer = setTimeout(() => entry.socket.end(), command.idleMs)
    })
  } else if (command.op === 'upload') {
    open(command, entry => {
      const part = Math.ceil(command.bytes / Math.max(1, command.chunks || 1))
      let left = command.bytes
      const next = () => {
        const size = Math.min(part, left)
        left -= size
        if (left > 0) {
          entry.socket.write(filler(size))
          entry.timer = setTimeout(next, command.paceMs || 0)
        } else {
          entry.socket.end(Buffer.concat([filler(size - 1), Buffer.from('\n')]))
        }
      }
      next()
    })
  } else if (command.op === 'close') {
    const entry = connections.get(command.key)
    if (entry) entry.socket.end()
  }
}
let buffered = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', chunk => {
  buffered += chunk
  let at
  while ((at = buffered.indexOf('\n')) >= 0) {
    const line = buffered.slice(0, at)
    buffered = buffered.slice(at + 1)
    try { run(JSON.parse(line)) } catch (error) { report({ event: 'failed', key: '', message: String(error) }) }
  }
})
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
`
