/**
 * The user operations end to end: HTTP to the gateway, its DS Data client, the emulator,
 * and the state the emulator stores afterwards. One test per AWS operation (ListUsers,
 * SearchUsers, DescribeUser, CreateUser, UpdateUser, DisableUser, DeleteUser), plus the
 * multi-step update and the read-back after a write.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { demoSeed } from '../../src/emulator/index.js';
import { startHarness, type Harness } from '../support/harness.js';

const DIRECTORY = 'd-1234567890';
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { AWS_EC2_METADATA_DISABLED: 'true' } });
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.emulator.setFaults({});
  h.resetCalls();
});

/** Returns the parsed request bodies of one operation, with the directory id from the query string. */
function bodiesOf(operation: string): Array<Record<string, unknown>> {
  return h.emulator.requests
    .filter((request) => request.operation === operation)
    .map((request) => ({ DirectoryId: request.query.DirectoryId, ...(JSON.parse(request.rawBody) as Record<string, unknown>) }));
}

describe('users (ListUsers)', () => {
  it('returns the first page in directory order', async () => {
    const response = await h.graphql<{ users: { nodes: Array<{ samAccountName: string; sid: string }>; pageInfo: Record<string, unknown> } }>(
      '{ users(first: 5) { nodes { samAccountName sid } pageInfo { hasNextPage hasPreviousPage } } }',
    );
    const stored = h.emulator.directory(DIRECTORY).users().slice(0, 5);

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.users.nodes).toEqual(stored.map((user) => ({ samAccountName: user.SAMAccountName, sid: user.SID })));
    expect(response.body.data?.users.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    expect(h.awsCalls()).toEqual(['ListUsers']);
    expect(bodiesOf('ListUsers')).toEqual([{ DirectoryId: DIRECTORY, MaxResults: 5 }]);
  });
});

describe('searchUsers (SearchUsers)', () => {
  it('finds users by surname', async () => {
    const response = await h.graphql<{ searchUsers: { nodes: Array<Record<string, unknown>> } }>(
      '{ searchUsers(search: "Roe", attributes: ["sn"]) { nodes { samAccountName surname emailAddress } } }',
    );

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.searchUsers.nodes).toEqual([
      { samAccountName: 'jroe', surname: 'Roe', emailAddress: 'jroe@corp.example.com' },
      { samAccountName: 'rroe', surname: 'Roe', emailAddress: 'rroe@corp.example.com' },
    ]);
    expect(h.awsCalls()).toEqual(['SearchUsers']);
    expect(bodiesOf('SearchUsers')).toEqual([
      { DirectoryId: DIRECTORY, SearchString: 'Roe', SearchAttributes: ['sn'], MaxResults: 25 },
    ]);
  });

  it('reports a wildcard as bad input', async () => {
    const response = await h.graphql('{ searchUsers(search: "j*") { nodes { samAccountName } } }');

    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.path).toEqual(['searchUsers']);
  });
});

describe('user (DescribeUser)', () => {
  it('returns fields and attributes from one call', async () => {
    const response = await h.graphql(
      `{ user(samAccountName: "mmajor") {
          samAccountName sid realm distinguishedName userPrincipalName emailAddress givenName surname enabled
          attributes(names: ["department", "accountExpires", "mobile"]) { name value { S N BOOL SS } }
        } }`,
    );
    const stored = h.emulator.directory(DIRECTORY).user('mmajor');

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      user: {
        samAccountName: 'mmajor',
        sid: stored?.SID,
        realm: 'corp.example.com',
        distinguishedName: 'CN=mmajor,OU=Users,OU=CORP,DC=corp,DC=example,DC=com',
        userPrincipalName: 'mmajor@CORP.EXAMPLE.COM',
        emailAddress: 'mmajor@corp.example.com',
        givenName: 'Mary',
        surname: 'Major',
        enabled: true,
        attributes: [
          { name: 'department', value: { S: 'Engineering', N: null, BOOL: null, SS: null } },
          // The FILETIME keeps every digit: 134587872000000000 is above 2^53.
          { name: 'accountExpires', value: { S: null, N: '134587872000000000', BOOL: null, SS: null } },
        ],
      },
    });
    expect(h.awsCalls()).toEqual(['DescribeUser']);
  });

  it('returns null for an unknown user', async () => {
    const response = await h.graphql('{ user(samAccountName: "nobody") { samAccountName } }');

    expect(response.body).toEqual({ data: { user: null } });
    expect(h.awsCalls()).toEqual(['DescribeUser']);
  });
});

