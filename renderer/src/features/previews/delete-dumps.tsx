import { useState } from 'react'
import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'

/** Props of DeleteDumps. */
export interface DeleteDumpsProps {
  readonly paths: readonly string[]
}

/** Deletes the pending crash dumps after an explicit, inline confirmation. */
export function DeleteDumps({ paths }: DeleteDumpsProps) {
  const text = useText()
  const deleted = useAppStore(s => s.crashDumpsDeleted)
  const [asking, setAsking] = useState(false)
  if (paths.length === 0) {
    return null
  }
  if (!asking) {
    return (
      <div>
        <button type="button" className="button" onClick={() => setAsking(true)}>
          {text.previews.deletePending}
        </button>
      </div>
    )
  }
  return (
    <div className="callout tone-warn row" role="group" aria-label={text.previews.deletePending}>
      <span>{text.previews.confirmDelete(paths.length)}</span>
      <button
        type="button"
        className="button small"
        onClick={() => {
          setAsking(false)
          void deleted(paths)
        }}
      >
        {text.previews.confirm}
      </button>
      <button type="button" className="button small" onClick={() => setAsking(false)}>
        {text.common.cancel}
      </button>
    </div>
  )
}
