/**
 * The query timeout: an operation that outlives `QUERY_TIMEOUT_MS` gets
 * `UPSTREAM_TIMEOUT` as soon as the timeout passes, its AWS call is aborted, and the client
 * does not retry the aborted call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';

const TIMEOUT_MS = 300;
const UPSTREAM_LATENCY_MS = 2000;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ env: { QUERY_TIMEOUT_MS: String(TIMEOUT_MS) }, emulator: { latencyMs: UPSTREAM_LATENCY_MS } });
});

afterAll(async () => {
  await harness?.close();
});

describe('query timeout', () => {
  it('aborts the upstream call at the timeout', async () => {
    const started = Date.now();
    const response = await harness.graphql('{ user(samAccountName: "jdoe") { samAccountName } }');
    const elapsed = Date.now() - started;

    expect(response.body.data).toEqual({ user: null });
    expect(response.body.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.cause])).toEqual([
      [['user'], 'UPSTREAM_TIMEOUT', 'AbortError'],
    ]);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(elapsed).toBeLessThan(UPSTREAM_LATENCY_MS);

    // Wait out the emulator's latency: an aborted call must not be sent again.
    await new Promise((resolve) => setTimeout(resolve, UPSTREAM_LATENCY_MS + 200));
    expect(harness.awsCalls()).toEqual(['DescribeUser']);
  });
});
