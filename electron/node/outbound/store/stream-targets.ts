import type { EventTarget } from '../../../common/outbound/event-target'
import { keptTarget, type PrivacyLevel } from '../../../common/outbound/privacy-level'
import type { ParsedPiece } from '../parse/parsed-piece'
import type { TargetDefinitions } from '../parse/target-numbers'
import type { TargetIds } from './target-ids'

/**
 * The targets of one stream of pieces as the store keeps them: each reduced to the
 * privacy level and given its `targets` id once, however many events and pieces point at it,
 * plus small numbers for its host and its (category, host) pair to count by.
 */
export class StreamTargets {
  private readonly kepts: EventTarget[] = []
  private ids: number[] = []
  private generation: number
  private readonly hostNumbers: number[] = []
  private readonly groupNumbers: number[] = []
  private readonly hosts = new Map<string, number>()
  private readonly groups = new Map<string, number>()
  private readonly groupList: { category: string; host: string }[] = []
  private counts = new Map<number, number>()

  constructor(
    private readonly packed: TargetDefinitions,
    private readonly level: PrivacyLevel,
    private readonly store: TargetIds,
  ) {
    this.generation = store.generation
  }

  /** Learns the targets a piece defines (in stream order). */
  learn(piece: ParsedPiece): void {
    this.packed.learn(piece)
  }

  /** The host target `n` was sent to, as logged. */
  rawHost(n: number): string {
    return this.packed.target(n).host
  }

  /** Target `n` reduced to what the privacy level keeps. */
  kept(n: number): EventTarget {
    let kept = this.kepts[n]
    if (kept === undefined) {
      kept = keptTarget(this.packed.target(n), this.level)
      this.kepts[n] = kept
    }
    return kept
  }

  /** The stored id of target `n` (added to the store when new). */
  idOf(n: number): number {
    if (this.generation !== this.store.generation) {
      // A rolled-back transaction took its new targets with it.
      this.ids = []
      this.generation = this.store.generation
    }
    let id = this.ids[n]
    if (id === undefined) {
      id = this.store.idOf(this.kept(n))
      this.ids[n] = id
    }
    return id
  }

  /** A small number for the host target `n` was sent to, as logged (the flood cap counts by it). */
  hostNumber(n: number): number {
    let h = this.hostNumbers[n]
    if (h === undefined) {
      const host = this.rawHost(n)
      h = this.hosts.get(host)
      if (h === undefined) {
        h = this.hosts.size
        this.hosts.set(host, h)
      }
      this.hostNumbers[n] = h
    }
    return h
  }

  /** A small number for the kept category and host of target `n` (the per-day counts). */
  groupNumber(n: number): number {
    let g = this.groupNumbers[n]
    if (g === undefined) {
      const { category, host } = this.kept(n)
      const key = `${category} ${host}`
      g = this.groups.get(key)
      if (g === undefined) {
        g = this.groupList.length
        this.groupList.push({ category, host })
        this.groups.set(key, g)
      }
      this.groupNumbers[n] = g
    }
    return g
  }

  /** The category and host of a group number. */
  group(g: number): { category: string; host: string } {
    return this.groupList[g] as { category: string; host: string }
  }

  /** Counts one stored event of target `n`. */
  counted(n: number): void {
    this.counts.set(n, (this.counts.get(n) ?? 0) + 1)
  }

  /** Hands this transaction's event counts to the store's targets (`TargetIds.flushCounts`). */
  addCounts(): void {
    for (const [n, count] of this.counts) {
      this.store.addEvents(this.idOf(n), count)
    }
    this.counts = new Map()
  }
}
