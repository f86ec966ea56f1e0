import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

/**
 * Content-Security-Policy for API responses (JSON, health checks, errors). They are not
 * pages, so the policy allows nothing and forbids framing, should a browser open one.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Content-Security-Policy for the offline explorer: scripts, styles, images and fonts
 * come only from the gateway's own origin (the fonts are `data:` URLs inside GraphiQL's
 * stylesheet), and the page may send requests only to its own origin.
 *
 * NOTE: `style-src` allows inline styles because the popover and dialog components that
 * GraphiQL 4 bundles insert `<style>` elements at run time. Scripts stay limited to 'self'.
 */
export const EXPLORER_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Content-Security-Policy for Apollo's landing page, which the GraphQL route sets. Apollo Server
 * puts its own script, style, image and frame policy in a `<meta>` tag with a per-page
 * nonce, and browsers enforce both policies. This header adds only what a `<meta>` policy
 * cannot express (`frame-ancestors`) and what Apollo's leaves open.
 */
export const LANDING_PAGE_CONTENT_SECURITY_POLICY = "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers sent on every response, whatever its content type. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-dns-prefetch-control': 'off',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/**
 * Headers that every response starts with. Responses carry directory data, so nothing may
 * store them unless the route sets its own `Cache-Control` (the explorer's assets do). The
 * Content-Security-Policy is the API one unless the route sets another: the explorer sets
 * `EXPLORER_CONTENT_SECURITY_POLICY`, and the GraphQL route sets
 * `LANDING_PAGE_CONTENT_SECURITY_POLICY` on Apollo's landing page. HTML from a route that
 * sets no policy keeps the API one, which lets the page load nothing.
 */
export const DEFAULT_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...STATIC_SECURITY_HEADERS,
  'cache-control': 'no-store',
  'content-security-policy': API_CONTENT_SECURITY_POLICY,
};

/**
 * Sets `DEFAULT_SECURITY_HEADERS` on a reply. Call it when a request arrives. A route can
 * then replace a default, and every response carries the rest, errors and 404s included.
 * The gateway calls it from its `onRequest` hook, which spares each response a pass through
 * Fastify's `onSend` hooks.
 *
 * NOTE: no `Strict-Transport-Security` header is sent, because the gateway itself serves
 * plain HTTP. The TLS-terminating proxy in front of it should send HSTS.
 */
export function setSecurityHeaders(reply: FastifyReply): void {
  reply.headers(DEFAULT_SECURITY_HEADERS);
}

/**
 * Registers an `onRequest` hook that calls `setSecurityHeaders` for every request of the app
 * (the plugin is not encapsulated), for Fastify apps other than the gateway's.
 */
export const securityHeadersPlugin = fastifyPlugin(
  async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
    // Synchronous, with `done`, because an async hook costs a promise on every request.
    app.addHook('onRequest', (_request, reply, done) => {
      setSecurityHeaders(reply);
      done();
    });
  },
  { name: 'ds-data-gateway-security-headers', fastify: '5.x' },
);
