/** Escapes text for an XML attribute value in double quotes. */
export function escapeXmlAttribute(text: string): string {
  return text.replace(/[&<>"\n\r\t]/g, char => xmlEntities[char] ?? char)
}

const xmlEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
}
