/** What replaces a secret value. */
export const redacted = 'REDACTED'

/** What replaces an e-mail address. */
export const redactedEmail = 'REDACTED-EMAIL'

/** How the server masks a token in its own log (`LogTokensForDebug` off): 20 `x`. */
export const serverMask = 'xxxxxxxxxxxxxxxxxxxx'

// A parameter whose name (decoded, any case) holds one of these is a secret wherever it appears.
const secretWords =
  /token|auth|key|secret|passw|pwd|passcode|signature|session|jwt|credential|cookie/i

// Short names that are secrets only as a whole (`sig=` of a signed URL, `pw=`, a one-time `code=`).
const secretExactNames = /^(?:sig|pw|pass|code|otp|pin)$/i

const percentRun = /(?:%[0-9A-Fa-f]{2})+/g

function decodeRun(run: string): string {
  try {
    return decodeURIComponent(run)
  } catch {
    // Not UTF-8: one character per byte, so that the letters of a name still show.
    return run.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    )
  }
}

/**
 * Percent-decodes a text again and again until nothing changes (`%253D` → `%3D` → `=`), so that
 * a name or value is checked in its plainest form, however often it was encoded. Malformed
 * sequences stay as they are. Each round shortens the text, so it ends.
 */
export function decodeFully(text: string): string {
  let current = text
  while (current.includes('%')) {
    const next = current.replace(percentRun, decodeRun)
    if (next === current) {
      break
    }
    current = next
  }
  return current
}

/** Whether a parameter name (in any encoding and case) names a secret. */
export function isSecretName(name: string): boolean {
  const plain = decodeFully(name)
  return secretWords.test(plain) || secretExactNames.test(plain.replace(/[^A-Za-z0-9]/g, ''))
}

/**
 * The masked form of a secret value: `REDACTED`, except an empty value and the server's own mask
 * (20 `x`), which hold no secret and stay as they are, recognisable.
 */
export function maskValue(value: string): string {
  const plain = decodeFully(value)
  return plain === '' || plain === serverMask ? value : redacted
}
