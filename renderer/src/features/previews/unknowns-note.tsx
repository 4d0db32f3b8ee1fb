import { useText } from '../../i18n/use-text'

/** Props of UnknownsNote. */
export interface UnknownsNoteProps {
  readonly unknowns: readonly string[]
}

/** What this server version does not let Hush know, said plainly. */
export function UnknownsNote({ unknowns }: UnknownsNoteProps) {
  const text = useText()
  if (unknowns.length === 0) {
    return null
  }
  return (
    <div className="callout tone-neutral">
      <strong>{text.previews.cannotKnow}</strong>
      <ul>
        {unknowns.map(unknown => (
          <li key={unknown}>{unknown}</li>
        ))}
      </ul>
    </div>
  )
}
