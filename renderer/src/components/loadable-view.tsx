import type { ReactNode } from 'react'
import type { Loadable } from '../store/loadable'
import { useText } from '../i18n/use-text'
import { Icon } from './icon'

/** Props of LoadableView. */
export interface LoadableViewProps<T> {
  readonly loadable: Loadable<T>
  readonly onRetry?: () => void
  readonly children: (value: T) => ReactNode
}

/** Shows data once it is here, a quiet loading line before, and the reason when it failed. */
export function LoadableView<T>({ loadable, onRetry, children }: LoadableViewProps<T>) {
  const text = useText()
  if (loadable.status === 'error') {
    return (
      <div className="callout tone-bad row" role="alert">
        <Icon name="alert" />
        <span>{loadable.error.message}</span>
        {onRetry && (
          <button type="button" className="button small" onClick={onRetry}>
            {text.common.retry}
          </button>
        )}
      </div>
    )
  }
  if ('value' in loadable && loadable.value !== undefined) {
    return <>{children(loadable.value)}</>
  }
  return <p className="muted">{text.common.loading}</p>
}
