import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Wails serves frontend/dist (embedded by main.go); frontend/dist/.gitkeep must survive a build
// so that `go build` works on a clean checkout, hence emptyOutDir: false plus the clean step in
// scripts/clean-dist.mjs.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `wails dev` reads the URL vite prints ("frontend:dev:serverUrl": "auto").
    strictPort: false,
    // A concurrent `npm run build` rewrites dist/: without this the dev server reloads the page
    // mid-test (seen in e2e as a lost drawer).
    watch: { ignored: ['**/dist/**'] },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
