/**
 * A mutation attempt that fails the gateway's input checks is audited too, without the
 * rejected values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness.close();
});

function auditRecords(): Array<Record<string, unknown>> {
  return harness.logLines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((record) => record['audit'] === true);
}

describe('audit of rejected input', () => {
  it('writes one failed record without the rejected value', async () => {
    const before = auditRecords().length;
    const response = await harness.graphql(
      `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { clientToken } }`,
      { input: { samAccountName: 'canary value 7f3a', givenName: 'Jane' } },
    );

    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const records = auditRecords().slice(before);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      subject: 'local',
      operation: 'UpdateUser',
      mutation: 'updateUser',
      objectKind: 'user',
      outcome: 'failed',
      errorCode: 'BAD_USER_INPUT',
      awsRequestIds: [],
    });
    expect(harness.logLines.some((line) => line.includes('canary value 7f3a'))).toBe(false);
    expect(harness.awsCalls()).toEqual([]);
  });

  it('writes one record, not two, when the policy denies', async () => {
    const before = auditRecords().length;
    const response = await harness.graphql(
      `mutation { updateUser(input: { samAccountName: "Administrator", givenName: "Eve", updateType: REPLACE }) { clientToken } }`,
    );

    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const records = auditRecords().slice(before);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ outcome: 'denied', samAccountName: 'Administrator' });
  });
});
