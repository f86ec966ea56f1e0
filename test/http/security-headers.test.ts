import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';

import {
  API_CONTENT_SECURITY_POLICY,
  EXPLORER_CONTENT_SECURITY_POLICY,
  securityHeadersPlugin,
  STATIC_SECURITY_HEADERS,
} from '../../src/http/security-headers.js';

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Starts a bare Fastify app with the plugin and one route per kind of response. */
async function startApp(): Promise<string> {
  app = Fastify();
  await app.register(securityHeadersPlugin);
  app.get('/json', async () => ({ ok: true }));
  app.get('/html', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<p>landing</p>'));
  app.get('/own-policy', async (_request, reply) =>
    reply.type('text/html').header('content-security-policy', EXPLORER_CONTENT_SECURITY_POLICY).send('<p>explorer</p>'),
  );
  app.get('/cached', async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send({ ok: true }));
  app.get('/fails', async () => {
    throw new Error('boom');
  });
  return app.listen({ host: '127.0.0.1', port: 0 });
}

describe('securityHeadersPlugin', () => {
  it('sends the static headers on JSON', async () => {
    const baseUrl = await startApp();
    const response = await fetch(`${baseUrl}/json`);

    for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) {
      expect(response.headers.get(name), name).toBe(value);
    }
    expect(response.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps a cache policy the route set', async () => {
    const baseUrl = await startApp();
    const response = await fetch(`${baseUrl}/cached`);

    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('keeps the API policy for HTML without one', async () => {
    const baseUrl = await startApp();
    const response = await fetch(`${baseUrl}/html`);

    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('keeps a policy the route set', async () => {
    const baseUrl = await startApp();
    const response = await fetch(`${baseUrl}/own-policy`);

    expect(response.headers.get('content-security-policy')).toBe(EXPLORER_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('covers error and not-found responses', async () => {
    const baseUrl = await startApp();
    const failed = await fetch(`${baseUrl}/fails`);
    const missing = await fetch(`${baseUrl}/missing`);

    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
    expect(failed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
    expect(missing.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('EXPLORER_CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    EXPLORER_CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
      const [name = '', ...sources] = directive.split(' ');
      return [name, sources] as const;
    }),
  );

  it('limits requests to the own origin', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it('allows no inline or remote script', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it('names no third-party origin', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).toMatch(/^('self'|'none'|'unsafe-inline'|data:)$/);
      }
    }
  });

  it('forbids framing', () => {
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