describe('createUser (CreateUser)', () => {
  it('creates a disabled user and reads it back', async () => {
    const response = await h.graphql<{ createUser: { sid: string; clientToken: string; user: Record<string, unknown> } }>(
      `mutation ($input: CreateUserInput!) {
        createUser(input: $input) {
          sid clientToken
          user { samAccountName sid emailAddress givenName surname enabled attributes(names: ["department"]) { name value { S } } }
        }
      }`,
      {
        input: {
          samAccountName: 'newhire',
          emailAddress: 'new.hire@corp.example.com',
          givenName: 'New',
          surname: 'Hire',
          otherAttributes: [{ name: 'department', value: { S: 'Legal' } }],
          clientToken: 'create-newhire-1',
        },
      },
    );
    const stored = h.emulator.directory(DIRECTORY).user('newhire');

    expect(response.body.errors).toBeUndefined();
    expect(stored).toBeDefined();
    expect(stored?.Enabled).toBe(false);
    expect(stored?.attributes.department).toEqual({ S: 'Legal' });
    expect(stored?.attributes.mail).toEqual({ S: 'new.hire@corp.example.com' });
    expect(response.body.data?.createUser).toEqual({
      sid: stored?.SID,
      clientToken: 'create-newhire-1',
      user: {
        samAccountName: 'newhire',
        sid: stored?.SID,
        emailAddress: 'new.hire@corp.example.com',
        givenName: 'New',
        surname: 'Hire',
        enabled: false,
        attributes: [{ name: 'department', value: { S: 'Legal' } }],
      },
    });
    expect(h.awsCalls()).toEqual(['CreateUser', 'DescribeUser']);
    expect(bodiesOf('CreateUser')[0]?.ClientToken).toBe('create-newhire-1');
  });

  it('generates a client token when none is given', async () => {
    const response = await h.graphql<{ createUser: { clientToken: string } }>(
      'mutation { createUser(input: { samAccountName: "tokenless" }) { clientToken } }',
    );

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.createUser.clientToken).toMatch(UUID_SHAPE);
    expect(bodiesOf('CreateUser')[0]?.ClientToken).toBe(response.body.data?.createUser.clientToken);
    expect(h.emulator.directory(DIRECTORY).user('tokenless')).toBeDefined();
  });

  it('reports an existing name as a conflict', async () => {
    const response = await h.graphql('mutation { createUser(input: { samAccountName: "jdoe" }) { sid } }');

    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(response.body.errors?.[0]?.path).toEqual(['createUser']);
  });
});

