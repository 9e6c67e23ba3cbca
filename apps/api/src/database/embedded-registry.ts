/**
 * The URLs of the embedded engines this process started. pglite-socket feeds every connection's protocol messages
 * into one PGlite session, one message at a time: two connections running extended-protocol queries at once get
 * their Parse/Bind messages interleaved ("bind message supplies 2 parameters, but prepared statement "" requires
 * 1"). A pool of one connection towards an embedded engine keeps each query's messages together.
 */
const embeddedUrls = new Set<string>();

export function registerEmbeddedUrl(url: string): void {
  embeddedUrls.add(url);
}

export function forgetEmbeddedUrl(url: string): void {
  embeddedUrls.delete(url);
}

export function isEmbeddedUrl(url: string): boolean {
  return embeddedUrls.has(url);
}
