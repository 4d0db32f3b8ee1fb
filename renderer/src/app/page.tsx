import { useEffect, useRef, type ReactNode } from 'react'

/** Props of Page. */
export interface PageProps {
  readonly title: string
  readonly intro?: ReactNode
  readonly actions?: ReactNode
  readonly children: ReactNode
}

/**
 * One screen: its heading, a line of introduction, its actions. The heading takes focus when the
 * screen opens, so keyboard and screen-reader users land at its top.
 */
export function Page({ title, intro, actions, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus({ preventScroll: true })
  }, [title])
  return (
    <div className="page">
      <header className="page-header">
        <div className="page-header-row">
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {actions && <div className="row">{actions}</div>}
        </div>
        {intro && <p className="intro">{intro}</p>}
      </header>
      {children}
    </div>
  )
}
