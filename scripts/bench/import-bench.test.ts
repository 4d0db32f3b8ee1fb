import { describe, expect, it } from 'vitest'
import { bestImport, type ImportFigures } from './import-bench'

describe('the import figure of several runs', () => {
  const slow: ImportFigures = {
    inserted: 522_061,
    ms: 5_100,
    cpuMs: 7_900,
    peakRssMb: 190,
    longestPauseMs: 240,
  }
  const fast: ImportFigures = {
    inserted: 522_061,
    ms: 4_100,
    cpuMs: 7_600,
    peakRssMb: 183,
    longestPauseMs: 150,
  }

  it("is the fastest run's time and CPU, with the highest peak RSS and longest pause of all", () => {
    const expected = {
      inserted: 522_061,
      ms: 4_100,
      cpuMs: 7_600,
      peakRssMb: 190,
      longestPauseMs: 240,
    }
    expect(bestImport([slow, fast])).toEqual(expected)
    expect(bestImport([fast, slow])).toEqual(expected)
  })

  it('is the run itself when there is one', () => {
    expect(bestImport([slow])).toEqual(slow)
  })
})
