import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';

import type { BrowserConfig } from '../../src/config/browser.js';
import { CORS_ALLOWED_HEADERS, createCorsHandler } from '../../src/http/cors.js';

const ALLOWED_ORIGIN = 'https://studio.apollographql.com';
const REJECTED_ORIGIN = 'https://evil.example.net';

const baseCors: BrowserConfig['cors'] = {
  allowedOrigins: [ALLOWED_ORIGIN, 'http://localhost:5173'],
  allowCredentials: false,
  allowPrivateNetwork: true,
  preflightMaxAgeSeconds: 600,
};

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Registers the CORS handler in an `onRequest` hook, as the gateway does. */
function addCorsHook(target: FastifyInstance, cors: BrowserConfig['cors']): void {
  const handle = createCorsHandler(cors);
  target.addHook('onRequest', (request, reply, done) => {
    if (!handle(request, reply)) {
      done();
    }
  });
}

/** Starts a bare Fastify app with the CORS hook and a POST /graphql echo route on 127.0.0.1. */
async function startApp(cors: BrowserConfig['cors'] = baseCors): Promise<string> {
  app = Fastify();
  addCorsHook(app, cors);
  app.post('/graphql', async () => ({ data: { ok: true } }));
  return app.listen({ host: '127.0.0.1', port: 0 });
}

function preflight(baseUrl: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${baseUrl}/graphql`, {
    method: 'OPTIONS',
    headers: { 'access-control-request-method': 'POST', ...headers },
  });
}

/** Sends a JSON POST to /graphql, with an `Origin` header when `origin` is given. */
function post(baseUrl: string, origin?: string): Promise<Response> {
  return fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { ...(origin === undefined ? {} : { origin }), 'content-type': 'application/json' },
    body: '{}',
  });
}

describe('createCorsHandler', () => {
  describe('preflight', () => {
    it('allows a listed origin', async () => {
      const baseUrl = await startApp();
      const response = await preflight(baseUrl, {
        origin: ALLOWED_ORIGIN,
        'access-control-request-headers': 'content-type,authorization,apollo-require-preflight',
      });

      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
      expect(response.headers.get('access-control-allow-headers')).toBe(CORS_ALLOWED_HEADERS.join(', '));
      expect(response.headers.get('access-control-max-age')).toBe('600');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary')).toMatch(/Origin/);
    });

    it('responds before later hooks', async () => {
      app = Fastify();
      addCorsHook(app, baseCors);
      // Stands in for authentication, which a preflight never passes: browsers send no credentials with it.
      app.addHook('onRequest', async (_request, reply) => reply.code(401).send({ error: 'unauthenticated' }));
      app.post('/graphql', async () => ({ data: { ok: true } }));
      const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });

      const allowed = await preflight(baseUrl, { origin: ALLOWED_ORIGIN });
      const rejected = await preflight(baseUrl, { origin: REJECTED_ORIGIN });

      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('content-length')).toBe('0');
      expect(await allowed.text()).toBe('');
      expect(rejected.status).toBe(401);
    });

    it('rejects an unlisted origin', async () => {
      const baseUrl = await startApp();
      const response = await preflight(baseUrl, { origin: REJECTED_ORIGIN });

      expect(response.status).toBe(404);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-methods')).toBeNull();
    });

    it('rejects an origin differing in port', async () => {
      const baseUrl = await startApp();
      const response = await preflight(baseUrl, { origin: 'http://localhost:5174' });

      expect(response.status).toBe(404);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('rejects a preflight without a request method', async () => {
      const baseUrl = await startApp();
      const response = await fetch(`${baseUrl}/graphql`, { method: 'OPTIONS', headers: { origin: ALLOWED_ORIGIN } });

      expect(response.status).toBe(400);
      expect(await response.text()).toBe('Invalid Preflight Request');
    });

    it('sends credentials header when enabled', async () => {
      const baseUrl = await startApp({ ...baseCors, allowCredentials: true });
      const response = await preflight(baseUrl, { origin: ALLOWED_ORIGIN });

      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    });
  });

  describe('private network access', () => {
    it('allows a listed origin to reach a private address', async () => {
      const baseUrl = await startApp();
      const response = await preflight(baseUrl, {
        origin: ALLOWED_ORIGIN,
        'access-control-request-private-network': 'true',
      });

      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(response.headers.get('access-control-allow-private-network')).toBe('true');
    });

    it('rejects an unlisted origin', async () => {
      const baseUrl = await startApp();
      const response = await preflight(baseUrl, {
        origin: REJECTED_ORIGIN,
        'access-control-request-private-network': 'true',
      });

      expect(response.status).toBe(404);
      expect(response.headers.get('access-control-allow-private-network')).toBeNull();
    });

    it('omits the header when disabled', async () => {
      const baseUrl = await startApp({ ...baseCors, allowPrivateNetwork: false });
      const response = await preflight(baseUrl, {
        origin: ALLOWED_ORIGIN,
        'access-control-request-private-network': 'true',
      });

      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(response.headers.get('access-control-allow-private-network')).toBeNull();
    });

    it('omits the header when not requested', async () => {
      const baseUrl = await startApp();
      const response = await preflight(baseUrl, { origin: ALLOWED_ORIGIN });

      expect(response.headers.get('access-control-allow-private-network')).toBeNull();
    });
  });

  describe('actual request', () => {
    it('exposes headers to a listed origin', async () => {
      const baseUrl = await startApp();
      const response = await post(baseUrl, ALLOWED_ORIGIN);

      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(response.headers.get('access-control-expose-headers')).toBe('x-request-id, retry-after, www-authenticate');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary')).toBe('Origin');
    });

    it('omits CORS headers for an unlisted origin', async () => {
      const baseUrl = await startApp();
      const response = await post(baseUrl, REJECTED_ORIGIN);

      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-expose-headers')).toBeNull();
    });

    it('omits CORS headers without an origin', async () => {
      const baseUrl = await startApp();
      const response = await post(baseUrl);

      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('vary')).toBe('Origin');
    });

    it('allows credentials when enabled', async () => {
      const baseUrl = await startApp({ ...baseCors, allowCredentials: true });
      const response = await post(baseUrl, ALLOWED_ORIGIN);

      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    });

    it('allows no origin with an empty list', async () => {
      const baseUrl = await startApp({ ...baseCors, allowedOrigins: [] });
      const response = await preflight(baseUrl, { origin: ALLOWED_ORIGIN });

      expect(response.status).toBe(404);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
