import { rmSync } from 'node:fs';

/** Removes the run's temporary database once the web server has stopped. */
export default function globalTeardown(): void {
  const dir = process.env.COFINANCA_E2E_DATA_DIR;
  if (dir && dir.includes('cofinanca-e2e-')) rmSync(dir, { recursive: true, force: true });
}
