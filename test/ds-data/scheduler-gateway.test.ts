import { afterEach, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';

/** Quota settings of these tests: the emulator enforces the Standard edition and the scheduler is on. */
const QUOTA_ENV = {
  EMULATOR_QUOTA: 'standard',
  DS_DATA_QUOTA_SCHEDULER: 'on',
  RATE_LIMIT_PER_MINUTE: '0',
  AWS_EC2_METADATA_DISABLED: 'true',
};

const USERS = ['jdoe', 'jroe', 'sjohnson', 'dmiller', 'akim', 'kthomas', 'asmith', 'nwolf'];

function userQuery(index: number): string {
  return `query { user(samAccountName: "${USERS[index % USERS.length]}") { samAccountName } }`;
}

/** Returns the largest number of `times` in any window of `windowMs` that starts at one of them. */
function maxPerWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (const [index, from] of sorted.entries()) {
    max = Math.max(max, sorted.slice(index).filter((at) => at < from + windowMs).length);
  }
  return max;
}

describe('quota scheduler through the gateway', () => {
  let harness: Harness | undefined;

  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('keeps a burst inside the read quota', async () => {
    harness = await startHarness({ env: QUOTA_ENV });
    const gateway = harness;
    gateway.resetCalls();

    const started = Date.now();
    const responses = await Promise.all(Array.from({ length: 20 }, (_, index) => gateway.graphql(userQuery(index))));
    const elapsedMs = Date.now() - started;

    for (const response of responses) {
      expect(response.body.errors).toBeUndefined();
    }
    const received = gateway.emulator.requests;
    expect(received).toHaveLength(20);
    expect(received.filter((request) => request.status === 429)).toHaveLength(0);
    expect(maxPerWindow(received.map((request) => request.receivedAt), 1000)).toBeLessThanOrEqual(8);
    // 20 reads at 8 per second need a third window.
    expect(elapsedMs).toBeGreaterThanOrEqual(2000);
  });

  it('rejects early what cannot start before the deadline', async () => {
    // One read per second makes the windows wide, so that how fast the gateway takes in the
    // requests on a busy machine cannot blur early rejection and rejection at the deadline.
    harness = await startHarness({
      env: { ...QUOTA_ENV, QUERY_TIMEOUT_MS: '3000', DS_DATA_QUOTA_OVERRIDES: 'd-1234567890:reads=1' },
    });
    const gateway = harness;
    gateway.resetCalls();

    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, async (_, index) => {
        const response = await gateway.graphql(userQuery(index));
        return { response, elapsedMs: Date.now() - started };
      }),
    );

    const limited = outcomes.filter(({ response }) => response.body.errors?.[0]?.extensions?.['code'] === 'RATE_LIMITED');
    const served = outcomes.filter(({ response }) => response.body.errors === undefined);
    // A call queued until its deadline may meet the query timeout first and fail with UPSTREAM_TIMEOUT.
    const timedOut = outcomes.filter(({ response }) => response.body.errors?.[0]?.extensions?.['code'] === 'UPSTREAM_TIMEOUT');
    expect(served.length + limited.length + timedOut.length).toBe(12);
    // Calls start about a second apart and each deadline is 3 s after the request arrived.
    expect(served.length).toBeGreaterThanOrEqual(2);
    expect(served.length).toBeLessThanOrEqual(5);
    for (const { response } of limited) {
      expect(response.body.errors?.[0]?.message).toMatch(
        /^The directory's request quota cannot serve this call before the request deadline \(it would wait \d+ ms\)\./,
      );
    }
    // Calls six or more seconds away are rejected as soon as they are queued. Calls near the
    // boundary may fail only at their deadline, because the scheduler rejects early only when
    // even its lower bound of the wait passes the deadline.
    expect(limited.filter(({ elapsedMs }) => elapsedMs < 2000).length).toBeGreaterThanOrEqual(6);
    expect(gateway.emulator.requests.filter((request) => request.status === 429)).toHaveLength(0);
  });
});
