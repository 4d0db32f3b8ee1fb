import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** A path with a folder named `….asar` in it: a file inside an Electron app archive. */
const insideArchive = /[\\/][^\\/]+\.asar[\\/]/

/**
 * What a worker thread is started from, given the worker bundle's file. Inside the desktop app's
 * `app.asar` the file is read here, where Electron's `fs` reads the archive and checks its
 * integrity, and handed to the worker as a `data:` URL (loaded as an ES module, so the bundle
 * must need neither `require` nor its own address). Loading a worker's ES module straight out of
 * an archive is not something every Electron release does, and an unpacked copy would sit outside
 * the archive's integrity check. Anywhere else the file is loaded as it is.
 */
export function workerScript(file: URL): URL {
  const path = fileURLToPath(file)
  if (!insideArchive.test(path)) {
    return file
  }
  const code = readFileSync(path)
  return new URL(`data:text/javascript;base64,${code.toString('base64')}`)
}
