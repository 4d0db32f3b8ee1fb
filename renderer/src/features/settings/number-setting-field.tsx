import { useState, type ReactNode } from 'react'

/** A whole-number setting typed into a field: saved on Enter or leaving it, put back when out of range. */
export function NumberSettingField(props: {
  readonly label: ReactNode
  readonly unit: ReactNode
  readonly value: number
  readonly min: number
  readonly max: number
  readonly onCommit: (value: number) => void
  readonly disabled?: boolean
  readonly hint?: { readonly id: string; readonly text: ReactNode }
}) {
  const { value, min, max } = props
  const [draft, setDraft] = useState(String(value))
  const commit = () => {
    const typed = Math.round(Number(draft))
    if (draft === '' || !Number.isFinite(typed) || typed < min || typed > max) {
      setDraft(String(value))
    } else if (typed !== value) {
      props.onCommit(typed)
    } else {
      setDraft(String(value))
    }
  }
  return (
    <label className="field narrow">
      <span>{props.label}</span>
      <span className="row">
        <input
          type="number"
          min={min}
          max={max}
          value={draft}
          disabled={props.disabled}
          aria-describedby={props.hint?.id}
          onChange={event => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={event => event.key === 'Enter' && commit()}
        />
        {props.unit}
      </span>
      {props.hint && (
        <small id={props.hint.id} className="muted">
          {props.hint.text}
        </small>
      )}
    </label>
  )
}
