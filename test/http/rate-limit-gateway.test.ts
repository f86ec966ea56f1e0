/**
 * The per-subject rate limit, through the real gateway: a caller past its burst gets 429
 * with Retry-After and the RATE_LIMITED code, and no AWS call is made for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

describe('per-subject rate limit', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ env: { RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '3' } });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('answers 429 after the burst without calling AWS', async () => {
    const query = `{ user(samAccountName: "jdoe") { givenName } }`;
    for (let index = 0; index < 3; index += 1) {
      expect((await harness.graphql(query)).status).toBe(200);
    }
    harness.resetCalls();

    const limited = await harness.graphql(query);

    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
    expect(limited.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    expect(harness.awsCalls()).toEqual([]);
  });
});

describe('failed authentication limit', () => {
  let harness: Harness;
  let jwks: import('node:http').Server;

  beforeAll(async () => {
    const { createServer } = await import('node:http');
    jwks = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"keys":[]}');
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const port = (jwks.address() as import('node:net').AddressInfo).port;
    harness = await startHarness({
      env: {
        AUTH_MODE: 'jwt',
        AUTH_ISSUER: 'https://issuer.test',
        AUTH_AUDIENCE: 'ds-data-gateway',
        AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
        RATE_LIMIT_PER_MINUTE: '1',
        RATE_LIMIT_BURST: '2',
      },
    });
  });

  afterAll(async () => {
    await harness.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  it('answers 429 once an address has used up its failed attempts', async () => {
    const query = `{ user(samAccountName: "jdoe") { givenName } }`;
    const headers = { authorization: 'Bearer not-a-jwt' };

    expect((await harness.graphql(query, undefined, headers)).status).toBe(401);
    expect((await harness.graphql(query, undefined, headers)).status).toBe(401);
    const limited = await harness.graphql(query, undefined, headers);

    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    expect(harness.awsCalls()).toEqual([]);
  });
});
