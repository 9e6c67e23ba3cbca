/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(appRoot, '../..');

export default defineConfig({
  root: appRoot,
  cacheDir: resolve(repoRoot, 'node_modules/.vite/apps/backoffice'),
  plugins: [react()],
  resolve: {
    alias: {
      '@cofinanca/contracts': resolve(repoRoot, 'libs/contracts/src/index.ts'),
      '@cofinanca/domain': resolve(repoRoot, 'libs/domain/src/index.ts'),
    },
  },
  server: {
    port: 4200,
    host: 'localhost',
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: { port: 4300 },
  build: {
    outDir: resolve(repoRoot, 'dist/apps/backoffice'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: a separate, long-cached chunk.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    root: appRoot,
    environment: 'jsdom',
    include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'],
    globals: false,
  },
});
