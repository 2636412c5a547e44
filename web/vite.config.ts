/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the gateway (http://localhost:8080) serves the API; Vite proxies the public
// paths to it so the app uses the same relative URLs as in production, where the gateway serves
// the built bundle at `/`.
const gateway = process.env.LIVEDROP_GATEWAY ?? 'http://localhost:8080';

// REST and the SSE stream under /api, WebSockets under /ws, GraphQL (POST and the graphql-transport-ws
// subscriptions) on /graphql. `vite preview` proxies the same, plus /actuator (the browser tests ask
// /actuator/health first), so a build can be tried against a running fleet without the gateway serving it.
const proxy = {
  '/api': { target: gateway, changeOrigin: false },
  '/ws': { target: gateway, ws: true },
  '/graphql': { target: gateway, ws: true },
};

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy,
  },
  preview: { port: 4173, strictPort: true, proxy: { ...proxy, '/actuator': { target: gateway } } },
  build: {
    outDir: 'dist',
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
  },
});
