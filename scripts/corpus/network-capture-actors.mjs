// The processes behind test/corpus/network/linux_*_hush-capture.txt: stand-ins for the hosts a
// Plex server talks to, and processes executed through symbolic links named like Plex's helpers,
// so the operating system shows their names. Run by capture-network-samples.sh, in a network
// namespace of its own. Roles: `stand-ins`, `server`, `relay`, `uploader`.
import dgram from 'node:dgram'
import net from 'node:net'

const role = process.argv[2]
const hold = []
// A peer going away is part of the picture, never a reason to stop.
const keep = socket => {
  socket.on('error', () => undefined)
  hold.push(socket)
}

if (role === 'stand-ins') {
  // The relay (127.0.0.2:4443), Sentry (127.0.0.3:4444), plex.tv (127.0.0.4:4443) and an IPv6
  // dual-stack host ([::]:4445). Each answers 512 bytes; one closes its side after a second, so the
  // server's socket stays in CLOSE_WAIT.
  const listen = (host, port, closeAfter) => {
    const server = net.createServer(socket => {
      keep(socket)
      socket.on('data', () => undefined)
      socket.write('s'.repeat(512))
      if (closeAfter) setTimeout(() => socket.end(), closeAfter)
    })
    server.listen(port, host)
  }
  listen('127.0.0.2', 4443)
  listen('127.0.0.3', 4444)
  listen('127.0.0.4', 4443)
  listen('::', 4445, 1000)
  // The router's SSDP port, so that the server's connected UDP socket has someone to talk to.
  keep(dgram.createSocket('udp4').bind(1900, '127.0.0.5'))
}

if (role === 'server') {
  // Listens where a real server does (32400 on all addresses, 32401 on loopback, GDM on UDP 32410),
  // holds a connection to the plex.tv stand-in, one over IPv6 and one to an IPv4-mapped address,
  // and a connected UDP socket.
  net.createServer(keep).listen(32400, '0.0.0.0')
  net
    .createServer(socket => {
      keep(socket)
      socket.on('data', () => undefined)
    })
    .listen(32401, '127.0.0.1')
  keep(dgram.createSocket('udp4').bind(32410, '0.0.0.0'))
  keep(dgram.createSocket('udp6').bind(32414, '::'))
  // allowHalfOpen: when a stand-in closes its side, the server's side waits in CLOSE_WAIT.
  const out = (port, host) => {
    const socket = net.connect({ port, host, allowHalfOpen: true }, () =>
      socket.write('p'.repeat(2048)),
    )
    socket.on('data', () => undefined)
    socket.on('end', () => undefined)
    keep(socket)
  }
  out(4443, '127.0.0.4')
  out(4445, '::1')
  setTimeout(() => out(4445, '::ffff:127.0.0.1'), 300)
  const udp = dgram.createSocket('udp4')
  keep(udp)
  udp.connect(1900, '127.0.0.5', () => udp.send('M-SEARCH'))
}

if (role === 'relay') {
  // The relay's tunnel to the relay stand-in, and its forward back to the server's 32401.
  const tunnel = net.connect(4443, '127.0.0.2', () => tunnel.write('r'.repeat(4096)))
  tunnel.on('data', () => undefined)
  const back = net.connect(32401, '127.0.0.1', () => back.write('f'.repeat(300)))
  keep(tunnel)
  keep(back)
}

if (role === 'uploader') {
  // Uploads 20000 bytes to the Sentry stand-in and closes first (its side goes to TIME_WAIT).
  const upload = net.connect(4444, '127.0.0.3', () => upload.end('u'.repeat(20000)))
  keep(upload)
  upload.on('data', () => undefined)
  upload.on('close', () => setTimeout(() => process.exit(0), 100))
}

// Every actor lives until the capture stops it.
setTimeout(() => process.exit(0), 60_000)
