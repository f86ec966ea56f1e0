/**
 * Cursors, global ids and `node`, and errors on nested fields, through HTTP against the
 * gateway and its emulator.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';

const DIRECTORY = 'd-1234567890';

interface UsersPage {
  users: {
    edges: Array<{ cursor: string; node: { samAccountName: string } }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

const USERS_PAGE = `query ($first: Int, $after: String, $realm: String) {
  users(first: $first, after: $after, realm: $realm) {
    edges { cursor node { samAccountName } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { AWS_EC2_METADATA_DISABLED: 'true', MAX_QUERY_ALIASES: '15' } });
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.resetCalls();
});

async function usersPage(variables: Record<string, unknown>) {
  return h.graphql<UsersPage>(USERS_PAGE, variables);
}

/** Flips one character in the middle of a cursor, keeping it valid base64url. */
function tamper(cursor: string): string {
  const index = Math.floor(cursor.length / 2);
  const replacement = cursor[index] === 'A' ? 'B' : 'A';
  return `${cursor.slice(0, index)}${replacement}${cursor.slice(index + 1)}`;
}

describe('users connection', () => {
  it('pages through every user once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const response = await usersPage({ first: 7, after });
      expect(response.body.errors).toBeUndefined();
      const page = response.body.data!.users;
      seen.push(...page.edges.map((edge) => edge.node.samAccountName));
      pages += 1;
      expect(page.pageInfo.hasPreviousPage).toBe(false);
      if (!page.pageInfo.hasNextPage) {
        break;
      }
      after = page.pageInfo.endCursor;
      expect(pages).toBeLessThan(20);
    }
    const stored = h.emulator.directory(DIRECTORY).users().map((user) => user.SAMAccountName);

    expect(seen).toEqual(stored);
    expect(h.awsCalls()).toEqual(Array.from({ length: pages }, () => 'ListUsers'));
  });

  it('resumes after an edge in the middle of a page', async () => {
    const first = await usersPage({ first: 6 });
    const edges = first.body.data!.users.edges;
    const resumed = await usersPage({ first: 3, after: edges[2]!.cursor });

    expect(resumed.body.errors).toBeUndefined();
    expect(resumed.body.data?.users.edges.map((edge) => edge.node.samAccountName)).toEqual(
      edges.slice(3, 6).map((edge) => edge.node.samAccountName),
    );
  });

  it('carries no readable AWS token', async () => {
    const first = await usersPage({ first: 2 });
    const cursor = first.body.data!.users.pageInfo.endCursor!;
    await usersPage({ first: 2, after: cursor });
    const sentToken = (JSON.parse(h.emulator.requests.at(-1)!.rawBody) as { NextToken?: string }).NextToken;

    expect(sentToken).toEqual(expect.any(String));
    expect(cursor).not.toContain(sentToken);
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain(sentToken);
  });

  it('rejects a tampered cursor', async () => {
    const first = await usersPage({ first: 2 });
    h.resetCalls();
    const response = await usersPage({ first: 2, after: tamper(first.body.data!.users.pageInfo.endCursor!) });

    expect(response.body.errors?.[0]?.message).toBe(
      'The cursor in "users.after" is invalid: pass a cursor exactly as this gateway returned it. Cursors do not ' +
        'survive a gateway restart unless the gateway is configured with a fixed CURSOR_SECRET.',
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.extensions?.reason).toBe('INVALID_CURSOR');
    expect(h.awsCalls()).toEqual([]);
  });

  it('rejects a cursor used with other arguments', async () => {
    const first = await usersPage({ first: 2 });
    h.resetCalls();
    const response = await usersPage({ first: 2, after: first.body.data!.users.pageInfo.endCursor, realm: 'europe.example.com' });

    expect(response.body.errors?.[0]?.message).toBe(
      'The cursor in "users.after" belongs to a different query: use it only with the same field, arguments ' +
        '(except first and after) and caller that returned it, or start again without "after".',
    );
    expect(response.body.errors?.[0]?.extensions?.reason).toBe('CURSOR_MISMATCH');
    expect(h.awsCalls()).toEqual([]);
  });

  it('rejects a users cursor in searchUsers', async () => {
    const first = await usersPage({ first: 2 });
    const response = await h.graphql('query ($after: String) { searchUsers(search: "jdoe", after: $after) { nodes { samAccountName } } }', {
      after: first.body.data!.users.pageInfo.endCursor,
    });

    expect(response.body.errors?.[0]?.extensions?.reason).toBe('CURSOR_MISMATCH');
    expect(response.body.errors?.[0]?.extensions?.field).toBe('searchUsers.after');
  });

  it.each([
    [0, '"users.first" must be between 1 and 250 (the AWS page limit); got 0.'],
    [251, '"users.first" must be between 1 and 250 (the AWS page limit); got 251.'],
    [-1, '"users.first" must be between 1 and 250 (the AWS page limit); got -1.'],
  ])('rejects first: %i', async (first, message) => {
    const response = await usersPage({ first });

    expect(response.body.errors?.[0]?.message).toBe(message);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.extensions?.field).toBe('users.first');
    expect(h.awsCalls()).toEqual([]);
  });

  it('accepts first: 250', async () => {
    const response = await usersPage({ first: 250 });

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.users.edges).toHaveLength(h.emulator.directory(DIRECTORY).users().length);
    expect(response.body.data?.users.pageInfo.hasNextPage).toBe(false);
  });
});

