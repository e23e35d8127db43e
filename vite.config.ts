/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The relay serves the built SPA itself; in `npm run dev` Vite proxies the relay's routes.
const RELAY = process.env.RELAY_URL ?? 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // bench/page reads it to weigh the JavaScript the floor loads first.
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': RELAY,
      '/webhooks': RELAY,
      '/socket.io': { target: RELAY, ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/testing/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Server tests start real servers and child processes; two cores, so keep it modest.
    maxWorkers: 2,
  },
})
