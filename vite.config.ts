import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './scripts/csp.mjs';
import { singleFile } from './scripts/single-file.mjs';

/** The built page carries its Content-Security-Policy (the dev server injects inline scripts, so not there). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'mos-explorer-csp',
    apply: (_config, env) => env.command === 'build' && env.mode !== 'single',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

// The app is served from any path (a USB stick, a sub-folder on a talk laptop), so assets are relative.
// `vite build --mode single` (npm run build:single) writes the one offline file instead (scripts/single-file.mjs).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), singleFile(fileURLToPath(new URL('./public', import.meta.url)))],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 800 },
  server: { host: '127.0.0.1' },
});
