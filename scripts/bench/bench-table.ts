/** One line of the bench's table: what, the figure, its budget, and ok / MISSED when it has one. */
export function row(what: string, value: string, budget: string, ok: boolean | null): string {
  const verdict = ok === null ? '' : ok ? 'ok' : 'MISSED'
  return `${what.padEnd(52)} ${value.padStart(18)}   ${budget.padEnd(20)} ${verdict}`
}

/** A number with thousands separators. */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}

/** Milliseconds, to two decimals under 10 and whole above. */
export function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`
}

/** The best of `runs` timings of an async `fn`. */
export async function bestAsync(runs: number, fn: () => Promise<void>): Promise<number> {
  let min = Infinity
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    min = Math.min(min, performance.now() - t)
  }
  return min
}

/** Bytes in a mebibyte. */
export const MiB = 1024 * 1024