describe('updateUser (UpdateUser)', () => {
  it('makes one call with the given update type and token', async () => {
    const response = await h.graphql<{ updateUser: Record<string, unknown> }>(
      `mutation {
        updateUser(input: {
          samAccountName: "jroe", updateType: REPLACE, clientToken: "jroe-title-1",
          otherAttributes: [{ name: "title", value: { S: "Director of Engineering" } }]
        }) {
          clientToken
          steps { operation updateType attributes clientToken status error }
          user { attributes(names: ["title"]) { value { S } } }
        }
      }`,
    );

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.updateUser).toEqual({
      clientToken: 'jroe-title-1',
      steps: [
        { operation: 'UpdateUser', updateType: 'REPLACE', attributes: ['title'], clientToken: 'jroe-title-1', status: 'APPLIED', error: null },
      ],
      user: { attributes: [{ value: { S: 'Director of Engineering' } }] },
    });
    expect(h.emulator.directory(DIRECTORY).user('jroe')?.attributes.title).toEqual({ S: 'Director of Engineering' });
    expect(h.awsCalls()).toEqual(['UpdateUser', 'DescribeUser']);
    expect(bodiesOf('UpdateUser')).toEqual([
      {
        DirectoryId: DIRECTORY,
        SAMAccountName: 'jroe',
        OtherAttributes: { title: { S: 'Director of Engineering' } },
        UpdateType: 'REPLACE',
        ClientToken: 'jroe-title-1',
      },
    ]);
  });

  it('splits into ADD and REPLACE by the current values', async () => {
    const mutation = `mutation ($input: UpdateUserInput!) {
      updateUser(input: $input) { clientToken steps { updateType attributes clientToken status } }
    }`;
    const input = {
      samAccountName: 'rroe',
      givenName: 'Rick',
      otherAttributes: [
        { name: 'mobile', value: { S: '+1 206 555 0142' } },
        { name: 'department', value: { S: 'Platform' } },
      ],
      clientToken: 'rroe-split-1',
    };
    const response = await h.graphql<{ updateUser: { steps: Array<{ updateType: string; attributes: string[]; clientToken: string; status: string }> } }>(
      mutation,
      { input },
    );
    const steps = response.body.data?.updateUser.steps ?? [];
    const stored = h.emulator.directory(DIRECTORY).user('rroe');

    expect(response.body.errors).toBeUndefined();
    expect(steps.map(({ updateType, attributes, status }) => ({ updateType, attributes, status }))).toEqual([
      { updateType: 'ADD', attributes: ['mobile'], status: 'APPLIED' },
      { updateType: 'REPLACE', attributes: ['givenName', 'department'], status: 'APPLIED' },
    ]);
    expect(stored?.attributes.mobile).toEqual({ S: '+1 206 555 0142' });
    expect(stored?.attributes.department).toEqual({ S: 'Platform' });
    expect(stored?.attributes.givenName).toEqual({ S: 'Rick' });
    expect(h.awsCalls()).toEqual(['DescribeUser', 'UpdateUser', 'UpdateUser']);

    // Each call has its own token derived from the client's, and AWS received exactly those.
    const tokens = steps.map((step) => step.clientToken);
    expect(tokens[0]).toMatch(UUID_SHAPE);
    expect(tokens[1]).toMatch(UUID_SHAPE);
    expect(new Set([...tokens, 'rroe-split-1']).size).toBe(3);
    expect(bodiesOf('UpdateUser').map((body) => body.ClientToken)).toEqual(tokens);
  });

  it('reports applied and failed steps when the second call fails', async () => {
    // The second UpdateUser call and its retries fail with InternalServerException.
    const draws = [0.9];
    h.emulator.setFaults({ operations: ['UpdateUser'], internalErrorRate: 0.5, random: () => draws.shift() ?? 0.1 });

    const response = await h.graphql<{ updateUser: { steps: Array<Record<string, unknown>> } }>(
      `mutation {
        updateUser(input: {
          samAccountName: "nwolf", clientToken: "nwolf-partial-1",
          otherAttributes: [{ name: "mobile", value: { S: "+1 206 555 0177" } }, { name: "title", value: { S: "Staff Engineer" } }]
        }) {
          steps { operation updateType attributes status error }
        }
      }`,
    );
    const stored = h.emulator.directory(DIRECTORY).user('nwolf');

    expect(response.body.data?.updateUser.steps).toEqual([
      { operation: 'UpdateUser', updateType: 'ADD', attributes: ['mobile'], status: 'APPLIED', error: null },
      { operation: 'UpdateUser', updateType: 'REPLACE', attributes: ['title'], status: 'FAILED', error: null },
    ]);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.path).toEqual(['updateUser', 'steps', 1, 'error']);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect((response.body.errors?.[0]?.extensions?.aws as { exception: string }).exception).toBe('InternalServerException');
    // The first step is in the directory and the second is not.
    expect(stored?.attributes.mobile).toEqual({ S: '+1 206 555 0177' });
    expect(stored?.attributes.title).toEqual({ S: 'Software Engineer' });
  });

  it('completes a partial update on retry', async () => {
    const mutation = `mutation ($input: UpdateUserInput!) {
      updateUser(input: $input) { steps { updateType clientToken status } }
    }`;
    const input = {
      samAccountName: 'imoore',
      clientToken: 'imoore-retry-1',
      otherAttributes: [
        { name: 'mobile', value: { S: '+1 206 555 0188' } },
        { name: 'title', value: { S: 'HR Business Partner' } },
      ],
    };
    const draws = [0.9];
    h.emulator.setFaults({ operations: ['UpdateUser'], internalErrorRate: 0.5, random: () => draws.shift() ?? 0.1 });
    const failed = await h.graphql<{ updateUser: { steps: Array<{ updateType: string; clientToken: string; status: string }> } }>(mutation, { input });
    h.emulator.setFaults({});
    h.resetCalls();

    // The retry reads the user again: mobile is now set, so both attributes are replaced in one call.
    const retried = await h.graphql<{ updateUser: { steps: Array<{ updateType: string; clientToken: string; status: string }> } }>(mutation, { input });
    const stored = h.emulator.directory(DIRECTORY).user('imoore');

    expect(failed.body.data?.updateUser.steps.map((step) => step.status)).toEqual(['APPLIED', 'FAILED']);
    expect(retried.body.errors).toBeUndefined();
    expect(retried.body.data?.updateUser.steps.map((step) => [step.updateType, step.status])).toEqual([['REPLACE', 'APPLIED']]);
    expect(stored?.attributes.mobile).toEqual({ S: '+1 206 555 0188' });
    expect(stored?.attributes.title).toEqual({ S: 'HR Business Partner' });
    expect(h.awsCalls()).toEqual(['DescribeUser', 'UpdateUser']);
  });

  it('reads back each of two updates in one request', async () => {
    const response = await h.graphql(
      `mutation {
        first: updateUser(input: { samAccountName: "ltaylor", updateType: REPLACE, otherAttributes: [{ name: "title", value: { S: "Help Desk Lead" } }] }) {
          user { attributes(names: ["title"]) { value { S } } }
        }
        second: updateUser(input: { samAccountName: "LTAYLOR", updateType: REPLACE, otherAttributes: [{ name: "title", value: { S: "IT Support Manager" } }] }) {
          user { attributes(names: ["title"]) { value { S } } }
        }
      }`,
    );

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      first: { user: { attributes: [{ value: { S: 'Help Desk Lead' } }] } },
      second: { user: { attributes: [{ value: { S: 'IT Support Manager' } }] } },
    });
    expect(h.awsCalls()).toEqual(['UpdateUser', 'DescribeUser', 'UpdateUser', 'DescribeUser']);
  });

  it('rejects an input with nothing to change', async () => {
    const response = await h.graphql('mutation { updateUser(input: { samAccountName: "jdoe" }) { clientToken } }');

    expect(response.body.errors?.[0]?.message).toBe(
      'updateUser has nothing to change: set at least one of emailAddress, givenName, surname or otherAttributes.',
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(h.awsCalls()).toEqual([]);
  });
});

