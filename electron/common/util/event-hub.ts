/** A typed in-process event emitter; listeners are removed by the function `on` returns. */
export interface EventHub<Events extends object> {
  emit<E extends keyof Events>(event: E, payload: Events[E]): void
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void
}

/** Creates an EventHub. A listener that throws does not stop the others. */
export function createEventHub<Events extends object>(
  onListenerError: (error: unknown) => void = () => {},
): EventHub<Events> {
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>()
  return {
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          ;(listener as (p: typeof payload) => void)(payload)
        } catch (error) {
          onListenerError(error)
        }
      }
    },
    on(event, listener) {
      let set = listeners.get(event)
      if (!set) {
        set = new Set()
        listeners.set(event, set)
      }
      const stored = listener as (payload: never) => void
      set.add(stored)
      return () => {
        set.delete(stored)
      }
    },
  }
}
