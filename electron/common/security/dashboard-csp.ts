/**
 * The Content-Security-Policy of the dashboard, in the desktop window and in web mode alike: the
 * renderer loads only its own files and makes no network calls of its own (all traffic to the
 * server goes through the core).
 */
export const dashboardCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')
