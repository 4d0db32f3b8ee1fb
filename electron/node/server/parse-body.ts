import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { err, ok, type Result } from '../../common/util/result'

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Every element below the root is a list, as in PMS JSON ("Setting": [...]), whatever its count.
  isArray: (_name, jpath, _isLeaf, isAttribute) => !isAttribute && String(jpath).includes('.'),
})

/**
 * Parses a PMS or plex.tv body, JSON or XML, into one plain shape: `{ Root: { attr…, Child: [ … ] } }`.
 *
 * XML attributes become string properties and child elements become arrays, so that one zod schema
 * (with the lenient scalars of plex-values.ts) reads both forms. The failure is a short reason.
 */
export function parseBody(text: string, contentType: string | null): Result<unknown, string> {
  const trimmed = text.trim()
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[')
  if ((contentType ?? '').includes('json') || looksJson) {
    try {
      return ok(JSON.parse(trimmed) as unknown)
    } catch {
      return err('the body is not valid JSON')
    }
  }
  if (!trimmed.startsWith('<')) {
    return err('the body is neither JSON nor XML')
  }
  const valid = XMLValidator.validate(trimmed)
  if (valid !== true) {
    return err(`the body is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`)
  }
  return ok(xmlParser.parse(trimmed) as unknown)
}
