import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const repoRoot = resolve(__dirname, '../..');
/** The spec that walks the demo data (demo-walk.spec.ts): last, in its own project. */
const DEMO_WALK = /demo-walk\.spec\.ts$/;
// A fresh database for every run: tests never see data from an earlier run. (The config is loaded again in each
// worker process; the environment carries the directory over so that only one is made.)
const dataDir = (process.env.COFINANCA_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'cofinanca-e2e-')));

export default defineConfig({
  testDir: './tests',
  outputDir: resolve(repoRoot, 'tmp/backoffice-e2e/test-results'),
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalTeardown: './global-teardown.ts',
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    locale: 'ca-ES',
    timezoneId: 'Europe/Madrid',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // The demo walk closes the demo call DEMO-<year>, which other specs still submit to while it is open: it is a
  // project of its own that runs after every other spec (`dependencies`). Filters on the command line do not apply
  // to a dependency: to run the walk alone, add `--no-deps` (`… demo-walk.spec.ts --no-deps`).
  projects: [
    { name: 'chromium', testIgnore: DEMO_WALK },
    { name: 'demo-walk', testMatch: DEMO_WALK, dependencies: ['chromium'] },
  ],
  webServer: {
    command: 'node dist/apps/api/main.js',
    cwd: repoRoot,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-42',
      PUBLIC_URL: baseURL,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      // Every test signs in from 127.0.0.1: keep the per-IP limit of the auth routes out of the way.
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      // Always the embedded engine, even when the caller's shell has DATABASE_URL set.
      DATABASE_URL: '',
    },
  },
});
