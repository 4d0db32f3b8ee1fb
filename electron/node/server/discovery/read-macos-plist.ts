import { join } from 'node:path'
import type { CommandRunner } from './command-runner'
import { storedPreferencesFrom, type StoredPreferences } from './read-preferences-xml'

/** The macOS preferences domain of PMS. */
export const macosPlistDomain = 'com.plexapp.plexmediaserver'

/** The plist file of PMS under a home folder. */
export function macosPlistPath(home: string): string {
  return join(home, 'Library', 'Preferences', `${macosPlistDomain}.plist`)
}

const entities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16))
    }
    if (name.startsWith('#')) {
      return String.fromCodePoint(Number(name.slice(1)))
    }
    return entities[name] ?? whole
  })
}

/** Reads the flat top-level dict of an XML plist into key → text (true/false as "1"/"0"). */
export function parsePlistXml(xml: string): Record<string, string> {
  const values: Record<string, string> = {}
  const pair =
    /<key>([^<]*)<\/key>\s*(?:<(string|integer|real|date)>([^<]*)<\/\2>|<(string)\/>|<(true|false)\/>)/g
  for (const match of xml.matchAll(pair)) {
    const [, key = '', , text, emptyString, flag] = match
    const name = decodeEntities(key)
    values[name] = flag
      ? flag === 'true'
        ? '1'
        : '0'
      : emptyString
        ? ''
        : decodeEntities(text ?? '')
  }
  return values
}

/**
 * Reads the PMS preferences on macOS: `plutil` turns the (often binary) plist into XML, and
 * `defaults export` is the fallback. Null when neither finds them.
 */
export async function readMacosPlist(
  run: CommandRunner,
  home: string,
): Promise<StoredPreferences | null> {
  const path = macosPlistPath(home)
  const attempts: Array<[string, string[], string]> = [
    ['plutil', ['-convert', 'xml1', '-o', '-', path], path],
    ['defaults', ['export', macosPlistDomain, '-'], `defaults domain ${macosPlistDomain}`],
  ]
  for (const [file, args, location] of attempts) {
    const output = await run(file, args)
    if (output.ok && output.value.includes('<plist')) {
      return storedPreferencesFrom(parsePlistXml(output.value), location, 'plist')
    }
  }
  return null
}
