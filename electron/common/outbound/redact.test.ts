import { describe, expect, it } from 'vitest'
import { containsSecret, redactText } from './redact'

const jwt =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'

describe('redactText', () => {
  it.each([
    [
      'https://plex.tv/a?X-Plex-Token=AbCdEf1234567890aBcD',
      'https://plex.tv/a?X-Plex-Token=REDACTED',
    ],
    [
      'https://plex.tv/a?auth_token=AbCdEf1234567890aBcD&x=1',
      'https://plex.tv/a?auth_token=REDACTED&x=1',
    ],
    [
      'https://plex.tv/api/claim/exchange?token=claim-AbCdEf123',
      'https://plex.tv/api/claim/exchange?token=REDACTED',
    ],
    [
      'http://127.0.0.1:32400/x?url=http%3A%2F%2Fh%2Fy%3FX-Plex-Token%3DAbCdEf1234567890aBcD',
      'http://127.0.0.1:32400/x?url=http%3A%2F%2Fh%2Fy%3FX-Plex-Token%3DREDACTED',
    ],
    [
      '--sentryUrl=https://o1.ingest.sentry.io/api/1/ --sentryKey=0123456789abcdef',
      '--sentryUrl=https://o1.ingest.sentry.io/api/1/ --sentryKey=REDACTED',
    ],
    [
      'X-Plex-Token => AbCdEf1234567890aBcD / X-Plex-Version => 1.39',
      'X-Plex-Token => REDACTED / X-Plex-Version => 1.39',
    ],
    ['Authorization: Bearer AbCdEf1234567890aBcD', 'Authorization: REDACTED'],
    [
      `https://clients.plex.tv/api/v2/auth?jwt=${jwt}`,
      'https://clients.plex.tv/api/v2/auth?jwt=REDACTED',
    ],
    [`token ${jwt} seen`, 'token REDACTED seen'],
    ['https://user:hunter2@example.com/hook', 'https://REDACTED@example.com/hook'],
    [
      'https://plex.tv/api/v2/users/signin?login=owner@example.com&password=hunter2',
      'https://plex.tv/api/v2/users/signin?login=REDACTED-EMAIL&password=REDACTED',
    ],
    ['https://plex.tv/x?email=owner%40example.com', 'https://plex.tv/x?email=REDACTED-EMAIL'],
    ['<User authToken="AbCdEf1234567890aBcD" />', '<User authToken="REDACTED" />'],
    ['{"authToken":"AbCdEf1234567890aBcD"}', '{"authToken":"REDACTED"}'],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected)
    expect(containsSecret(expected)).toBe(false)
    expect(redactText(expected)).toBe(expected)
  })

  it("leaves an empty token, the server's own mask and ordinary URLs alone", () => {
    const urls = [
      'https://plex.tv/api/v2/release_channels?X-Plex-Token=',
      'https://plex.tv/a?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx',
      'https://plex.tv/updater/products/1/check.xml?build=linux-ubuntu-x86_64&channel=16&version=1.9.4',
      'http://127.0.0.1:32400/activities/?percentComplete=%2B0%2E000369499467&subtitle=x',
    ]
    for (const url of urls) {
      expect(redactText(url)).toBe(url)
    }
  })

  it('detects what it would remove', () => {
    expect(containsSecret('https://plex.tv/a?X-Plex-Token=AbCdEf1234567890aBcD')).toBe(true)
    expect(containsSecret('owner@example.com')).toBe(true)
    expect(containsSecret(jwt)).toBe(true)
  })
})
