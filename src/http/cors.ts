import type { FastifyReply, FastifyRequest } from 'fastify';

import type { BrowserConfig } from '../config/browser.js';

/**
 * Request headers that a cross-origin page may send. Apollo's CSRF prevention accepts a
 * request only when it carries a header that forces a preflight (`content-type:
 * application/json`, `apollo-require-preflight` or `x-apollo-operation-name`), so all of
 * them are allowed here. Apollo Sandbox also sends its client name and version.
 */
export const CORS_ALLOWED_HEADERS: readonly string[] = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'x-request-id',
];

/**
 * Response headers that a cross-origin page may read: the request id for support
 * tickets, `Retry-After` for `RATE_LIMITED`, and `WWW-Authenticate` for
 * `UNAUTHENTICATED`.
 */
export const CORS_EXPOSED_HEADERS: readonly string[] = ['x-request-id', 'retry-after', 'www-authenticate'];

/** Methods that a cross-origin page may use. GraphQL over HTTP needs no others. */
export const CORS_ALLOWED_METHODS: readonly string[] = ['GET', 'POST'];

/**
 * Function that applies the CORS policy to one request, called from the gateway's
 * `onRequest` hook on every route. It returns true when it sent the response itself (to a
 * preflight), and the hook must then not continue the request.
 */
export type CorsHandler = (request: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * Creates the CORS handler for `cors`.
 *
 * Only origins in the allow-list get `Access-Control-Allow-Origin`, with the exposed
 * headers and, when configured, `Access-Control-Allow-Credentials`. Every response carries
 * `Vary: Origin`, because its CORS headers depend on that request header. The handler
 * responds to the preflight of an allowed origin itself, with 204 and the allowed methods,
 * headers and cache time, before authentication or Apollo Server run. A
 * preflight without `Access-Control-Request-Method` gets 400. A preflight from any other
 * origin gets no CORS headers, so the browser never sends the real request. Its status comes
 * from the route: 404 where the path has no `OPTIONS` route, or 400 from Apollo Server's own
 * `OPTIONS` handler on `/graphql`.
 *
 * A preflight that carries `Access-Control-Request-Private-Network: true` gets
 * `Access-Control-Allow-Private-Network: true` only when the origin is allowed and
 * `allowPrivateNetwork` is on. Older Chromium versions send this Private Network Access
 * preflight before a public page calls localhost or a private address. Newer ones ask
 * the user for the Local Network Access permission instead and need no header: Chromium
 * 156 reaches the gateway with `allowPrivateNetwork` off once the permission is granted.
 *
 * NOTE: a request from a rejected origin that needs no preflight still reaches the
 * handler, as CORS only stops the page from reading the response. Apollo's CSRF
 * prevention rejects such GraphQL requests before they execute.
 *
 * The policy is a few fixed header decisions, so the gateway applies it in the hook it
 * already has, rather than in a second hook from `@fastify/cors`, which copies its options
 * and builds Fastify's route options twice on every request.
 */
export function createCorsHandler(cors: BrowserConfig['cors']): CorsHandler {
  const allowedOrigins = new Set(cors.allowedOrigins);
  const exposedHeaders = CORS_EXPOSED_HEADERS.join(', ');
  const preflightHeaders: Record<string, string> = {
    'access-control-allow-methods': CORS_ALLOWED_METHODS.join(', '),
    'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
    'access-control-max-age': String(cors.preflightMaxAgeSeconds),
  };

  return (request, reply) => {
    reply.header('vary', 'Origin');
    const origin = request.headers.origin;
    if (origin === undefined || !allowedOrigins.has(origin)) {
      return false;
    }

    reply.header('access-control-allow-origin', origin);
    if (cors.allowCredentials) {
      reply.header('access-control-allow-credentials', 'true');
    }
    reply.header('access-control-expose-headers', exposedHeaders);
    if (request.method !== 'OPTIONS') {
      return false;
    }

    if (request.headers['access-control-request-method'] === undefined) {
      reply.code(400).type('text/plain').send('Invalid Preflight Request');
      return true;
    }
    reply.headers(preflightHeaders);
    if (cors.allowPrivateNetwork && request.headers['access-control-request-private-network'] === 'true') {
      reply.header('access-control-allow-private-network', 'true');
    }
    // @fastify/cors sends the length too: by its comments, Safari otherwise waits for a body.
    reply.code(204).header('content-length', '0').send();
    return true;
  };
}
