import type { OutboundCategory } from '../../../common/outbound/categories'
import {
  keptTarget,
  type EventTarget,
  type PrivacyLevel,
} from '../../../common/outbound/privacy-level'
import { none, targetAt, targetWidth, type PackedOps } from '../packed-ops'
import type { TargetIds } from './target-ids'

/**
 * The distinct targets of one packed batch as the store keeps them: each reduced to the privacy
 * level and given its `targets` id once, however many events of the batch point at it.
 */
export class BatchTargets {
  private readonly ids: Int32Array
  private readonly kepts: (EventTarget | undefined)[]
  private readonly counts: Int32Array

  constructor(
    private readonly packed: PackedOps,
    private readonly level: PrivacyLevel,
  ) {
    const n = packed.targets.length / targetWidth
    this.ids = new Int32Array(n).fill(none)
    this.kepts = new Array<EventTarget | undefined>(n)
    this.counts = new Int32Array(n)
  }

  /** The batch's string index of a target's host as logged (the flood cap counts by it). */
  rawHostAt(t: number): number {
    return this.packed.targets[t * targetWidth + targetAt.host] as number
  }

  /** A target reduced to what the privacy level keeps. */
  kept(t: number): EventTarget {
    let kept = this.kepts[t]
    if (kept === undefined) {
      kept = keptTarget(this.facts(t), this.level)
      this.kepts[t] = kept
    }
    return kept
  }

  /** The stored id of a target (added to the store when new). */
  idOf(t: number, targets: TargetIds): number {
    let id = this.ids[t] as number
    if (id === none) {
      id = targets.idOf(this.kept(t))
      this.ids[t] = id
    }
    return id
  }

  /** Counts one stored event of a target. */
  counted(t: number): void {
    this.counts[t] = (this.counts[t] as number) + 1
  }

  /** Adds this batch's event counts to the store's targets (stored by `TargetIds.flushCounts`). */
  addCounts(targets: TargetIds): void {
    this.counts.forEach((n, t) => {
      if (n > 0) {
        targets.addEvents(this.ids[t] as number, n)
      }
    })
  }

  private facts(t: number): EventTarget {
    const { strings, targets } = this.packed
    const o = t * targetWidth
    const str = (k: number): string => strings[targets[o + k] as number] as string
    const policyAt = targets[o + targetAt.policyItem] as number
    return {
      method: str(targetAt.method),
      url: str(targetAt.url),
      host: str(targetAt.host),
      upstream: targets[o + targetAt.upstream] === 1,
      service: str(targetAt.service),
      category: str(targetAt.category) as OutboundCategory,
      policyItem: policyAt === none ? null : (strings[policyAt] as string),
    }
  }
}
