/** Where the app stands when the owner closes the window. */
export interface CloseContext {
  /** The owner chose Quit (menu, tray, system). */
  readonly quitting: boolean
  /** A tray icon exists to bring the window back and to quit from. */
  readonly hasTray: boolean
  /** The core failed to start: the window only shows why. */
  readonly failed: boolean
}

/**
 * What closing the window does: Hush lives in the tray, so with a working tray and core it only
 * hides; without a tray there would be no way back or out, and after a failed start there is
 * nothing to keep running, so closing quits.
 */
export function closeAction({
  quitting,
  hasTray,
  failed,
}: CloseContext): 'close' | 'hide' | 'quit' {
  if (quitting) {
    return 'close'
  }
  return hasTray && !failed ? 'hide' : 'quit'
}
