/**
 * A stored event's key as the parser writes it (event-key.ts `keyText`), in SQL: wall-clock ms
 * and the hash's two lanes, in hex. `table` is the alias of `events` in the query, if any.
 */
export function storedKeySql(table = ''): string {
  const t = table === '' ? '' : `${table}.`
  return `printf('%011x%08x%08x', ${t}wall, ${t}h1 & 4294967295, ${t}h2 & 4294967295)`
}
