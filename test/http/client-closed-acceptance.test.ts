/**
 * A client that closes its connection mid-query: the gateway aborts the AWS call at once and
 * counts the request as `CLIENT_CLOSED_REQUEST`, not as an upstream timeout.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LightAbortSignal } from '../../src/ds-data/index.js';
import { wasClosedByClient } from '../../src/graphql/context.js';
import { startHarness, type Harness } from '../support/harness.js';

const UPSTREAM_LATENCY_MS = 1500;
const CLOSE_AFTER_MS = 200;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ emulator: { latencyMs: UPSTREAM_LATENCY_MS } });
});

afterAll(async () => {
  await harness?.close();
});

function samples(text: string, prefix: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(prefix));
}

/** Sends `query` and destroys the connection after `ms`, before the response can arrive. */
function sendAndClose(query: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ query });
    const outgoing = request(harness.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    outgoing.on('error', () => resolve());
    outgoing.on('close', () => resolve());
    outgoing.end(body);
    setTimeout(() => outgoing.destroy(), ms);
  });
}

/** Reads `/metrics` until a line starts with `prefix`, for at most `timeoutMs`. */
async function waitForSample(prefix: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await (await fetch(harness.url.replace(/\/graphql$/, '/metrics'))).text();
    if (samples(text, prefix).length > 0 || Date.now() > deadline) {
      return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('client closing the connection', () => {
  it('counts CLIENT_CLOSED_REQUEST and aborts', async () => {
    const closedAt = Date.now() + CLOSE_AFTER_MS;
    await sendAndClose('query Slow { user(samAccountName: "jdoe") { samAccountName } }', CLOSE_AFTER_MS);
    const text = await waitForSample('gateway_graphql_requests_total', UPSTREAM_LATENCY_MS * 2);
    const recordedAfterMs = Date.now() - closedAt;

    expect(samples(text, 'gateway_graphql_requests_total')).toEqual([
      'gateway_graphql_requests_total{operation_type="query",operation_name="Slow",outcome="CLIENT_CLOSED_REQUEST"} 1',
    ]);
    // The aborted call ended without a response, long before the emulator would have responded.
    expect(samples(text, 'gateway_aws_calls_total')).toEqual([
      'gateway_aws_calls_total{operation="DescribeUser",directory_id="d-1234567890",status="none"} 1',
    ]);
    expect(recordedAfterMs).toBeLessThan(UPSTREAM_LATENCY_MS - CLOSE_AFTER_MS);
  });
});

describe('wasClosedByClient', () => {
  it('tells a closed client from a timeout', () => {
    const closed = new LightAbortSignal();
    closed.abort(new DOMException('The client closed the connection.', 'AbortError'));
    const timedOut = new LightAbortSignal();
    timedOut.abort(new DOMException('The query exceeded 300 ms.', 'TimeoutError'));

    expect(wasClosedByClient({ signal: closed })).toBe(true);
    expect(wasClosedByClient({ signal: timedOut })).toBe(false);
    expect(wasClosedByClient({ signal: new LightAbortSignal() })).toBe(false);
    expect(wasClosedByClient({})).toBe(false);
  });
});
