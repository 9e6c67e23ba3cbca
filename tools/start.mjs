#!/usr/bin/env node
// `npm start`: builds whatever is missing or older than its sources, then serves the API and the back-office.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const libs = Math.max(newest(join(root, 'libs')), mtime(join(root, 'package-lock.json')));
const targets = [
  { project: 'api', output: 'dist/apps/api/main.js', sources: ['apps/api/src', 'migrations'] },
  {
    project: 'backoffice',
    output: 'dist/apps/backoffice/index.html',
    sources: ['apps/backoffice/src', 'apps/backoffice/index.html'],
  },
];
const stale = targets.filter(({ output, sources }) => {
  const built = mtime(join(root, output));
  const src = Math.max(
    libs,
    ...sources.map((s) => (s.includes('.') ? mtime(join(root, s)) : newest(join(root, s)))),
  );
  return built === 0 || built < src;
});

if (stale.length) {
  const projects = stale.map((t) => t.project).join(',');
  console.log(`Building ${projects} (missing or older than the sources)…`);
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', projects, '--outputStyle=static'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const child = spawn(process.execPath, [join(root, 'dist/apps/api/main.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
