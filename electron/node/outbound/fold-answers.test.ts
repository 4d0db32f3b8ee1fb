import { describe, expect, it } from 'vitest'
import type { OutboundEvent } from '../../common/outbound/outbound-event'
import { foldAnswers } from './fold-answers'
import type { ParseOp } from './log-parser'

const event = (key: string): ParseOp => ({
  op: 'event',
  event: { key, status: null, error: null } as unknown as OutboundEvent,
})

describe('foldAnswers', () => {
  it('puts an answer into its event of the same batch and keeps the others as updates', () => {
    const ops: ParseOp[] = [
      event('a'),
      { op: 'answer', key: 'old', status: 200, error: null },
      event('b'),
      { op: 'answer', key: 'a', status: 404, error: null },
      { op: 'answer', key: 'b', status: null, error: '(6, x)' },
    ]
    expect(foldAnswers(ops)).toEqual([
      { op: 'event', event: { key: 'a', status: 404, error: null } },
      { op: 'answer', key: 'old', status: 200, error: null },
      { op: 'event', event: { key: 'b', status: null, error: '(6, x)' } },
    ])
  })
})
