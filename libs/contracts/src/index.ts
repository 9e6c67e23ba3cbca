export * from './lib/roles';
export * from './lib/error-codes';
export * from './lib/locales';
export * from './lib/codelists';
export type { paths, components, operations } from './generated/openapi';
import type { components } from './generated/openapi';
/** The API's schemas by name, e.g. `Schemas['UserResponse']`. */
export type Schemas = components['schemas'];
export * from './lib/audit-labels';