describe('global ids', () => {
  const ID_QUERY = `{
    byName: user(samAccountName: "jdoe") { id }
    otherSpelling: user(samAccountName: "JDOE") { id }
    search: searchUsers(search: "jdoe") { nodes { id } }
    members: groupMembers(groupName: "Remote Access") { nodes { ... on User { samAccountName id } } }
    list: users(first: 250) { nodes { samAccountName id } }
  }`;

  it('is the same on every path to a user', async () => {
    const response = await h.graphql<{
      byName: { id: string };
      otherSpelling: { id: string };
      search: { nodes: Array<{ id: string }> };
      members: { nodes: Array<{ samAccountName?: string; id?: string }> };
      list: { nodes: Array<{ samAccountName: string; id: string }> };
    }>(ID_QUERY);
    const data = response.body.data!;
    const id = data.byName.id;

    expect(response.body.errors).toBeUndefined();
    expect(data.otherSpelling.id).toBe(id);
    expect(data.search.nodes[0]?.id).toBe(id);
    expect(data.members.nodes.find((node) => node.samAccountName === 'jdoe')?.id).toBe(id);
    expect(data.list.nodes.find((node) => node.samAccountName === 'jdoe')?.id).toBe(id);
  });

  it('fetches a user, a group and a computer with node', async () => {
    const ids = await h.graphql<{
      user: { id: string };
      group: { id: string };
      groupMembers: { nodes: Array<{ id: string; samAccountName: string }> };
    }>(
      '{ user(samAccountName: "jdoe") { id } group(samAccountName: "sales") { id } groupMembers(groupName: "Domain Computers", first: 1) { nodes { ... on Computer { id samAccountName } } } }',
    );
    const data = ids.body.data!;
    const response = await h.graphql(
      `query ($user: ID!, $group: ID!, $computer: ID!) {
        user: node(id: $user) { __typename id ... on User { samAccountName emailAddress } }
        group: node(id: $group) { __typename id ... on Group { samAccountName groupType } }
        computer: node(id: $computer) { __typename id ... on Computer { samAccountName } }
      }`,
      { user: data.user.id, group: data.group.id, computer: data.groupMembers.nodes[0]!.id },
    );

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      user: { __typename: 'User', id: data.user.id, samAccountName: 'jdoe', emailAddress: 'jane.doe@corp.example.com' },
      group: { __typename: 'Group', id: data.group.id, samAccountName: 'sales', groupType: 'SECURITY' },
      computer: { __typename: 'Computer', id: data.groupMembers.nodes[0]!.id, samAccountName: data.groupMembers.nodes[0]!.samAccountName },
    });
  });

  it('returns null for a user deleted and created again', async () => {
    await h.graphql('mutation { createUser(input: { samAccountName: "reborn" }) { sid } }');
    const before = await h.graphql<{ user: { id: string } }>('{ user(samAccountName: "reborn") { id } }');
    await h.graphql('mutation { deleteUser(input: { samAccountName: "reborn" }) { samAccountName } }');
    await h.graphql('mutation { createUser(input: { samAccountName: "reborn" }) { sid } }');

    const response = await h.graphql('query ($id: ID!) { node(id: $id) { id } }', { id: before.body.data!.user.id });
    const after = await h.graphql<{ user: { id: string } }>('{ user(samAccountName: "reborn") { id } }');

    expect(response.body).toEqual({ data: { node: null } });
    expect(after.body.data?.user.id).not.toBe(before.body.data?.user.id);
  });

  it('rejects an id the gateway did not issue', async () => {
    const response = await h.graphql('{ node(id: "not-an-id") { id } }');

    expect(response.body.errors?.[0]?.message).toBe('The id "not-an-id" in "id" is not a global id issued by this gateway.');
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(h.awsCalls()).toEqual([]);
  });
});

describe('errors on nested fields', () => {
  it('land on the field path and keep siblings', async () => {
    const response = await h.graphql(
      `{
        ok: user(samAccountName: "jdoe") { samAccountName }
        sales: group(samAccountName: "sales") {
          samAccountName
          members(first: 1, after: "bogus") { nodes { __typename } }
        }
      }`,
    );

    expect(response.body.data).toEqual({ ok: { samAccountName: 'jdoe' }, sales: { samAccountName: 'sales', members: null } });
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.path).toEqual(['sales', 'members']);
    expect(response.body.errors?.[0]?.extensions?.reason).toBe('INVALID_CURSOR');
  });

  it('keep the user when an attribute name is unsupported', async () => {
    const response = await h.graphql(
      '{ user(samAccountName: "jdoe") { samAccountName givenName attributes(names: ["department", "carLicense"]) { name } groups(first: 0) { nodes { samAccountName } } } }',
    );

    expect(response.body.data).toEqual({ user: { samAccountName: 'jdoe', givenName: 'Jane', attributes: null, groups: null } });
    expect(response.body.errors?.map((error) => error.path)).toEqual([
      ['user', 'groups'],
      ['user', 'attributes'],
    ]);
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
  });

  it('null one list item field when AWS fails for it', async () => {
    // The second DescribeUser fails every attempt: that member's e-mail alone is null.
    const draws = [0.9];
    h.emulator.setFaults({ operations: ['DescribeUser'], unavailableRate: 0.5, random: () => draws.shift() ?? 0.1 });
    try {
      const response = await h.graphql<{ users: { nodes: Array<{ samAccountName: string; emailAddress: string | null }> } }>(
        '{ users(first: 2) { nodes { samAccountName enabled emailAddress } } }',
      );
      const nodes = response.body.data!.users.nodes;

      expect(nodes.map((node) => node.samAccountName)).toEqual(['Admin', 'Administrator']);
      expect(nodes.filter((node) => node.emailAddress === null)).toHaveLength(2);
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('DIRECTORY_UNAVAILABLE');
      expect(response.body.errors?.[0]?.path?.slice(0, 2)).toEqual(['users', 'nodes']);
      expect(response.body.errors?.[0]?.path?.[3]).toBe('emailAddress');
    } finally {
      h.emulator.setFaults({});
    }
  });
});
