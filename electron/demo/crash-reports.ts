import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Random } from './random'

/** The folder of crash dumps inside the data folder. */
export const crashReportsFolder = 'Crash Reports'

/** The sub-folder of the server's own dumps (the only one the reference verifies). */
export const serverCrashFolder = 'PLEX MEDIA SERVER'

/** One dump in `Crash Reports/<version>/PLEX MEDIA SERVER/`. */
export interface CrashDump {
  readonly version: string
  readonly path: string
}

/** Every dump still on disk (a dump stays until it was uploaded). */
export function listCrashDumps(dataDir: string): CrashDump[] {
  const root = join(dataDir, crashReportsFolder)
  if (!existsSync(root)) {
    return []
  }
  const dumps: CrashDump[] = []
  for (const version of readdirSync(root).sort()) {
    const folder = join(root, version, serverCrashFolder)
    if (!existsSync(folder)) {
      continue
    }
    for (const name of readdirSync(folder).sort()) {
      if (name.endsWith('.dmp')) {
        dumps.push({ version, path: join(folder, name) })
      }
    }
  }
  return dumps
}

/** Writes one minidump of a version (the server crashed just now). */
export function writeCrashDump(dataDir: string, version: string, random: Random): void {
  const folder = join(dataDir, crashReportsFolder, version, serverCrashFolder)
  mkdirSync(folder, { recursive: true })
  writeDump(folder, random)
}

function writeDump(folder: string, random: Random): void {
  const name = `${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(8)}-${random.hex(8)}.dmp`
  const size = random.int(150, 900) * 1024
  const body = Buffer.alloc(size)
  body.write('MDMP', 0, 'latin1')
  body.writeUInt32LE(0xa793, 4)
  for (let at = 32; at < size; at += 4096) {
    body.writeUInt32LE(random.int(0, 0xffffffff), at)
  }
  writeFileSync(join(folder, name), body)
}

/**
 * Writes a few minidumps of one version on the first start (when its folder does not exist yet):
 * names in the real `55fa22c2-cf75-aa9d-06f0a74b-4ed5bfab.dmp` shape, sizes of real minidumps
 * (150–900 KiB). A folder emptied by an upload or by the owner is never filled again.
 */
export function seedCrashDumps(
  dataDir: string,
  version: string,
  count: number,
  random: Random,
): void {
  const folder = join(dataDir, crashReportsFolder, version, serverCrashFolder)
  if (existsSync(join(dataDir, crashReportsFolder, version))) {
    return
  }
  mkdirSync(folder, { recursive: true })
  for (let n = 0; n < count; n++) {
    writeDump(folder, random)
  }
}

/**
 * Removes the dumps of a version folder once CrashUploader reported success.
 *
 * What the real server does with an uploaded dump is not documented (reference §3.4). The uploader is
 * handed the whole version folder each run and the layout has no "uploaded" marker, so the demo
 * deletes uploaded dumps: a dump still on disk is a pending one.
 */
export function removeUploadedDumps(dataDir: string, version: string): void {
  const folder = join(dataDir, crashReportsFolder, version, serverCrashFolder)
  for (const name of existsSync(folder) ? readdirSync(folder) : []) {
    if (name.endsWith('.dmp')) {
      rmSync(join(folder, name), { force: true })
    }
  }
}
