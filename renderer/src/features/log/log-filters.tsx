import { useEffect, useState } from 'react'
import { outboundCategories } from '../../../../electron/common/outbound/categories'
import { useLanguage, useText } from '../../i18n/use-text'
import { formatCount } from '../../lib/format'
import { useAppStore } from '../../store/app-store-context'
import { logSelectors } from '../../store/selectors/log-selectors'

const timeRanges = {
  '': 0,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
}
type TimeRange = keyof typeof timeRanges

/** Search and the facets of the log: category, host, time, upstream only. */
export function LogFilters() {
  const text = useText()
  const language = useLanguage()
  const filter = useAppStore(s => s.logFilter)
  const changed = useAppStore(s => s.logFilterChanged)
  const categories = useAppStore(logSelectors.categoryFacets)
  const hosts = useAppStore(logSelectors.hostFacets)
  const [search, setSearch] = useState(filter.search ?? '')
  const [range, setRange] = useState<TimeRange>('')

  // Ask the core once typing pauses, not on every key.
  useEffect(() => {
    if (search === (filter.search ?? '')) {
      return
    }
    const timer = setTimeout(() => void changed({ search: search.trim() || undefined }), 250)
    return () => clearTimeout(timer)
  }, [search, filter.search, changed])

  const counts = new Map(categories.map(option => [option.value, option.count]))
  const rangeLabels: Readonly<Record<TimeRange, string>> = {
    '': text.log.anyTime,
    hour: text.log.lastHour,
    day: text.log.lastDay,
    week: text.log.lastWeek,
    month: text.log.lastMonth,
  }
  return (
    <div className="log-filters" role="search">
      <label className="field grow">
        <span>{text.log.search}</span>
        <input
          type="search"
          value={search}
          placeholder={text.log.searchPlaceholder}
          onChange={event => setSearch(event.target.value)}
        />
      </label>
      <label className="field">
        <span>{text.log.category}</span>
        <select
          value={filter.category ?? ''}
          onChange={event =>
            void changed({
              category: (event.target.value || undefined) as (typeof outboundCategories)[number],
            })
          }
        >
          <option value="">{text.log.allCategories}</option>
          {outboundCategories.map(category => (
            <option key={category} value={category}>
              {text.categories[category]} ({formatCount(counts.get(category) ?? 0, language)})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{text.log.host}</span>
        <select
          value={filter.host ?? ''}
          onChange={event => void changed({ host: event.target.value || undefined })}
        >
          <option value="">{text.log.allHosts}</option>
          {hosts.map(option => (
            <option key={option.value} value={option.value}>
              {option.value} ({formatCount(option.count, language)})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{text.log.time}</span>
        <select
          value={range}
          onChange={event => {
            const next = event.target.value as TimeRange
            setRange(next)
            const since = next ? new Date(Date.now() - timeRanges[next]).toISOString() : undefined
            void changed({ since })
          }}
        >
          {Object.keys(timeRanges).map(key => (
            <option key={key} value={key}>
              {rangeLabels[key as TimeRange]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{text.witness.filter}</span>
        <select
          value={filter.witness ?? ''}
          data-testid="witness-filter"
          onChange={event =>
            void changed({
              witness: (event.target.value || undefined) as 'log' | 'network' | undefined,
            })
          }
        >
          <option value="">{text.witness.filterAll}</option>
          <option value="log">{text.witness.filterLog}</option>
          <option value="network">{text.witness.filterNetwork}</option>
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filter.upstreamOnly ?? false}
          onChange={event => void changed({ upstreamOnly: event.target.checked || undefined })}
        />
        {text.log.upstreamOnly}
      </label>
    </div>
  )
}
