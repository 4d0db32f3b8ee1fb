import type { OutboundCategory } from '../../../common/outbound/categories'
import { sameTargetForUrl, targetOf, type EventTarget } from '../../../common/outbound/event-target'
import { none, targetField, targetWidth, type ParsedPiece } from './parsed-piece'

/**
 * Numbers targets along a stream of pieces, on the parsing side: a target gets a number the
 * first time an event is sent to it, and its facts go into the piece being built then, only
 * that once. Keyed by redacted URL; the facts object the URL cache hands out is remembered too,
 * so an event sent to a known URL costs one lookup.
 */
export class TargetNumbers {
  private readonly known = new Map<string, { target: EventTarget; n: number }[]>()
  private readonly byFacts = new WeakMap<EventTarget, number>()
  private defined: number[] = []
  private count = 0
  private first = 0

  /** The number of a target; `string` adds a string to the piece being built. */
  numberOf(facts: EventTarget, string: (s: string | null) => number): number {
    const cached = this.byFacts.get(facts)
    if (cached !== undefined) {
      return cached
    }
    const same = this.known.get(facts.url)
    let n = same?.find(t => sameTargetForUrl(t.target, facts))?.n
    if (n === undefined) {
      n = this.count++
      const target = targetOf(facts)
      if (same) {
        same.push({ target, n })
      } else {
        this.known.set(facts.url, [{ target, n }])
      }
      const { method, url, host, upstream, service, category, policyItem } = target
      this.defined.push(string(method), string(url), string(host), upstream ? 1 : 0)
      this.defined.push(string(service), string(category), string(policyItem))
    }
    this.byFacts.set(facts, n)
    return n
  }

  /** The targets defined since the last call, for the piece being finished. */
  take(): { firstTarget: number; targets: Int32Array } {
    const taken = { firstTarget: this.first, targets: Int32Array.from(this.defined) }
    this.defined = []
    this.first = this.count
    return taken
  }
}

/** The targets a stream of pieces has defined so far, by number: the reading side. */
export class TargetDefinitions {
  private readonly defined: EventTarget[] = []

  /** Learns the targets a piece defines; call for every piece of the stream, in order. */
  learn(piece: ParsedPiece): void {
    const { strings, targets } = piece
    const str = (i: number): string => strings[i] as string
    for (let o = 0; o < targets.length; o += targetWidth) {
      const policyAt = targets[o + targetField.policyItem] as number
      this.defined[piece.firstTarget + o / targetWidth] = {
        method: str(targets[o + targetField.method] as number),
        url: str(targets[o + targetField.url] as number),
        host: str(targets[o + targetField.host] as number),
        upstream: targets[o + targetField.upstream] === 1,
        service: str(targets[o + targetField.service] as number),
        category: str(targets[o + targetField.category] as number) as OutboundCategory,
        policyItem: policyAt === none ? null : str(policyAt),
      }
    }
  }

  /** Target number `n` as defined. */
  target(n: number): EventTarget {
    const t = this.defined[n]
    if (t === undefined) {
      throw new Error(`target ${n} used before its piece defined it`)
    }
    return t
  }
}
