#!/usr/bin/env node
// Writes the API's OpenAPI document (libs/contracts/openapi.json) and the TypeScript types generated from it
// (libs/contracts/src/generated/openapi.ts) for the back-office's client. `--check` fails when either is stale.
// Needs the built API (dist/apps/api/main.js).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const jsonOut = join(root, 'libs/contracts/openapi.json');
const tsOut = join(root, 'libs/contracts/src/generated/openapi.ts');
const dir = mkdtempSync(join(tmpdir(), 'cofinanca-openapi-'));
const json = join(dir, 'openapi.json');
const ts = join(dir, 'openapi.ts');

execFileSync(process.execPath, [join(root, 'dist/apps/api/main.js'), 'openapi', json], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
execFileSync(
  process.execPath,
  [join(root, 'node_modules/openapi-typescript/bin/cli.js'), json, '-o', ts, '--alphabetize'],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const header = '/* Generated from the API by `npm run openapi:generate`. Do not edit. */\n';
const generated = { [jsonOut]: readFileSync(json, 'utf8'), [tsOut]: header + readFileSync(ts, 'utf8') };

if (check) {
  const stale = Object.entries(generated).filter(
    ([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text,
  );
  if (stale.length) {
    console.error(
      `Stale: ${stale.map(([f]) => f.replace(root, '')).join(', ')}. Run \`npm run openapi:generate\` and commit.`,
    );
    process.exit(1);
  }
  console.log('The OpenAPI document and the generated client types are up to date.');
} else {
  for (const [file, text] of Object.entries(generated)) writeFileSync(file, text);
  console.log('Wrote libs/contracts/openapi.json and libs/contracts/src/generated/openapi.ts');
}
