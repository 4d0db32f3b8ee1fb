import {
  outboundCategories,
  type OutboundCategory,
} from '../../../../electron/common/outbound/categories'
import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import { logSelectors } from '../../store/selectors/log-selectors'

const width = 720
const height = 160
const gap = 2

/** The colour of a category: a CSS variable, so themes and the colour-blind palette apply. */
export function categoryColour(category: OutboundCategory): string {
  return `var(--cat-${outboundCategories.indexOf(category)})`
}

/** Events per category over time: stacked bars per day in plain SVG, with a legend in words. */
export function LogChart() {
  const text = useText()
  const chart = useAppStore(logSelectors.chart)
  const witnesses = useAppStore(logSelectors.chartWitnesses)
  if (chart.days.length === 0) {
    return <p className="muted small">{text.log.chartEmpty}</p>
  }
  // Each day gets an equal slot; with few days a bar stays narrow and sits in its slot's middle.
  const slot = width / chart.days.length
  const barWidth = Math.min(slot - gap, 40)
  const scale = chart.max === 0 ? 0 : (height - 16) / chart.max
  const summary = chart.days.map(day => `${day.day}: ${day.total}`).join(', ')
  return (
    <figure className="log-chart">
      <figcaption className="field-label">{text.log.chart}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${text.log.chart}. ${summary}`}
      >
        {chart.days.map((day, index) => {
          let y = height
          return (
            <g key={day.day}>
              {day.counts
                .filter(entry => entry.count > 0)
                .map(entry => {
                  const h = Math.max(1, entry.count * scale)
                  y -= h
                  return (
                    <rect
                      key={entry.category}
                      x={index * slot + (slot - barWidth) / 2}
                      y={y}
                      width={Math.max(1, barWidth)}
                      height={h}
                      style={{ fill: categoryColour(entry.category) }}
                    >
                      <title>{`${day.day} · ${text.categories[entry.category]}: ${entry.count}`}</title>
                    </rect>
                  )
                })}
            </g>
          )
        })}
      </svg>
      <div className="chart-axis small muted" aria-hidden="true">
        <span>{chart.days[0]?.day}</span>
        <span>{chart.days.at(-1)?.day}</span>
      </div>
      <ul className="legend">
        {chart.categories.map(category => (
          <li key={category}>
            <span className="swatch" style={{ background: categoryColour(category) }} />
            {text.categories[category]}
          </li>
        ))}
      </ul>
      <p className="small muted" data-testid="chart-witnesses">
        {text.witness.chartSplit(witnesses.log, witnesses.network)}
      </p>
    </figure>
  )
}
