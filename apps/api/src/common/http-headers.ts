/**
 * Response headers that protect the browser app: the content security policy, HSTS only when the app is served over
 * HTTPS, and no caching of API answers unless a route says otherwise.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../config/config';

/** One year, subdomains included: sent only once the app is known to be reached over HTTPS. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Whether this request reached the app over HTTPS: the public URL is https (TLS ends at a proxy in front), or a
 * proxy TRUST_PROXY names said `X-Forwarded-Proto: https` (express's `req.secure` believes no one else).
 */
export function servedOverHttps(config: Pick<AppConfig, 'publicUrl'>, req: Request): boolean {
  return config.publicUrl.startsWith('https://') || req.secure;
}

/** The API documentation page (Swagger UI) ships inline styles: only there do styles need 'unsafe-inline'. */
const DOCS = /^\/api\/docs(\/|$)/;

export function securityHeaders(config: AppConfig): RequestHandler[] {
  const directives = {
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'upgrade-insecure-requests': null,
  };
  const strict = helmet({ contentSecurityPolicy: { directives }, strictTransportSecurity: false });
  const docs = helmet({
    contentSecurityPolicy: { directives: { ...directives, 'style-src': ["'self'", "'unsafe-inline'"] } },
    strictTransportSecurity: false,
  });
  return [
    (req: Request, res: Response, next: NextFunction) =>
      (DOCS.test(req.path) ? docs : strict)(req, res, next),
    (req: Request, res: Response, next: NextFunction) => {
      if (servedOverHttps(config, req)) res.setHeader('Strict-Transport-Security', HSTS);
      // API answers carry personal data: never stored by a browser or a shared cache, unless the route sets its own
      // Cache-Control (the codelists do).
      if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
      next();
    },
  ];
}

/**
 * The back-office page, with a fresh nonce that its policy allows for `<style>` elements: the dialogs' scroll lock
 * (Radix, through react-style-singleton) adds one while a dialog is open, and reads the nonce from the meta tag
 * (apps/backoffice/src/lib/csp-nonce.ts). No 'unsafe-inline': markup injected into the page cannot know the nonce.
 */
export function sendAppPage(res: Response, indexHtml: string): void {
  const nonce = randomBytes(16).toString('base64');
  const policy = String(res.getHeader('Content-Security-Policy') ?? '');
  res.setHeader(
    'Content-Security-Policy',
    policy.replace(/(^|;)style-src 'self'(?=;|$)/, `$1style-src 'self' 'nonce-${nonce}'`),
  );
  res.setHeader('Cache-Control', 'no-cache');
  res
    .type('html')
    .send(indexHtml.replace('<head>', `<head>\n    <meta property="csp-nonce" nonce="${nonce}" />`));
}
