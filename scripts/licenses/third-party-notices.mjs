// The notices of the npm packages the bundles carry: their code ships inside Hush's own files, so
// their licenses (MIT, ISC, BSD, Apache) must ship beside it. Written by scripts/build.mjs as
// dist/THIRD-PARTY-NOTICES.txt, which the npm package and the desktop app both include.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/** The folder of the package a bundled module file belongs to, or null for Hush's own files. */
export function packageDirOf(root, file) {
  const parts = relative(root, file.replace(/^\0+/, '').split('?')[0]).split(sep)
  const at = parts.lastIndexOf('node_modules')
  if (at < 0 || at + 1 >= parts.length) {
    return null
  }
  const width = parts[at + 1].startsWith('@') ? 2 : 1
  return join(root, ...parts.slice(0, at + 1 + width))
}

function licenseText(dir) {
  const file = readdirSync(dir).find(name => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(name))
  return file ? readFileSync(join(dir, file), 'utf8').trim() : null
}

/**
 * The notices text for the packages of these module files (absolute or relative to `root`). A
 * package without a license file is named with its declared license, so that none is left out.
 */
export function thirdPartyNotices(root, files) {
  const dirs = new Set()
  for (const file of files) {
    const dir = packageDirOf(root, join(root, relative(root, file)))
    if (dir && existsSync(join(dir, 'package.json'))) {
      dirs.add(dir)
    }
  }
  const packages = [...dirs]
    .map(dir => ({ dir, meta: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .sort((a, b) => a.meta.name.localeCompare(b.meta.name))
  const seen = new Set()
  const sections = []
  for (const { dir, meta } of packages) {
    const id = `${meta.name}@${meta.version}`
    if (seen.has(id)) {
      continue
    }
    seen.add(id)
    const author = typeof meta.author === 'string' ? meta.author : meta.author?.name
    const text =
      licenseText(dir) ??
      `(no license file; package.json declares ${meta.license ?? 'none'}${author ? `, author ${author}` : ''})`
    sections.push(`${id} (${meta.license ?? 'unknown'})\n\n${text}`)
  }
  return ['Hush bundles code of the following npm packages. Their notices follow.', ...sections]
    .join(`\n\n${'-'.repeat(72)}\n\n`)
    .concat('\n')
}
