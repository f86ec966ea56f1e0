import { ApolloServer } from '@apollo/server';
import fastifyApollo from '@as-integrations/fastify';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createRateLimitHook, rateLimitedError, TokenBucketLimiter } from '../../src/http/rate-limit.js';

describe('TokenBucketLimiter', () => {
  it('allows a burst then rejects', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ requestsPerMinute: 60, burst: 3, now: () => now });

    expect([1, 2, 3].map(() => limiter.take('alice').allowed)).toEqual([true, true, true]);
    expect(limiter.take('alice')).toEqual({ allowed: false, retryAfterSeconds: 1 });

    now = 1000;
    expect(limiter.take('alice').allowed).toBe(true);
    expect(limiter.take('alice').allowed).toBe(false);
  });

  it('keeps subjects apart', () => {
    const limiter = new TokenBucketLimiter({ requestsPerMinute: 60, burst: 1, now: () => 0 });
    expect(limiter.take('alice').allowed).toBe(true);
    expect(limiter.take('alice').allowed).toBe(false);
    expect(limiter.take('bob').allowed).toBe(true);
  });

  it('computes the wait from the rate', () => {
    const limiter = new TokenBucketLimiter({ requestsPerMinute: 6, burst: 1, now: () => 0 });
    limiter.take('alice');
    expect(limiter.take('alice')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('is off at zero requests per minute', () => {
    const limiter = new TokenBucketLimiter({ requestsPerMinute: 0, burst: 1 });
    expect(Array.from({ length: 100 }, () => limiter.take('alice').allowed).every(Boolean)).toBe(true);
  });

  it('drops idle buckets past the bound', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ requestsPerMinute: 60, burst: 1, now: () => now, maxBuckets: 2 });
    limiter.take('a');
    limiter.take('b');
    now = 5000;
    limiter.take('c');
    expect(limiter.size).toBe(1);
  });
});

describe('createRateLimitHook', () => {
  const app = Fastify();

  beforeAll(async () => {
    app.addHook(
      'onRequest',
      createRateLimitHook({ config: { requestsPerMinute: 60, burst: 2 }, keyFor: (request) => String(request.headers['x-subject']) }),
    );
    app.get('/graphql', () => ({ data: { ok: true } }));
    await app.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await app.close();
  });

  function call(subject: string) {
    const { port } = app.server.address() as { port: number };
    return fetch(`http://127.0.0.1:${port}/graphql`, { headers: { 'x-subject': subject } });
  }

  it('responds 429 with Retry-After', async () => {
    expect((await call('carol')).status).toBe(200);
    expect((await call('carol')).status).toBe(200);

    const limited = await call('carol');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toEqual({
      errors: [
        {
          message: 'Too many requests: the limit is 60 per minute with bursts of 2. Retry after 1 s.',
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 },
        },
      ],
    });

    expect((await call('dave')).status).toBe(200);
  });
});

describe('rateLimitedError', () => {
  const config = { requestsPerMinute: 60, burst: 1 };
  const limiter = new TokenBucketLimiter(config);
  const apollo = new ApolloServer<{ subject: string }>({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
  const app = Fastify();
  let url: string;

  beforeAll(async () => {
    await apollo.start();
    await app.register(fastifyApollo(apollo), {
      context: async (request) => {
        const subject = String(request.headers['x-subject']);
        const decision = limiter.take(subject);
        if (!decision.allowed) {
          throw rateLimitedError(config, decision.retryAfterSeconds);
        }
        return { subject };
      },
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/graphql`;
  });

  afterAll(async () => {
    await app.close();
  });

  it('makes Apollo Server respond 429 with Retry-After', async () => {
    const send = () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-subject': 'erin' }, body: JSON.stringify({ query: '{ ok }' }) });

    expect((await send()).status).toBe(200);
    const limited = await send();
    const body = (await limited.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };

    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(body.errors[0]?.message).toBe('Too many requests: the limit is 60 per minute with bursts of 1. Retry after 1 s.');
    expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0]?.extensions.retryAfterSeconds).toBe(1);
  });
});
