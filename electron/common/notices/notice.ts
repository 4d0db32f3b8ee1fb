/**
 * Something Hush tells the owner of its own accord, as facts: the core and the desktop shell
 * raise one, and notice-texts.ts says it in the owner's language. The desktop shows it as a
 * notification, the dashboard's event stream carries it (`owner.notified`), the CLI prints it.
 */
export type Notice =
  /** Switches are no longer as the owner chose; `restored` when enforcement put them back. */
  | { readonly kind: 'drift'; readonly switchIds: readonly string[]; readonly restored: boolean }
  /** A timed exception (`set … --for`) ended and was undone; `message` is the undo's report. */
  | { readonly kind: 'timedChangeEnded'; readonly message: string }
  | { readonly kind: 'timedChangeFailed'; readonly reason: string }
  /** The server contacted a host for the first time. */
  | { readonly kind: 'newDestination'; readonly host: string; readonly category: string }
  | { readonly kind: 'serverUnreachable'; readonly reason: string }
  /**
   * Hush reaches a server found through plex.tv at another address it lists (`from` and `to` are
   * host and port): its address stopped answering (`lost`), or a closer one answers (`better`).
   */
  | {
      readonly kind: 'connectionChanged'
      readonly server: string
      readonly from: string
      readonly to: string
      readonly via: 'local' | 'remote' | 'relay'
      readonly why: 'lost' | 'better'
    }
  /** An apply (or undo) was killed mid-way; what landed is undoable (recover-journal.ts). */
  | {
      readonly kind: 'applyInterrupted'
      readonly command: string
      readonly startedAt: string
      /** The changes that landed, or may have. */
      readonly landed: number
      readonly of: number
      /** Whether it was an undo (undo again finishes it). */
      readonly undoing: boolean
    }
  /** A file of Hush's that could not be read was moved aside and started afresh. */
  | { readonly kind: 'fileRepaired'; readonly path: string; readonly movedTo: string }
  /** The desktop's settings could not be read; defaults are in use. */
  | { readonly kind: 'settingsRepaired' }
  | { readonly kind: 'noKeychain' }
  /** Linux without a keyring: the token is obfuscated, not encrypted. */
  | { readonly kind: 'weakKeychain' }
  /** A change asked for from the tray failed. */
  | { readonly kind: 'changeFailed'; readonly reason: string }

/** The kind of a notice. */
export type NoticeKind = Notice['kind']

/** A notice as shown: its kind, and its title and body in one language. */
export interface ShownNotice {
  readonly kind: NoticeKind
  readonly title: string
  readonly body: string
}
