// The second half of `npm run bench`: the drift watch's idle cost and the dashboard in Chromium
// (start-up to live switches, and scrolling a 1,000,000-event log). Budgets: docs/performance.md.
import { benchDashboard } from '../../e2e/bench/dashboard-bench'
import { runWatchBench } from './watch-bench'

const watch = await runWatchBench({ intervalSeconds: 60 })
console.log(
  `watch idle (poll every 60 s): ${watch.cpuSeconds.toFixed(2)} s CPU in ${watch.idleSeconds} s = ${watch.percentOfCore.toFixed(2)}% of a core (budget < 1%)`,
)

const dashboard = await benchDashboard()
const starts = dashboard.startToSwitchesMs.map(ms => Math.round(ms))
console.log(
  `dashboard: hush serve --demo start to live switches ${starts.join(' / ')} ms, best ${Math.min(...starts)} ms (budget < 1500 ms)`,
)
console.log(
  `dashboard: scrolling 1,000,000 events, frame p50 ${dashboard.scrollFrameMs.p50} ms, p95 ${dashboard.scrollFrameMs.p95} ms, max ${dashboard.scrollFrameMs.max} ms; ${dashboard.domRows} rows in the DOM; JS heap ${dashboard.jsHeapMb} MB (budget < 100 MB)`,
)
