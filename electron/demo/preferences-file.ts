import { writeFileAtomic } from '../node/files/write-file-atomic'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { readFile } from 'node:fs/promises'
import { err, ok, type Result } from '../common/util/result'
import { escapeXmlAttribute } from './xml-escape'

/** The attributes of a Preferences.xml, in file order. */
export type PreferenceAttributes = ReadonlyMap<string, string>

/**
 * Reads `<data dir>/Preferences.xml`: its attributes, or null when the file does not exist.
 *
 * A file that is not a well-formed `<Preferences …/>` is an error with the reason: the demo never
 * overwrites a file it could not read, just as an owner's real file must never be lost.
 */
export async function readPreferencesFile(
  path: string,
): Promise<Result<PreferenceAttributes | null, string>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return ok(null)
    }
    return err(`cannot read ${path}: ${(error as Error).message}`)
  }
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    return err(`${path} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`)
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    ignoreDeclaration: true,
    // Numeric character references (`&#10;`) as written by preferencesXml.
    htmlEntities: true,
    trimValues: false,
  })
  const parsed = parser.parse(text) as Record<string, unknown>
  const root = parsed.Preferences
  if (root === undefined || (typeof root !== 'object' && root !== '')) {
    return err(`${path} has no <Preferences> element`)
  }
  const attributes = new Map<string, string>()
  if (typeof root === 'object' && root !== null) {
    for (const [name, value] of Object.entries(root as Record<string, unknown>)) {
      if (typeof value === 'string' && !name.startsWith('#')) {
        attributes.set(name, value)
      }
    }
  }
  return ok(attributes)
}

/** The text of a Preferences.xml with these attributes, in the real file's shape. */
export function preferencesXml(attributes: PreferenceAttributes): string {
  const parts = [...attributes].map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
  return `<?xml version="1.0" encoding="utf-8"?>\n<Preferences${parts.join('')}/>\n`
}

/** Writes Preferences.xml atomically: a temporary file beside it, then a rename. */
export async function writePreferencesFile(
  path: string,
  attributes: PreferenceAttributes,
): Promise<void> {
  await writeFileAtomic(path, preferencesXml(attributes))
}
