import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

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

export interface CorsPluginOptions {
  cors: BrowserConfig['cors'];
}

/**
 * Registers CORS for every route of the app (the plugin is not encapsulated).
 *
 * Only origins in the allow-list get `Access-Control-Allow-Origin`. A preflight from any
 * other origin gets no CORS headers, so the browser never sends the real request. Its
 * status comes from the route: 404 from this plugin's catch-all `OPTIONS` route, or 400
 * from Apollo Server's own `OPTIONS` handler on `/graphql`.
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
 */
export const corsPlugin = fastifyPlugin(
  async function registerCors(app: FastifyInstance, options: CorsPluginOptions): Promise<void> {
    const { cors } = options;
    const allowedOrigins = new Set(cors.allowedOrigins);
    const isAllowedOrigin = (origin: string | undefined): boolean =>
      origin !== undefined && allowedOrigins.has(origin);

    if (cors.allowPrivateNetwork) {
      // Runs before @fastify/cors's own onRequest hook, which sends the preflight response
      // with the headers already set on the reply.
      app.addHook('onRequest', async (request, reply) => {
        const asksForPrivateNetwork = request.headers['access-control-request-private-network'] === 'true';
        if (request.method === 'OPTIONS' && asksForPrivateNetwork && isAllowedOrigin(request.headers.origin)) {
          reply.header('access-control-allow-private-network', 'true');
        }
      });
    }

    await app.register(fastifyCors, {
      origin: (origin, callback) => callback(null, isAllowedOrigin(origin)),
      credentials: cors.allowCredentials,
      methods: ['GET', 'POST'],
      allowedHeaders: [...CORS_ALLOWED_HEADERS],
      exposedHeaders: [...CORS_EXPOSED_HEADERS],
      maxAge: cors.preflightMaxAgeSeconds,
      strictPreflight: true,
    });
  },
  { name: 'ds-data-gateway-cors', fastify: '5.x' },
);
