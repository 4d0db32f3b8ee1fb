import { describe, expect, it } from 'vitest'
import { apiEventNames, apiMethodNames, apiMethods } from './contract'

describe('the contract', () => {
  it('lists every method name for the preload, and no other', () => {
    expect([...apiMethodNames].sort()).toEqual(Object.keys(apiMethods).sort())
  })

  it('names methods namespace.verb and events namespace.pastTense', () => {
    for (const name of apiMethodNames) {
      expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/)
    }
    for (const name of apiEventNames) {
      expect(name).toMatch(/^[a-z]+\.[a-z]+ed$/)
    }
  })
})
