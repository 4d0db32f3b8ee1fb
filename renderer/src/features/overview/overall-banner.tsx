import { Icon, type IconName } from '../../components/icon'
import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import { switchSelectors, type OverallState } from '../../store/selectors/switch-selectors'

const looks: Readonly<Record<OverallState, { tone: string; icon: IconName }>> = {
  loading: { tone: 'tone-neutral', icon: 'clock' },
  private: { tone: 'tone-ok', icon: 'check' },
  flowing: { tone: 'tone-warn', icon: 'alert' },
  unreachable: { tone: 'tone-bad', icon: 'cross' },
}

/** The overall state in one glance: everything private, something flows, or no server. */
export function OverallBanner() {
  const text = useText()
  const overall = useAppStore(switchSelectors.overall)
  const flowing = useAppStore(switchSelectors.flowingCount)
  const reachMessage = useAppStore(s => s.reachMessage)
  const screenChosen = useAppStore(s => s.screenChosen)
  const planned = useAppStore(s => s.profilePlanned)
  const look = looks[overall]
  const [title, detail] =
    overall === 'flowing'
      ? [text.overall.flowing(flowing), text.overall.flowingDetail]
      : overall === 'private'
        ? [text.overall.private, text.overall.privateDetail]
        : overall === 'unreachable'
          ? [text.overall.unreachable, reachMessage ?? text.overall.unreachableDetail]
          : [text.overall.loading, '']
  return (
    <section className={`status-banner ${look.tone}`} aria-live="polite" aria-label={title}>
      <span className="icon">
        <Icon name={look.icon} size={32} />
      </span>
      <div>
        <h2>{title}</h2>
        {detail && <p>{detail}</p>}
      </div>
      {overall === 'flowing' && (
        <button
          type="button"
          className="button primary banner-action"
          onClick={() => {
            screenChosen('switches')
            void planned('private')
          }}
        >
          {text.overall.review}
        </button>
      )}
    </section>
  )
}
