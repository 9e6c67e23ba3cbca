/** The PGlite extension the embedded engine loads (a subpath export the API's `node` module resolution cannot see). */
declare module '@electric-sql/pglite/contrib/pg_trgm' {
  import type { Extension } from '@electric-sql/pglite';
  export const pg_trgm: Extension;
}
