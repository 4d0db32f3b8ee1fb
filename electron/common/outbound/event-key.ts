/**
 * A 64-bit FNV-1a hash of a string as 16 hex digits: the stable identity of an exchange.
 *
 * Two independent 32-bit lanes keep it cheap (no BigInt) while making collisions between distinct
 * log lines practically impossible for a ledger of a few million rows.
 */
export function eventKey(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15)
  }
  return hex8(a) + hex8(b)
}

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0')
}