describe('disableUser (DisableUser)', () => {
  it('disables the account', async () => {
    expect(h.emulator.directory(DIRECTORY).user('dmiller')?.Enabled).toBe(true);

    const response = await h.graphql(
      'mutation { disableUser(input: { samAccountName: "dmiller", clientToken: "disable-dmiller" }) { clientToken user { samAccountName enabled } } }',
    );

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      disableUser: { clientToken: 'disable-dmiller', user: { samAccountName: 'dmiller', enabled: false } },
    });
    expect(h.emulator.directory(DIRECTORY).user('dmiller')?.Enabled).toBe(false);
    expect(h.awsCalls()).toEqual(['DisableUser', 'DescribeUser']);
  });
});

describe('deleteUser (DeleteUser)', () => {
  it('deletes the user and its memberships', async () => {
    expect(h.emulator.directory(DIRECTORY).members('DevOps').map((member) => member.SAMAccountName)).toContain('asmith');

    const response = await h.graphql(
      'mutation { deleteUser(input: { samAccountName: "asmith", clientToken: "delete-asmith" }) { samAccountName clientToken } }',
    );

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ deleteUser: { samAccountName: 'asmith', clientToken: 'delete-asmith' } });
    expect(h.emulator.directory(DIRECTORY).user('asmith')).toBeUndefined();
    expect(h.emulator.directory(DIRECTORY).members('DevOps').map((member) => member.SAMAccountName)).not.toContain('asmith');
    expect(h.awsCalls()).toEqual(['DeleteUser']);
  });

  it('reports an unknown user as not found', async () => {
    const response = await h.graphql('mutation { deleteUser(input: { samAccountName: "nobody" }) { samAccountName } }');

    expect(response.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(response.body.errors?.[0]?.path).toEqual(['deleteUser']);
  });
});

describe('values a strict scalar would reject', () => {
  let odd: Harness;

  beforeAll(async () => {
    const seed = demoSeed();
    const directory = seed.directories[0]!;
    odd = await startHarness({
      env: { AWS_EC2_METADATA_DISABLED: 'true' },
      emulator: {
        seed: {
          directories: [
            { ...directory, users: [...(directory.users ?? []), { SAMAccountName: 'oddmail', EmailAddress: 'odd.mail@corp.example.com ' }] },
          ],
        },
      },
    });
  });

  afterAll(async () => {
    await odd.close();
  });

  it('read back as the directory stores them', async () => {
    const response = await odd.graphql('{ user(samAccountName: "oddmail") { samAccountName emailAddress } }');

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ user: { samAccountName: 'oddmail', emailAddress: 'odd.mail@corp.example.com ' } });
  });
});
