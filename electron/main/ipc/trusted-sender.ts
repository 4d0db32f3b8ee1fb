import { isAppNavigation } from '../security/security-config'

/** The parts of an IPC event's sending frame that decide whether to trust it. */
export interface SenderFrameLike {
  readonly url: string
}

/**
 * Whether an IPC message comes from our own window's top frame, loaded from our own origin
 * (security checklist 17). `mainFrame` is the frame of the window Hush created.
 */
export function isTrustedSender(
  frame: SenderFrameLike | null | undefined,
  mainFrame: SenderFrameLike | null | undefined,
): boolean {
  return frame != null && mainFrame != null && frame === mainFrame && isAppNavigation(frame.url)
}
