/**
 * The rate limit of the running gateway: past its burst a caller gets 429 with
 * `Retry-After` and `RATE_LIMITED`, no AWS call is made, and other callers are not affected.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';

const QUERY = '{ user(samAccountName: "jdoe") { samAccountName } }';
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ env: { RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_BURST: '2' } });
});

afterAll(async () => {
  await harness?.close();
});

beforeEach(() => {
  harness.resetCalls();
});

describe('rate limit through the gateway', () => {
  it('rejects a caller past its burst', async () => {
    const caller = { authorization: 'Bearer caller-one' };
    expect((await harness.graphql(QUERY, undefined, caller)).status).toBe(200);
    expect((await harness.graphql(QUERY, undefined, caller)).status).toBe(200);
    harness.resetCalls();

    const limited = await harness.graphql(QUERY, undefined, caller);

    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(limited.body.errors).toEqual([
      {
        message: 'Too many requests: the limit is 6 per minute with bursts of 2. Retry after 10 s.',
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 10 },
      },
    ]);
    expect(harness.awsCalls()).toEqual([]);
  });

  it('keeps callers apart', async () => {
    const other = await harness.graphql(QUERY, undefined, { authorization: 'Bearer caller-two' });
    expect(other.status).toBe(200);
    expect(harness.awsCalls()).toEqual(['DescribeUser']);
  });
});
