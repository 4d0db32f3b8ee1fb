/**
 * Reads CSV as PowerShell's ConvertTo-Csv and `tasklist /FO CSV` write it: fields in double
 * quotes, a quote inside doubled, CRLF or LF. A field may hold commas ("142,320 K").
 */
export function readCsvRows(text: string): string[][] {
  const rows: string[][] = []
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (line.trim() === '') {
      continue
    }
    const fields: string[] = []
    let field = ''
    let quoted = false
    for (let i = 0; i < line.length; i += 1) {
      const c = line[i]
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          field += '"'
          i += 1
        } else if (c === '"') {
          quoted = false
        } else {
          field += c
        }
      } else if (c === '"') {
        quoted = true
      } else if (c === ',') {
        fields.push(field)
        field = ''
      } else {
        field += c
      }
    }
    fields.push(field)
    rows.push(fields)
  }
  return rows
}
