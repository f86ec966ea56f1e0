/**
 * Counts the AWS calls the emulator receives for representative queries and checks that
 * each count is the minimum the documented DS Data API allows. The minimum of each case and
 * its reasoning sit next to the query in `economy-queries.ts`. The emulator's quota is off,
 * so no call is throttled or retried.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';
import { ECONOMY_CASES, economySeed, LARGE_GROUP_SIZE, largeGroupMemberNames } from './economy-queries.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    // The large-group query may cost 102 calls, above the default limit of 50.
    env: { AWS_EC2_METADATA_DISABLED: 'true', EMULATOR_QUOTA: 'off', MAX_QUERY_COST: '500', MAX_QUERY_ALIASES: '15' },
    emulator: { seed: economySeed(), quota: false },
  });
});

afterAll(async () => {
  await h.close();
});

async function callsFor(query: string, variables?: Record<string, unknown>) {
  h.resetCalls();
  const response = await h.graphql(query, variables);
  return { response, calls: h.awsCalls() };
}

describe('AWS call count', () => {
  for (const economyCase of ECONOMY_CASES) {
    it(`is minimal for ${economyCase.name}`, async () => {
      const { response, calls } = await callsFor(economyCase.query, economyCase.variables);

      expect(response.body.errors).toBeUndefined();
      expect(response.status).toBe(200);
      expect(calls).toHaveLength(economyCase.minimumCalls);
      expect([...calls].sort()).toEqual([...economyCase.operations].sort());
    });
  }
});

describe('economy queries', () => {
  it('list a page of 50 users with unset names', async () => {
    const { response } = await callsFor(ECONOMY_CASES[0]!.query);
    const edges = (response.body.data as { users: { edges: Array<{ node: Record<string, unknown> }> } }).users.edges;

    expect(edges).toHaveLength(50);
    // Built-in accounts have no given name or surname, which ListUsers shows by leaving them out.
    const administrator = edges.find((edge) => edge.node.samAccountName === 'Administrator');
    expect(administrator?.node.givenName).toBeNull();
    expect(administrator?.node.surname).toBeNull();
    expect(administrator?.node.enabled).toBe(true);
  });

  it('list 10 users, each with an e-mail field', async () => {
    const { response } = await callsFor(ECONOMY_CASES[1]!.query);
    const nodes = (response.body.data as { users: { nodes: Array<{ emailAddress: string | null }> } }).users.nodes;

    expect(nodes).toHaveLength(10);
  });

  it('return all 100 members with e-mail', async () => {
    const largeGroup = ECONOMY_CASES[2]!;
    const { response } = await callsFor(largeGroup.query, largeGroup.variables);
    const group = (response.body.data as {
      group: { members: { nodes: Array<{ samAccountName: string; emailAddress: string }>; pageInfo: { hasNextPage: boolean } } };
    }).group;

    expect(group.members.nodes).toHaveLength(LARGE_GROUP_SIZE);
    expect(group.members.pageInfo.hasNextPage).toBe(false);
    expect(group.members.nodes.map((node) => node.emailAddress).sort()).toEqual(
      largeGroupMemberNames().map((name) => `${name}@corp.example.com`),
    );
  });

  it('answer both aliases of one user', async () => {
    const { response } = await callsFor(ECONOMY_CASES[3]!.query);

    expect(response.body.data).toEqual({
      first: { samAccountName: 'jdoe', emailAddress: 'jane.doe@corp.example.com' },
      second: { givenName: 'Jane', surname: 'Doe', enabled: true },
    });
  });

  it('answer both attribute fields', async () => {
    const { response } = await callsFor(ECONOMY_CASES[4]!.query);

    expect(response.body.data).toEqual({
      user: {
        samAccountName: 'jdoe',
        work: [
          { name: 'department', value: { S: 'Engineering' } },
          { name: 'title', value: { S: 'Principal Engineer' } },
        ],
        contact: [
          { name: 'telephoneNumber', value: { S: '+1 206 555 0100' } },
          { name: 'mobile', value: { S: '+1 206 555 0199' } },
        ],
      },
    });
  });
});

describe('attributes over the per-call limit', () => {
  it('merge both describe calls', async () => {
    const { response } = await callsFor(ECONOMY_CASES[5]!.query);
    const user = (response.body.data as { user: { contact: Array<{ name: string }>; more: Array<{ name: string }> } }).user;

    expect(response.body.errors).toBeUndefined();
    expect(user.contact.map((entry) => entry.name)).toEqual(['cn', 'co', 'company', 'department', 'displayName', 'l', 'manager']);
    // mobile comes from the first call and title from the second (names 26 to 30).
    expect(user.more.map((entry) => entry.name)).toEqual([
      'mobile',
      'objectClass',
      'objectGUID',
      'physicalDeliveryOfficeName',
      'proxyAddresses',
      'telephoneNumber',
      'title',
      'whenChanged',
    ]);
  });
});

describe('AWS call count beyond the acceptance cases', () => {
  it('is one ListUsers for the next page', async () => {
    // Resuming from endCursor starts the next AWS page directly: one call, no replay.
    const first = await h.graphql<{ users: { pageInfo: { endCursor: string } } }>(
      '{ users(first: 5) { pageInfo { endCursor } } }',
    );
    const { calls } = await callsFor('query ($after: String) { users(first: 5, after: $after) { nodes { samAccountName } } }', {
      after: first.body.data?.users.pageInfo.endCursor,
    });

    expect(calls).toEqual(['ListUsers']);
  });

  it('is one SearchUsers for fields a search returns', async () => {
    // SearchUsers returns whole User objects: e-mail, DN and UPN need no describe.
    const { response, calls } = await callsFor(
      '{ searchUsers(search: "jdoe") { nodes { id samAccountName emailAddress distinguishedName userPrincipalName givenName surname enabled } } }',
    );

    expect(response.body.errors).toBeUndefined();
    expect(calls).toEqual(['SearchUsers']);
  });

  it('is one ListGroups for group summaries', async () => {
    const { response, calls } = await callsFor('{ groups(first: 100) { nodes { id sid samAccountName groupType groupScope } } }');

    expect(response.body.errors).toBeUndefined();
    expect(calls).toEqual(['ListGroups']);
  });

  it('is one describe for a user and its attributes', async () => {
    // The id, realm and fields of one user plus attributes: all from one DescribeUser.
    const { response, calls } = await callsFor(
      '{ user(samAccountName: "jdoe") { id realm emailAddress attributes(names: ["department"]) { name } } }',
    );

    expect(response.body.errors).toBeUndefined();
    expect(calls).toEqual(['DescribeUser']);
  });
});
