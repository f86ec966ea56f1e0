/**
 * Metrics fed by the real gateway: the Apollo plugin and the DS Data client's `onCall` hook
 * record what one query and one denied mutation actually cost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createMetrics } from '../../src/http/metrics.js';
import { startHarness, type Harness } from '../support/harness.js';

const metrics = createMetrics({ collectDefault: false });
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ gateway: { plugins: [metrics.apolloPlugin] }, onCall: metrics.recordCall });
});

afterAll(async () => {
  await harness?.close();
});

function samples(text: string, prefix: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(prefix));
}

describe('metrics through the gateway', () => {
  it('counts operations and AWS calls', async () => {
    await harness.graphql('query UserCard { user(samAccountName: "jdoe") { samAccountName } }');
    await harness.graphql('mutation Disable { disableUser(input: { samAccountName: "krbtgt" }) { clientToken } }');
    const text = await metrics.render();

    expect(samples(text, 'gateway_graphql_requests_total')).toEqual([
      'gateway_graphql_requests_total{operation_type="query",operation_name="UserCard",outcome="success"} 1',
      'gateway_graphql_requests_total{operation_type="mutation",operation_name="Disable",outcome="FORBIDDEN"} 1',
    ]);
    expect(samples(text, 'gateway_aws_calls_total')).toEqual(['gateway_aws_calls_total{operation="DescribeUser",directory_id="d-1234567890",status="200"} 1']);
  });
});
