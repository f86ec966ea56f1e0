/**
 * Metrics of the running gateway, read from its `/metrics` route: the Apollo plugin and the
 * DS Data client's `onCall` hook record what one query and one denied mutation cost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

function samples(text: string, prefix: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(prefix));
}

describe('metrics through the gateway', () => {
  it('serves operation and AWS call counts', async () => {
    await harness.graphql('query UserCard { user(samAccountName: "jdoe") { samAccountName } }');
    await harness.graphql('mutation Disable { disableUser(input: { samAccountName: "krbtgt" }) { clientToken } }');

    const response = await fetch(harness.url.replace(/\/graphql$/, '/metrics'));
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(samples(text, 'gateway_graphql_requests_total')).toEqual([
      'gateway_graphql_requests_total{operation_type="query",operation_name="UserCard",outcome="success"} 1',
      'gateway_graphql_requests_total{operation_type="mutation",operation_name="Disable",outcome="FORBIDDEN"} 1',
    ]);
    expect(samples(text, 'gateway_aws_calls_total')).toEqual(['gateway_aws_calls_total{operation="DescribeUser",directory_id="d-1234567890",status="200"} 1']);
  });
});
