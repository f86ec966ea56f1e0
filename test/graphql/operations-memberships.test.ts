/**
 * The membership operations end to end (ListGroupMembers, ListGroupsForMember,
 * AddGroupMember, RemoveGroupMember), through the root fields and the nested
 * `Group.members` and `User.groups`, checked against the emulator's state.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';

const DIRECTORY = 'd-1234567890';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { AWS_EC2_METADATA_DISABLED: 'true' } });
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.resetCalls();
});

function memberNames(group: string): string[] {
  return h.emulator.directory(DIRECTORY).members(group).map((member) => member.SAMAccountName);
}

describe('groupMembers (ListGroupMembers)', () => {
  it('tells users, groups and computers apart', async () => {
    const response = await h.graphql<{ groupMembers: { nodes: Array<Record<string, unknown>> } }>(
      `{ groupMembers(groupName: "Administrators", first: 10) {
          nodes {
            __typename
            ... on User { samAccountName sid }
            ... on Group { samAccountName sid groupScope }
          }
        } }`,
    );
    const stored = h.emulator.directory(DIRECTORY).members('Administrators');

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.groupMembers.nodes).toEqual([
      { __typename: 'User', samAccountName: 'Administrator', sid: stored.find((m) => m.SAMAccountName === 'Administrator')?.SID },
      { __typename: 'Group', samAccountName: 'Domain Admins', sid: stored.find((m) => m.SAMAccountName === 'Domain Admins')?.SID, groupScope: 'GLOBAL' },
      { __typename: 'Group', samAccountName: 'Enterprise Admins', sid: stored.find((m) => m.SAMAccountName === 'Enterprise Admins')?.SID, groupScope: 'UNIVERSAL' },
    ]);
    // groupScope is not in a member row, so each group member costs one DescribeGroup.
    expect(h.awsCalls()).toEqual(['ListGroupMembers', 'DescribeGroup', 'DescribeGroup']);
  });

  it('lists computers without describing them', async () => {
    const response = await h.graphql('{ groupMembers(groupName: "Domain Computers") { nodes { __typename ... on Computer { samAccountName realm } } } }');

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      groupMembers: {
        nodes: memberNames('Domain Computers').map((name) => ({ __typename: 'Computer', samAccountName: name, realm: 'corp.example.com' })),
      },
    });
    expect(h.awsCalls()).toEqual(['ListGroupMembers']);
  });

  it('lists members of a trusted realm when named', async () => {
    const response = await h.graphql(
      '{ group(samAccountName: "Europe Partners") { members(memberRealm: "europe.example.com") { nodes { ... on User { samAccountName realm emailAddress } } } } }',
    );

    expect(response.body.data).toEqual({
      group: {
        members: {
          nodes: [
            { samAccountName: 'adubois', realm: 'europe.example.com', emailAddress: null },
            { samAccountName: 'lschmidt', realm: 'europe.example.com', emailAddress: 'lena.schmidt@europe.example.com' },
            { samAccountName: 'mrossi', realm: 'europe.example.com', emailAddress: 'marco.rossi@europe.example.com' },
            { samAccountName: 'Pat Candella', realm: 'europe.example.com', emailAddress: null },
          ],
        },
      },
    });
    // AD lists names with spaces that DescribeUser's name pattern rejects: that one field
    // fails on its own path and the other members still resolve.
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.path).toEqual(['group', 'members', 'nodes', 3, 'emailAddress']);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('groupsForMember (ListGroupsForMember)', () => {
  it('returns the direct groups with the primary group', async () => {
    const response = await h.graphql<{ groupsForMember: { nodes: Array<{ samAccountName: string }> } }>(
      '{ groupsForMember(memberName: "kthomas") { nodes { samAccountName groupType } } }',
    );
    const names = response.body.data?.groupsForMember.nodes.map((node) => node.samAccountName) ?? [];

    expect(response.body.errors).toBeUndefined();
    for (const group of ['All Staff', 'DevOps', 'Domain Users', 'Remote Access']) {
      expect(names).toContain(group);
      expect(memberNames(group)).toContain('kthomas');
    }
    expect(names).toHaveLength(4);
    expect(h.awsCalls()).toEqual(['ListGroupsForMember']);
  });

  it('serves User.groups with the same call', async () => {
    const response = await h.graphql(
      '{ user(samAccountName: "jroe") { samAccountName groups(first: 10) { nodes { samAccountName } pageInfo { hasNextPage } } } }',
    );

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      user: {
        samAccountName: 'jroe',
        groups: {
          nodes: [
            { samAccountName: 'All Staff' },
            { samAccountName: 'Domain Users' },
            { samAccountName: 'Engineering' },
            { samAccountName: 'Engineering Managers' },
            { samAccountName: 'Remote Access' },
          ],
          pageInfo: { hasNextPage: false },
        },
      },
    });
    expect(h.awsCalls().sort()).toEqual(['DescribeUser', 'ListGroupsForMember']);
  });
});

describe('addGroupMember (AddGroupMember)', () => {
  it('adds a user and reads the group back', async () => {
    expect(memberNames('DevOps')).not.toContain('jdoe');

    const response = await h.graphql(
      `mutation {
        addGroupMember(input: { groupName: "DevOps", memberName: "jdoe", clientToken: "add-jdoe-devops" }) {
          memberName clientToken
          group { samAccountName members(first: 50) { nodes { ... on User { samAccountName } } } }
        }
      }`,
    );
    const after = memberNames('DevOps');

    expect(response.body.errors).toBeUndefined();
    expect(after).toContain('jdoe');
    expect(response.body.data).toEqual({
      addGroupMember: {
        memberName: 'jdoe',
        clientToken: 'add-jdoe-devops',
        group: { samAccountName: 'DevOps', members: { nodes: after.map((name) => ({ samAccountName: name })) } },
      },
    });
    expect(h.awsCalls()).toEqual(['AddGroupMember', 'DescribeGroup', 'ListGroupMembers']);
  });

  it('adds a member of a trusted realm to a domain local group', async () => {
    const response = await h.graphql(
      'mutation { addGroupMember(input: { groupName: "Remote Access", memberName: "mrossi", memberRealm: "europe.example.com" }) { memberName } }',
    );
    const added = h.emulator.directory(DIRECTORY).members('Remote Access').find((member) => member.SAMAccountName === 'mrossi');

    expect(response.body.errors).toBeUndefined();
    expect(added?.realm).toBe('europe.example.com');
    const body = JSON.parse(h.emulator.requests.find((request) => request.operation === 'AddGroupMember')?.rawBody ?? '{}') as Record<string, unknown>;
    expect(body.MemberRealm).toBe('europe.example.com');
  });

  it('reports an existing member as a conflict', async () => {
    const response = await h.graphql('mutation { addGroupMember(input: { groupName: "DevOps", memberName: "kthomas" }) { memberName } }');

    expect(response.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(response.body.errors?.[0]?.path).toEqual(['addGroupMember']);
  });
});

describe('removeGroupMember (RemoveGroupMember)', () => {
  it('removes the member', async () => {
    expect(memberNames('Remote Access')).toContain('akim');

    const response = await h.graphql(
      'mutation { removeGroupMember(input: { groupName: "Remote Access", memberName: "akim", clientToken: "remove-akim" }) { memberName clientToken } }',
    );

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ removeGroupMember: { memberName: 'akim', clientToken: 'remove-akim' } });
    expect(memberNames('Remote Access')).not.toContain('akim');
    expect(h.awsCalls()).toEqual(['RemoveGroupMember']);
  });

  it('reports a non-member as not found', async () => {
    const response = await h.graphql('mutation { removeGroupMember(input: { groupName: "Remote Access", memberName: "lchen" }) { memberName } }');

    expect(response.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(memberNames('Remote Access')).not.toContain('lchen');
  });
});
