import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is served from any path (a USB stick, a sub-folder on a talk laptop), so assets are relative.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 800 },
  server: { host: '127.0.0.1' },
});
