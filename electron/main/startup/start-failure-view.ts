import type { Language } from '../../common/i18n/localized-text'
import { trayWords } from '../../common/tray/tray-texts'
import type { TrayItem } from '../../common/tray/tray-types'
import type { StartFailure, StartStep } from './start-steps'

/** What the owner reads about a failed start: what failed, the reason, and what to do. */
export interface StartFailureText {
  readonly title: string
  readonly what: string
  readonly reason: string
  readonly todo: readonly string[]
  readonly closeHint: string
}

const steps: Readonly<Record<StartStep, Readonly<Record<Language, string>>>> = {
  keychain: {
    en: 'Hush could not reach the system keychain that keeps your server token.',
    zh: 'Hush 无法访问保存服务器令牌的系统钥匙串。',
  },
  settings: {
    en: 'Hush could not read its settings.',
    zh: 'Hush 无法读取它的设置。',
  },
  store: {
    en: 'Hush could not open its local log of outbound data (the SQLite database).',
    zh: 'Hush 无法打开外发数据的本地日志（SQLite 数据库）。',
  },
  core: {
    en: 'The part of Hush that talks to your server could not start.',
    zh: 'Hush 与服务器通信的部分无法启动。',
  },
  window: {
    en: 'The Hush window could not load.',
    zh: 'Hush 窗口无法加载。',
  },
  deadline: {
    en: 'The part of Hush that talks to your server did not finish starting.',
    zh: 'Hush 与服务器通信的部分没有完成启动。',
  },
}

// A native module built for another runtime: the packaging mistake docs/packaging.md warns of.
const wrongNativeBuild =
  /NODE_MODULE_VERSION|was compiled against a different|better_sqlite3|\.node\b/

/** Tokens never reach the window: long opaque runs in a message are masked. */
function masked(message: string): string {
  return message.replace(/[A-Za-z0-9_-]{20,}/g, '…')
}

/**
 * The owner-facing words for a failed start, in the owner's language. `stateDir` is Hush's own
 * data folder, named so the owner can move it aside.
 */
export function startFailureText(
  failure: StartFailure,
  language: Language,
  stateDir: string,
): StartFailureText {
  const en = language === 'en'
  const nativeBuild = wrongNativeBuild.test(failure.message)
  const todo = nativeBuild
    ? [
        en
          ? 'This copy of Hush carries a SQLite module built for another runtime. Install Hush again from the releases page; from a clone, run npm start, which builds the right one.'
          : '此 Hush 副本附带的 SQLite 模块是为其他运行时构建的。请从发布页面重新安装 Hush；如果使用源码，请运行 npm start，它会构建正确的模块。',
      ]
    : [
        en ? 'Quit Hush and start it again.' : '退出 Hush，然后重新启动。',
        en
          ? `If it fails again, move Hush’s data folder (${stateDir}) aside and start again; your Plex server is not affected. Or use the browser dashboard: hush serve.`
          : `如果仍然失败，请将 Hush 的数据文件夹（${stateDir}）移到别处后重新启动；您的 Plex 服务器不受影响。也可以使用浏览器仪表板：hush serve。`,
      ]
  return {
    title: en ? 'Hush could not start' : 'Hush 无法启动',
    what: steps[failure.step][language],
    reason: masked(failure.message),
    todo,
    closeHint: en ? 'Closing this window quits Hush.' : '关闭此窗口即退出 Hush。',
  }
}

/** Escapes text for HTML. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )
}

/** The page the window shows instead of the dashboard; its style is `startFailureCss`. */
export function startFailurePage(
  failure: StartFailure,
  language: Language,
  stateDir: string,
): string {
  const text = startFailureText(failure, language, stateDir)
  const lang = language === 'zh' ? 'zh-Hans' : 'en'
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(text.title)}</title>
<link rel="stylesheet" href="start-failure.css">
</head>
<body>
<main role="alert">
<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.what)}</p>
<p class="reason"><code>${escapeHtml(text.reason)}</code></p>
<ul>
${text.todo.map(line => `<li>${escapeHtml(line)}</li>`).join('\n')}
</ul>
<p class="hint">${escapeHtml(text.closeHint)}</p>
</main>
</body>
</html>
`
}

/** The failure page's style (served as a file: the window's CSP allows no inline style). */
export const startFailureCss = `body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1f; background: #f6f6f8; }
main { max-width: 40rem; margin: 4rem auto; padding: 2rem; background: #fff; border-radius: 8px; border-left: 6px solid #b3261e; }
h1 { font-size: 1.5rem; margin-top: 0; }
.reason code { display: block; padding: 0.75rem; background: #f1eeee; border-radius: 4px; white-space: pre-wrap; word-break: break-word; }
.hint { color: #5f5f66; }
@media (prefers-color-scheme: dark) {
  body { color: #e6e6ea; background: #18181b; }
  main { background: #232327; }
  .reason code { background: #2e2a2a; }
  .hint { color: #a8a8b0; }
}
`

/** The tray menu after a failed start: what failed, the reason, Open Hush and Quit. */
export function startFailureTrayItems(
  failure: StartFailure,
  language: Language,
  stateDir: string,
): TrayItem[] {
  const text = startFailureText(failure, language, stateDir)
  const en = language === 'en'
  return [
    { type: 'normal', id: 'failure', label: text.title, enabled: false, action: null },
    { type: 'normal', id: 'failure:reason', label: text.what, enabled: false, action: null },
    { type: 'separator', id: 'separator:app' },
    {
      type: 'normal',
      id: 'open',
      label: en ? 'Show what happened' : '查看原因',
      enabled: true,
      action: { kind: 'open' },
    },
    quitItem(language),
  ]
}

/** The tray menu while the core starts: a status line, Open Hush and Quit. */
export function startingTrayItems(language: Language): TrayItem[] {
  const en = language === 'en'
  const words = trayWords[language]
  return [
    {
      type: 'normal',
      id: 'status',
      label: en ? 'Hush is starting…' : 'Hush 正在启动…',
      enabled: false,
      action: null,
    },
    { type: 'separator', id: 'separator:app' },
    { type: 'normal', id: 'open', label: words.open, enabled: true, action: { kind: 'open' } },
    quitItem(language),
  ]
}

/** Quit, as the regular tray menu has it. */
function quitItem(language: Language): TrayItem {
  return {
    type: 'normal',
    id: 'quit',
    label: trayWords[language].quit,
    enabled: true,
    action: { kind: 'quit' },
  }
}

/** The owner's language from the system locale (`zh…` is Chinese, anything else English). */
export function languageFromLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en'
}

/** The start-failure page and its style, as `app://hush/` serves them after a failed start. */
export function startFailureFile(
  pathname: string,
  failure: StartFailure,
  language: Language,
  stateDir: string,
): { type: string; body: string } | null {
  switch (pathname) {
    case '/start-failure.html':
      return {
        type: 'text/html; charset=utf-8',
        body: startFailurePage(failure, language, stateDir),
      }
    case '/start-failure.css':
      return { type: 'text/css; charset=utf-8', body: startFailureCss }
    default:
      return null
  }
}
