import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// COOP/COEP make the page cross-origin isolated, which multi-threaded WASM (SharedArrayBuffer) needs.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// `npm start` prints the studio's address with the bundled sample dataset preloaded (`?sample`).
const printStudioUrl: Plugin = {
  name: 'trellis-print-studio-url',
  configureServer(server) {
    server.httpServer?.once('listening', () => {
      const address = server.httpServer?.address();
      const port = typeof address === 'object' && address ? address.port : server.config.server.port;
      setTimeout(() => server.config.logger.info(`\n  Trellis studio with the sample dataset: http://localhost:${port}/?sample\n`), 50);
    });
  },
};

export default defineConfig({
  plugins: [react(), printStudioUrl],
  server: { headers: isolationHeaders, host: 'localhost' },
  preview: { headers: isolationHeaders, host: 'localhost' },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // diagnostics.html: adapter info, kernel self-test and window.trellisDiagnostics for e2e/benches.
    rollupOptions: { input: { main: 'index.html', diagnostics: 'diagnostics.html' } },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'tools/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/setup-fast-check.ts'],
  },
});
