/**
 * Runs every operation of `examples/*.graphql` against the gateway and its emulator, with
 * the gateway's default query limits, and expects data without errors. Mutations run in
 * an order that makes each one valid: create, change, then delete.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';

const EXAMPLES = resolve(import.meta.dirname, '../../examples');

/** Each example operation by name, printed on its own so it can be sent alone. */
const operations = new Map<string, string>(
  readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.graphql'))
    .flatMap((name) => parse(readFileSync(join(EXAMPLES, name), 'utf8')).definitions)
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => [operation.name!.value, print(operation)]),
);

/** Values saved by earlier runs for later ones, such as a global id. */
const saved: Record<string, string> = {};

interface ExampleRun {
  readonly operation: string;
  readonly variables: () => Record<string, unknown>;
  /** Checks beyond "no errors" on the returned data. */
  readonly check?: (data: Record<string, unknown>, h: Harness) => void;
}

const DIRECTORY = 'd-1234567890';

const RUNS: readonly ExampleRun[] = [
  { operation: 'ListUsers', variables: () => ({ first: 5 }) },
  {
    operation: 'UserByName',
    variables: () => ({ samAccountName: 'jdoe' }),
    check: (data) => {
      saved.userId = (data.user as { id: string }).id;
    },
  },
  { operation: 'UserProfile', variables: () => ({ samAccountName: 'mmajor' }) },
  { operation: 'SearchUsers', variables: () => ({ search: 'Roe' }) },
  { operation: 'ListGroups', variables: () => ({ first: 10 }) },
  { operation: 'SearchGroups', variables: () => ({ search: 'sales' }) },
  { operation: 'GroupWithMembers', variables: () => ({ samAccountName: 'DevOps' }) },
  { operation: 'GroupMembers', variables: () => ({ groupName: 'Domain Computers' }) },
  { operation: 'GroupsForMember', variables: () => ({ memberName: 'kthomas' }) },
  { operation: 'UserWithGroups', variables: () => ({ samAccountName: 'jroe' }) },
  {
    operation: 'NodeById',
    variables: () => ({ id: saved.userId }),
    check: (data) => expect((data.node as { samAccountName: string }).samAccountName).toBe('jdoe'),
  },
  {
    operation: 'CreateUser',
    variables: () => ({
      input: { samAccountName: 'example.user', emailAddress: 'example.user@corp.example.com', givenName: 'Example', clientToken: 'example-create-user' },
    }),
    check: (_data, h) => expect(h.emulator.directory(DIRECTORY).user('example.user')).toBeDefined(),
  },
  {
    operation: 'UpdateUserAttributes',
    variables: () => ({
      input: {
        samAccountName: 'example.user',
        otherAttributes: [
          { name: 'department', value: { S: 'Examples' } },
          { name: 'accountExpires', value: { N: '134587872000000000' } },
        ],
      },
    }),
    check: (_data, h) =>
      expect(h.emulator.directory(DIRECTORY).user('example.user')?.attributes.accountExpires).toEqual({ N: 134587872000000000n }),
  },
  { operation: 'DisableUser', variables: () => ({ input: { samAccountName: 'example.user' } }) },
  {
    operation: 'CreateGroup',
    variables: () => ({ input: { samAccountName: 'Example Group', groupType: 'SECURITY', groupScope: 'GLOBAL' } }),
    check: (_data, h) => expect(h.emulator.directory(DIRECTORY).group('Example Group')).toBeDefined(),
  },
  {
    operation: 'UpdateGroup',
    variables: () => ({
      input: { samAccountName: 'Example Group', groupScope: 'UNIVERSAL', otherAttributes: [{ name: 'description', value: { S: 'Made by the examples' } }] },
    }),
  },
  {
    operation: 'AddGroupMember',
    variables: () => ({ input: { groupName: 'Example Group', memberName: 'example.user' } }),
    check: (_data, h) =>
      expect(h.emulator.directory(DIRECTORY).members('Example Group').map((member) => member.SAMAccountName)).toEqual(['example.user']),
  },
  {
    operation: 'RemoveGroupMember',
    variables: () => ({ input: { groupName: 'Example Group', memberName: 'example.user' } }),
    check: (_data, h) => expect(h.emulator.directory(DIRECTORY).members('Example Group')).toEqual([]),
  },
  {
    operation: 'DeleteGroup',
    variables: () => ({ input: { samAccountName: 'Example Group' } }),
    check: (_data, h) => expect(h.emulator.directory(DIRECTORY).group('Example Group')).toBeUndefined(),
  },
  {
    operation: 'DeleteUser',
    variables: () => ({ input: { samAccountName: 'example.user' } }),
    check: (_data, h) => expect(h.emulator.directory(DIRECTORY).user('example.user')).toBeUndefined(),
  },
];

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { AWS_EC2_METADATA_DISABLED: 'true' } });
});

afterAll(async () => {
  await h.close();
});

describe('example operations', () => {
  it('all have a run below', () => {
    expect([...operations.keys()].sort()).toEqual(RUNS.map((run) => run.operation).sort());
  });

  for (const run of RUNS) {
    it(`${run.operation} runs without errors`, async () => {
      const document = operations.get(run.operation);
      expect(document, `no example operation named ${run.operation}`).toBeDefined();

      const response = await h.graphql(document!, run.variables());

      expect(response.body.errors).toBeUndefined();
      expect(response.status).toBe(200);
      expect(response.body.data).toBeTruthy();
      run.check?.(response.body.data!, h);
    });
  }
});
