/**
 * The audit trail of the running gateway: each mutation attempt writes exactly one record,
 * succeeded, failed or denied, with its AWS request ids and no attribute value.
 */
import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

function auditRecordsSince(index: number): Array<Record<string, unknown>> {
  return harness.logLines
    .slice(index)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((record) => record.audit === true);
}

describe('audit log through the gateway', () => {
  it('writes one record per mutation attempt', async () => {
    const title = `audit-title-${randomBytes(6).toString('hex')}`;
    const before = harness.logLines.length;

    // Separate requests: mutation payloads are non-null, so a failed mutation nulls `data`
    // and stops the later mutations of the same document.
    const changed = await harness.graphql(
      `mutation Change($title: String!) {
        updateUser(input: { samAccountName: "jdoe", updateType: REPLACE, clientToken: "audit-ok", otherAttributes: [{ name: "title", value: { S: $title } }] }) { clientToken }
      }`,
      { title },
    );
    const missing = await harness.graphql('mutation { deleteUser(input: { samAccountName: "nosuchuser", clientToken: "audit-missing" }) { clientToken } }');
    const denied = await harness.graphql('mutation { deleteGroup(input: { samAccountName: "Domain Admins", clientToken: "audit-denied" }) { clientToken } }');

    expect(changed.body.errors).toBeUndefined();
    expect(missing.body.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(denied.body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);

    const records = auditRecordsSince(before);
    const byToken = new Map(records.map((record) => [record.clientToken, record]));

    expect(records).toHaveLength(3);
    expect(byToken.get('audit-ok')).toMatchObject({
      subject: 'local',
      operation: 'UpdateUser',
      objectKind: 'user',
      samAccountName: 'jdoe',
      attributeNames: ['title'],
      outcome: 'succeeded',
    });
    expect(byToken.get('audit-missing')).toMatchObject({ operation: 'DeleteUser', samAccountName: 'nosuchuser', outcome: 'failed', errorCode: 'NOT_FOUND' });
    expect(byToken.get('audit-denied')).toMatchObject({ operation: 'DeleteGroup', samAccountName: 'Domain Admins', outcome: 'denied', errorCode: 'FORBIDDEN', awsRequestIds: [] });

    // The audited request ids are the ids the emulator gave the UpdateUser calls.
    const updateIds = byToken.get('audit-ok')?.awsRequestIds as string[];
    const emulatorIds = harness.emulator.requests.filter((request) => request.operation === 'UpdateUser').map((request) => request.requestId);
    expect(emulatorIds.length).toBeGreaterThan(0);
    expect(updateIds).toEqual(expect.arrayContaining(emulatorIds));

    expect(JSON.stringify(records)).not.toContain(title);
  });
});
