/** Marks a branch that the type system proves unreachable; throws if reached at run time. */
export function assertNever(value: never, message: string): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`)
}

/** Throws when an internal invariant does not hold: a bug, never an expected failure. */
export function strictAssert(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`)
  }
}
