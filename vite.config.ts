import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// COOP/COEP make the page cross-origin isolated, which multi-threaded WASM (SharedArrayBuffer) needs.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
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
