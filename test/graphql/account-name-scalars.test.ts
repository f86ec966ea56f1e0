/**
 * The account-name input scalars reject names AWS would reject, before any AWS call, with
 * a message that names the rule.
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

describe('account-name scalars', () => {
  it('rejects a user name with a space in variables', async () => {
    const response = await harness.graphql(
      `mutation ($name: UserName!) { createUser(input: { samAccountName: $name }) { sid } }`,
      { name: 'john doe' },
    );

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toBe(
      'Variable "$name" got invalid value "john doe"; UserName cannot represent "john doe": it must contain only ASCII ' +
        "letters, digits, '_', '-' and '.'.",
    );
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(harness.awsCalls()).toEqual([]);
  });

  it('rejects a group name with a forbidden character in a literal', async () => {
    const response = await harness.graphql(`{ group(samAccountName: "Sales/EMEA") { sid } }`);

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toBe(
      'GroupName cannot represent "Sales/EMEA": it must not contain any of : ; | = + " * ? < > / \\ , [ ] @.',
    );
    expect(harness.awsCalls()).toEqual([]);
  });

  it('rejects a member name longer than 63 characters', async () => {
    const response = await harness.graphql(
      `query ($name: MemberName!) { groupsForMember(memberName: $name) { nodes { samAccountName } } }`,
      { name: 'm'.repeat(64) },
    );

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toContain('MemberName cannot represent');
    expect(response.body.errors?.[0]?.message).toContain('it must be at most 63 characters long.');
  });

  it('accepts a group name with spaces, as AWS does', async () => {
    const response = await harness.graphql(`{ group(samAccountName: "Domain Users") { samAccountName } }`);

    expect(response.body).toEqual({ data: { group: { samAccountName: 'Domain Users' } } });
  });
});
