import { describe, expect, it } from 'vitest'
import { err, ok } from './result'

describe('Result', () => {
  it('carries a value or an error, told apart by ok', () => {
    const good = ok(3)
    const bad = err({ kind: 'timeout' })
    expect(good.ok && good.value).toBe(3)
    expect(!bad.ok && bad.error.kind).toBe('timeout')
  })
})
