import { describe, expect, it } from 'vitest'
import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import { eventEpochMs, logTime, LogTimes } from './log-time'

const at = (time: string, localTime = false): OutboundEvent =>
  ({ time, localTime }) as unknown as OutboundEvent

describe('event times', () => {
  it.each([
    ['2025-01-01T01:00:02.000+01:00', false, Date.parse('2025-01-01T01:00:02.000+01:00')],
    ['2017-10-16T23:27:45.183-05:30', false, Date.parse('2017-10-16T23:27:45.183-05:30')],
    ['2014-03-02T10:11:12+00:00', false, Date.parse('2014-03-02T10:11:12Z')],
    ['2025-08-04T20:03:00.120', true, Date.parse('2025-08-04T20:03:00.120Z')],
    ['2025-08-04T20:03:00', true, Date.parse('2025-08-04T20:03:00Z')],
    ['2025-08-04T20:03:00Z', false, Date.parse('2025-08-04T20:03:00Z')],
    ['2025-08-04', false, Date.parse('2025-08-04T00:00:00Z')],
    ['2024-02-29T23:59:59.999+14:00', false, Date.parse('2024-02-29T23:59:59.999+14:00')],
  ])('reads %s (local %s) as Date.parse does', (time, local, expected) => {
    expect(eventEpochMs(at(time, local))).toBe(expected)
  })

  it('gives NaN for a time it cannot read, like Date.parse', () => {
    expect(eventEpochMs(at('2025-0x-04T20:03:00+01:00'))).toBeNaN()
  })

  it('keeps the wall clock of a log stamp whatever the banner said', () => {
    const zoned = logTime('Oct 16, 2017 23:27:45.183', 180)
    const local = logTime('Oct 16, 2017 23:27:45.183', null)
    expect(zoned.iso).toBe('2017-10-16T23:27:45.183+03:00')
    expect(local.iso).toBe('2017-10-16T23:27:45.183')
    expect(zoned.wallMs).toBe(Date.UTC(2017, 9, 16, 23, 27, 45, 183))
    expect(local.wallMs).toBe(zoned.wallMs)
    expect(logTime('Mar 02, 2014 10:11:12', null).wallMs).toBe(Date.UTC(2014, 2, 2, 10, 11, 12))
  })

  it('reads a run of stamps with a cache that gives what logTime gives', () => {
    const times = new LogTimes()
    const runs: [string, number | null][] = [
      ['Oct 16, 2017 23:27:45.183', 180],
      ['Oct 16, 2017 23:27:45.990', 180],
      ['Oct 16, 2017 23:27:45.990', null],
      ['Oct 16, 2017 23:27:46.001', null],
      ['Oct 16, 2017 23:27:46', null],
      ['Oct 16, 2017 23:27:46,250', -300],
      ['Jan 01, 2018 00:00:00.000', -300],
      ['Mar 02, 2014 10:11:12', 0],
      ['Mar 02, 2014 10:11:12', 0],
    ]
    for (const [stamp, offset] of runs) {
      expect(times.at(stamp, offset)).toEqual(logTime(stamp, offset))
    }
  })
})
