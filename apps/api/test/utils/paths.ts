import { join, resolve } from 'node:path';
import { register } from 'tsconfig-paths';

/** Jest's globalSetup runs outside moduleNameMapper: resolve the workspace aliases for it. */
const root = resolve(__dirname, '../../../..');
register({
  baseUrl: root,
  paths: {
    '@cofinanca/domain': [join(root, 'libs/domain/src/index.ts')],
    '@cofinanca/contracts': [join(root, 'libs/contracts/src/index.ts')],
    '@cofinanca/migrations': [join(root, 'migrations/index.ts')],
  },
});
