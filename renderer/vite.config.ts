import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Paths come from this file's own URL so the build works from any working directory.
const here = decodeURIComponent(new URL('.', import.meta.url).pathname)

/** The renderer's build: static files only, loaded under a strict CSP (no inline script or style). */
export const rendererConfig = defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}../dist/renderer`,
    emptyOutDir: true,
    // Vite would inline small assets as data: URLs into CSS; keep every asset a file.
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
  },
  server: { host: '127.0.0.1' },
})

export { rendererConfig as default }
