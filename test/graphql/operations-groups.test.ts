/**
 * The group operations end to end (ListGroups, SearchGroups, DescribeGroup, CreateGroup,
 * UpdateGroup, DeleteGroup), each checked against the state the emulator stores afterwards.
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

function bodiesOf(operation: string): Array<Record<string, unknown>> {
  return h.emulator.requests
    .filter((request) => request.operation === operation)
    .map((request) => ({ DirectoryId: request.query.DirectoryId, ...(JSON.parse(request.rawBody) as Record<string, unknown>) }));
}

describe('groups (ListGroups)', () => {
  it('returns the first page with type and scope', async () => {
    const response = await h.graphql<{ groups: { nodes: Array<Record<string, unknown>>; pageInfo: { hasNextPage: boolean } } }>(
      '{ groups(first: 4) { nodes { samAccountName sid groupType groupScope } pageInfo { hasNextPage } } }',
    );
    const stored = h.emulator.directory(DIRECTORY).groups().slice(0, 4);
    const scopes: Record<string, string> = { BuiltinLocal: 'BUILTIN_LOCAL', DomainLocal: 'DOMAIN_LOCAL', Global: 'GLOBAL', Universal: 'UNIVERSAL' };

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.groups.nodes).toEqual(
      stored.map((group) => ({
        samAccountName: group.SAMAccountName,
        sid: group.SID,
        groupType: group.GroupType.toUpperCase(),
        groupScope: scopes[group.GroupScope],
      })),
    );
    expect(response.body.data?.groups.pageInfo.hasNextPage).toBe(true);
    expect(h.awsCalls()).toEqual(['ListGroups']);
  });
});

describe('searchGroups (SearchGroups)', () => {
  it('finds groups by mail', async () => {
    const response = await h.graphql(
      '{ searchGroups(search: "all-staff@corp.example.com", attributes: ["mail"]) { nodes { samAccountName groupType groupScope distinguishedName } } }',
    );

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      searchGroups: {
        nodes: [
          {
            samAccountName: 'All Staff',
            groupType: 'DISTRIBUTION',
            groupScope: 'UNIVERSAL',
            distinguishedName: 'CN=All Staff,OU=Users,OU=CORP,DC=corp,DC=example,DC=com',
          },
        ],
      },
    });
    expect(h.awsCalls()).toEqual(['SearchGroups']);
    expect(bodiesOf('SearchGroups')).toEqual([
      { DirectoryId: DIRECTORY, SearchString: 'all-staff@corp.example.com', SearchAttributes: ['mail'], MaxResults: 25 },
    ]);
  });
});

describe('group (DescribeGroup)', () => {
  it('returns fields and attributes from one call', async () => {
    const response = await h.graphql(
      '{ group(samAccountName: "SALES") { samAccountName sid realm groupType groupScope attributes(names: ["description", "mail"]) { name value { S } } } }',
    );
    const stored = h.emulator.directory(DIRECTORY).group('sales');

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      group: {
        samAccountName: 'sales',
        sid: stored?.SID,
        realm: 'corp.example.com',
        groupType: 'SECURITY',
        groupScope: 'GLOBAL',
        attributes: [
          { name: 'description', value: { S: 'Sales team' } },
          { name: 'mail', value: { S: 'sales@corp.example.com' } },
        ],
      },
    });
    expect(h.awsCalls()).toEqual(['DescribeGroup']);
  });

  it('returns null for an unknown group', async () => {
    const response = await h.graphql('{ group(samAccountName: "No Such Group") { sid } }');

    expect(response.body).toEqual({ data: { group: null } });
  });
});

describe('createGroup (CreateGroup)', () => {
  it('creates a group with enums and reads it back', async () => {
    const response = await h.graphql<{ createGroup: Record<string, unknown> }>(
      `mutation {
        createGroup(input: {
          samAccountName: "Data Science", groupType: DISTRIBUTION, groupScope: UNIVERSAL, clientToken: "create-ds-1",
          otherAttributes: [{ name: "description", value: { S: "Analytics people" } }]
        }) {
          sid clientToken
          group { samAccountName groupType groupScope attributes(names: ["description"]) { value { S } } }
        }
      }`,
    );
    const stored = h.emulator.directory(DIRECTORY).group('Data Science');

    expect(response.body.errors).toBeUndefined();
    expect(stored?.GroupType).toBe('Distribution');
    expect(stored?.GroupScope).toBe('Universal');
    expect(stored?.attributes.description).toEqual({ S: 'Analytics people' });
    expect(response.body.data?.createGroup).toEqual({
      sid: stored?.SID,
      clientToken: 'create-ds-1',
      group: {
        samAccountName: 'Data Science',
        groupType: 'DISTRIBUTION',
        groupScope: 'UNIVERSAL',
        attributes: [{ value: { S: 'Analytics people' } }],
      },
    });
    expect(h.awsCalls()).toEqual(['CreateGroup', 'DescribeGroup']);
    expect(bodiesOf('CreateGroup')).toEqual([
      {
        DirectoryId: DIRECTORY,
        SAMAccountName: 'Data Science',
        GroupType: 'Distribution',
        GroupScope: 'Universal',
        OtherAttributes: { description: { S: 'Analytics people' } },
        ClientToken: 'create-ds-1',
      },
    ]);
  });

  it('rejects the BUILTIN_LOCAL scope before calling AWS', async () => {
    const response = await h.graphql('mutation { createGroup(input: { samAccountName: "Local Admins", groupScope: BUILTIN_LOCAL }) { sid } }');

    expect(response.body.errors?.[0]?.message).toBe(
      'groupScope BUILTIN_LOCAL is reserved for the built-in groups of a domain: use DOMAIN_LOCAL, GLOBAL or UNIVERSAL.',
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(h.awsCalls()).toEqual([]);
    expect(h.emulator.directory(DIRECTORY).group('Local Admins')).toBeUndefined();
  });
});

describe('updateGroup (UpdateGroup)', () => {
  it('changes scope and adds an unset attribute in two steps', async () => {
    const response = await h.graphql<{ updateGroup: { steps: Array<Record<string, unknown>>; group: Record<string, unknown> } }>(
      `mutation {
        updateGroup(input: {
          samAccountName: "Accounting", groupScope: UNIVERSAL, clientToken: "accounting-1",
          otherAttributes: [{ name: "mail", value: { S: "accounting@corp.example.com" } }]
        }) {
          steps { operation updateType attributes status }
          group { groupScope attributes(names: ["mail"]) { value { S } } }
        }
      }`,
    );
    const stored = h.emulator.directory(DIRECTORY).group('Accounting');

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.updateGroup).toEqual({
      steps: [
        { operation: 'UpdateGroup', updateType: 'ADD', attributes: ['mail'], status: 'APPLIED' },
        { operation: 'UpdateGroup', updateType: 'REPLACE', attributes: ['groupScope'], status: 'APPLIED' },
      ],
      group: { groupScope: 'UNIVERSAL', attributes: [{ value: { S: 'accounting@corp.example.com' } }] },
    });
    expect(stored?.GroupScope).toBe('Universal');
    expect(stored?.attributes.mail).toEqual({ S: 'accounting@corp.example.com' });
    expect(h.awsCalls()).toEqual(['DescribeGroup', 'UpdateGroup', 'UpdateGroup', 'DescribeGroup']);
  });

  it('sends one call with the given update type', async () => {
    const response = await h.graphql(
      `mutation {
        updateGroup(input: { samAccountName: "Marketing", groupType: DISTRIBUTION, updateType: REPLACE, clientToken: "marketing-1" }) {
          clientToken steps { updateType clientToken status }
        }
      }`,
    );

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      updateGroup: { clientToken: 'marketing-1', steps: [{ updateType: 'REPLACE', clientToken: 'marketing-1', status: 'APPLIED' }] },
    });
    expect(h.emulator.directory(DIRECTORY).group('Marketing')?.GroupType).toBe('Distribution');
    expect(bodiesOf('UpdateGroup')).toEqual([
      { DirectoryId: DIRECTORY, SAMAccountName: 'Marketing', GroupType: 'Distribution', UpdateType: 'REPLACE', ClientToken: 'marketing-1' },
    ]);
  });
});

describe('deleteGroup (DeleteGroup)', () => {
  it('deletes the group and its memberships', async () => {
    expect(h.emulator.directory(DIRECTORY).group('Engineering Managers')).toBeDefined();

    const response = await h.graphql(
      'mutation { deleteGroup(input: { samAccountName: "Engineering Managers", clientToken: "delete-em" }) { samAccountName clientToken } }',
    );
    const engineering = h.emulator.directory(DIRECTORY).members('Engineering').map((member) => member.SAMAccountName);

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ deleteGroup: { samAccountName: 'Engineering Managers', clientToken: 'delete-em' } });
    expect(h.emulator.directory(DIRECTORY).group('Engineering Managers')).toBeUndefined();
    expect(engineering).not.toContain('Engineering Managers');
    expect(h.awsCalls()).toEqual(['DeleteGroup']);
  });
});
