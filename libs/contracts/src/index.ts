export * from './lib/roles';
export * from './lib/error-codes';
export * from './lib/locales';
export type { paths, components, operations } from './generated/openapi';
