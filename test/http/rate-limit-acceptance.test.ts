/**
 * The per-subject rate limit of the running gateway: past its burst a subject gets 429 with
 * `Retry-After` and `RATE_LIMITED`, whichever of its tokens it sends, no AWS call is made,
 * and other subjects are not affected. Tokens come from a JWKS server on 127.0.0.1.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createSigningKey, signToken, startJwksServer, type JwksServer, type SigningKey } from '../support/jwks-server.js';
import { startHarness, type Harness } from '../support/harness.js';

const QUERY = '{ user(samAccountName: "jdoe") { samAccountName } }';
const ISSUER = 'https://issuer.test';
const AUDIENCE = 'ds-data-gateway';

let jwks: JwksServer;
let key: SigningKey;
let harness: Harness;

beforeAll(async () => {
  key = await createSigningKey('rate-key');
  jwks = await startJwksServer([key]);
  harness = await startHarness({
    env: {
      RATE_LIMIT_PER_MINUTE: '6',
      RATE_LIMIT_BURST: '2',
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_JWKS_URL: jwks.url.href,
    },
  });
});

afterAll(async () => {
  await harness?.close();
  await jwks?.close();
});

beforeEach(() => {
  harness.resetCalls();
});

async function bearerFor(subject: string, tokenId: string) {
  const token = await signToken(key, { issuer: ISSUER, audience: AUDIENCE, subject, claims: { scope: 'directory:read', jti: tokenId } });
  return { authorization: `Bearer ${token}` };
}

describe('rate limit through the gateway', () => {
  it('rejects a subject past its burst, across its tokens', async () => {
    expect((await harness.graphql(QUERY, undefined, await bearerFor('alice', 'token-1'))).status).toBe(200);
    expect((await harness.graphql(QUERY, undefined, await bearerFor('alice', 'token-2'))).status).toBe(200);
    harness.resetCalls();

    const limited = await harness.graphql(QUERY, undefined, await bearerFor('alice', 'token-3'));
    const retryAfter = Number(limited.headers.get('retry-after'));

    expect(limited.status).toBe(429);
    // One request per 10 s refills the bucket; a slow run may already have earned part of it.
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(limited.body.errors?.map((error) => error.message)).toEqual([
      `Too many requests: the limit is 6 per minute with bursts of 2. Retry after ${retryAfter} s.`,
    ]);
    expect(limited.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    expect(harness.awsCalls()).toEqual([]);
  });

  it('keeps subjects apart', async () => {
    const other = await harness.graphql(QUERY, undefined, await bearerFor('bob', 'token-4'));
    expect(other.status).toBe(200);
    expect(harness.awsCalls()).toEqual(['DescribeUser']);
  });
});
