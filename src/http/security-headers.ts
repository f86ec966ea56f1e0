import type { FastifyInstance } from 'fastify';
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
 * Content-Security-Policy for other HTML, which is Apollo's landing page. Apollo Server
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
 * Registers an `onSend` hook that adds the security headers to every response of the app
 * (the plugin is not encapsulated), and `Cache-Control: no-store` to those without a
 * `Cache-Control` of their own. A route that sets its own `Content-Security-Policy`
 * keeps it, so the explorer can send `EXPLORER_CONTENT_SECURITY_POLICY`.
 *
 * NOTE: no `Strict-Transport-Security` header is sent, because the gateway itself serves
 * plain HTTP. The TLS-terminating proxy in front of it should send HSTS.
 */
export const securityHeadersPlugin = fastifyPlugin(
  async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
    // Synchronous, with `done`, because an async hook costs a promise on every response.
    app.addHook('onSend', (_request, reply, payload, done) => {
      reply.headers(STATIC_SECURITY_HEADERS);
      // Responses carry directory data, so nothing may store them unless the route sets its
      // own policy (the explorer's assets do).
      if (!reply.hasHeader('cache-control')) {
        reply.header('cache-control', 'no-store');
      }

      if (!reply.hasHeader('content-security-policy')) {
        const contentType = String(reply.getHeader('content-type') ?? '');
        const isHtml = contentType.toLowerCase().startsWith('text/html');
        reply.header('content-security-policy', isHtml ? LANDING_PAGE_CONTENT_SECURITY_POLICY : API_CONTENT_SECURITY_POLICY);
      }

      done(null, payload);
    });
  },
  { name: 'ds-data-gateway-security-headers', fastify: '5.x' },
);
