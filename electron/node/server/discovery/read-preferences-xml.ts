import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { appError, type AppError } from '../../../common/api/errors'
import { err, ok, type Result } from '../../../common/util/result'
import { readRegularFile } from '../../files/regular-file'
import { tokenHint } from '../token-source'

/** What Hush needs from the server's stored preferences, wherever they are kept. */
export interface StoredPreferences {
  /** Where they were read: a Preferences.xml path, a registry key, a plist. */
  readonly location: string
  readonly source: 'file' | 'registry' | 'plist'
  /** The id that `/identity` reports (ProcessedMachineIdentifier), else the raw MachineIdentifier. */
  readonly machineIdentifier: string | null
  /** `PlexOnlineToken`: a secret, never printed. */
  readonly token: string | null
  readonly friendlyName: string | null
  /** Windows only: a moved data folder (`LocalAppDataPath`). */
  readonly localAppDataPath: string | null
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  htmlEntities: true,
  ignoreDeclaration: true,
})

/** Picks the fields Hush uses out of the stored key/value pairs (same names on every platform). */
export function storedPreferencesFrom(
  values: Readonly<Record<string, string>>,
  location: string,
  source: StoredPreferences['source'],
): StoredPreferences {
  const pick = (name: string) => (values[name] ? values[name] : null)
  return {
    location,
    source,
    machineIdentifier: pick('ProcessedMachineIdentifier') ?? pick('MachineIdentifier'),
    token: pick('PlexOnlineToken'),
    friendlyName: pick('FriendlyName'),
    localAppDataPath: pick('LocalAppDataPath'),
  }
}

/** Parses the text of a Preferences.xml: one `<Preferences …/>` element whose attributes are the prefs. */
export function parsePreferencesXml(
  text: string,
  location: string,
): Result<StoredPreferences, AppError> {
  const malformed = (why: string) =>
    err(
      appError(
        'preferencesMalformed',
        `${location} is malformed (${why}); the server may be writing it, try again`,
      ),
    )
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (trimmed === '') {
    return malformed('it is empty')
  }
  const valid = XMLValidator.validate(trimmed)
  if (valid !== true) {
    return malformed(`line ${valid.err.line}: ${valid.err.msg}`)
  }
  const parsed = parser.parse(trimmed) as Record<string, unknown>
  const root = parsed.Preferences
  if (root === undefined) {
    return malformed('no <Preferences> element')
  }
  const attributes: Record<string, string> = {}
  if (typeof root === 'object' && root !== null) {
    for (const [name, value] of Object.entries(root)) {
      if (typeof value === 'string') {
        attributes[name] = value
      }
    }
  }
  return ok(storedPreferencesFrom(attributes, location, 'file'))
}

/**
 * The most of a Preferences.xml Hush reads. A real one is a few KiB (about 150 attributes); a
 * larger file is refused with a clear error instead of being parsed into memory.
 */
export const maxPreferencesBytes = 4 * 1024 * 1024

/**
 * Reads and parses a Preferences.xml file; a missing file is null, a broken one an error. A FIFO,
 * device or socket in its place is refused before it is opened, and a file over
 * maxPreferencesBytes before it is read.
 */
export async function readPreferencesXml(
  path: string,
): Promise<Result<StoredPreferences | null, AppError>> {
  const read = await readRegularFile(path, maxPreferencesBytes, 'a Preferences.xml')
  if (!read.ok) {
    const { code, errno, message } = read.error
    if (code === 'missing') {
      return ok(null)
    }
    if (code === 'notRegular' || code === 'tooLarge') {
      return err(appError('preferencesMalformed', message))
    }
    // Typically EACCES: the file belongs to the plex user. Hush cannot get the token from it.
    return err(
      appError(
        'tokenNotFound',
        `cannot read ${path} (${errno ?? 'error'}): run Hush as a user who may read it, or give the token in ${tokenHint}`,
      ),
    )
  }
  return parsePreferencesXml(read.value, path)
}
