/**
 * The documented request/response examples of the DS Data API model, run against the
 * emulator with a seed shaped after them. Inputs are the documented ones unless a line
 * marked "Adapted:" explains why not. Outputs are checked for the documented shape: generated
 * values (SIDs, DNs, GUIDs) differ, and the emulator adds the `Realm` and `MemberRealm`
 * echoes that the AWS CLI output shows and the examples leave out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { OperationName } from '../../src/ds-data/operations.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { EXAMPLE_DIRECTORY_ID, exampleSeed } from './support/example-seed.js';
import { callOperation, type WireResponse } from './support/signed-request.js';

const TOKEN = '550e8400-e29b-41d4-a716-446655440000';

let emulator: RunningEmulator;

beforeEach(async () => {
  emulator = await startEmulator({ seed: exampleSeed(), quota: false, logger: false });
});

afterEach(async () => {
  await emulator.close();
});

function call(operation: OperationName, input: Record<string, unknown>): Promise<WireResponse> {
  return callOperation(emulator.url, operation, input);
}

/** Asserts a 200 whose body has exactly the documented keys plus the listed echoes. */
function expectShape(response: WireResponse, documentedKeys: string[], echoes: string[] = []): void {
  expect(response.status).toBe(200);
  expect(Object.keys(response.body).sort()).toEqual([...documentedKeys, ...echoes].sort());
}

describe('documented examples', () => {
  it('AddGroupMember adds Pat Candella of europe.example.com to Marketing', async () => {
    const response = await call('AddGroupMember', {
      ClientToken: TOKEN,
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      GroupName: 'Marketing',
      MemberName: 'Pat Candella',
      MemberRealm: 'europe.example.com',
    });

    expectShape(response, []);
    const members = emulator.directory(EXAMPLE_DIRECTORY_ID).members('Marketing').map((member) => `${member.realm}/${member.SAMAccountName}`);
    expect(members).toContain('europe.example.com/Pat Candella');
  });

  it('CreateGroup creates AcctngMail', async () => {
    const response = await call('CreateGroup', {
      ClientToken: TOKEN,
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      GroupScope: 'DomainLocal',
      GroupType: 'Distribution',
      OtherAttributes: { displayName: { S: 'Acctng-mailing-list' }, description: { S: 'Accounting dept mailing list' } },
      SAMAccountName: 'AcctngMail',
    });

    expectShape(response, ['DirectoryId', 'SAMAccountName', 'SID']);
    expect(response.body.DirectoryId).toBe(EXAMPLE_DIRECTORY_ID);
    expect(response.body.SAMAccountName).toBe('AcctngMail');
  });

  it('CreateUser creates pcandella', async () => {
    const response = await call('CreateUser', {
      ClientToken: TOKEN,
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      EmailAddress: 'pcandella@exampledomain.com',
      GivenName: 'Pat Candella',
      OtherAttributes: { department: { S: 'HR' }, homePhone: { S: '212-555-0100' } },
      SAMAccountName: 'pcandella',
      Surname: 'Candella',
    });

    expectShape(response, ['DirectoryId', 'SAMAccountName', 'SID']);
    expect(response.body.SAMAccountName).toBe('pcandella');
  });

  it('DeleteGroup deletes marketing', async () => {
    const response = await call('DeleteGroup', { ClientToken: TOKEN, DirectoryId: EXAMPLE_DIRECTORY_ID, SAMAccountName: 'marketing' });

    expectShape(response, []);
    expect(emulator.directory(EXAMPLE_DIRECTORY_ID).group('Marketing')).toBeUndefined();
  });

  it('DeleteUser deletes pcandella', async () => {
    // Adapted: pcandella must exist first, so the CreateUser example runs before it.
    await call('CreateUser', { DirectoryId: EXAMPLE_DIRECTORY_ID, SAMAccountName: 'pcandella' });

    const response = await call('DeleteUser', { ClientToken: TOKEN, DirectoryId: EXAMPLE_DIRECTORY_ID, SAMAccountName: 'pcandella' });

    expectShape(response, []);
    expect(emulator.directory(EXAMPLE_DIRECTORY_ID).user('pcandella')).toBeUndefined();
  });

  it('DescribeGroup returns DevOpsMail of example.domain.com', async () => {
    const response = await call('DescribeGroup', {
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      OtherAttributes: ['displayName', 'description', 'objectGUID'],
      Realm: 'example.domain.com',
      SAMAccountName: 'DevOpsMail',
    });

    expectShape(
      response,
      ['DirectoryId', 'DistinguishedName', 'GroupScope', 'GroupType', 'OtherAttributes', 'SAMAccountName', 'SID'],
      ['Realm'],
    );
    expect(response.body.GroupScope).toBe('Global');
    expect(response.body.GroupType).toBe('Distribution');
    const attributes = response.body.OtherAttributes as Record<string, { S?: string }>;
    expect(attributes.displayName).toEqual({ S: 'DevOps mailing list' });
    expect(attributes.description).toEqual({ S: 'A group for DevOps email.' });
    expect(attributes.objectGUID?.S).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('DescribeUser returns twhitlock with four attributes', async () => {
    const response = await call('DescribeUser', {
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      OtherAttributes: ['department', 'manager', 'ipPhone', 'pwdLastSet'],
      Realm: 'examplecorp.com',
      SAMAccountName: 'twhitlock',
    });

    expectShape(
      response,
      ['DirectoryId', 'DistinguishedName', 'EmailAddress', 'Enabled', 'GivenName', 'OtherAttributes', 'SAMAccountName', 'SID', 'Surname', 'UserPrincipalName'],
      ['Realm'],
    );
    expect(response.body.OtherAttributes).toEqual({
      department: { S: 'communications' },
      manager: { S: 'CN=mmajors,OU=Users,OU=EXAMPLECORP,DC=examplecorp,DC=com' },
      ipPhone: { S: '111.111.111.111' },
      pwdLastSet: { N: 0n },
    });
    expect(response.text).toContain('"pwdLastSet":{"N":0}');
  });

  it('DisableUser disables twhitlock', async () => {
    const response = await call('DisableUser', { ClientToken: TOKEN, DirectoryId: EXAMPLE_DIRECTORY_ID, SAMAccountName: 'twhitlock' });

    expectShape(response, []);
    expect(emulator.directory(EXAMPLE_DIRECTORY_ID).user('twhitlock')?.Enabled).toBe(false);
  });

  it('ListGroupMembers lists marketing members of example.local', async () => {
    const response = await call('ListGroupMembers', {
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      SAMAccountName: 'marketing',
      MemberRealm: 'example.local',
      Realm: 'examplecorp.com',
    });

    expectShape(response, ['DirectoryId', 'Members'], ['Realm', 'MemberRealm']);
    const members = response.body.Members as Array<Record<string, unknown>>;
    expect(members.map((member) => member.SAMAccountName)).toEqual(['jstiles', 'pcandella', 'twhitlock']);
    expect(members.map((member) => member.MemberType)).toEqual(['USER', 'USER', 'USER']);
    expect(members.every((member) => typeof member.SID === 'string')).toBe(true);
  });

  it('ListGroups lists groups of examplecorp.com', async () => {
    // Adapted: "123456" is a placeholder NextToken that the emulator rejects as INVALID_NEXT_TOKEN, so the first page is read.
    const placeholder = await call('ListGroups', { DirectoryId: EXAMPLE_DIRECTORY_ID, MaxResults: 123, NextToken: '123456', Realm: 'examplecorp.com' });
    expect(placeholder.body.Reason).toBe('INVALID_NEXT_TOKEN');

    const response = await call('ListGroups', { DirectoryId: EXAMPLE_DIRECTORY_ID, MaxResults: 123, Realm: 'examplecorp.com' });

    expectShape(response, ['DirectoryId', 'Groups'], ['Realm']);
    const groups = response.body.Groups as Array<Record<string, unknown>>;
    expect(groups).toContainEqual({ GroupScope: 'BuiltinLocal', GroupType: 'Security', SAMAccountName: 'Administrators', SID: 'S-1-5-32-544' });
    expect(groups).toContainEqual({ GroupScope: 'BuiltinLocal', GroupType: 'Security', SAMAccountName: 'Users', SID: 'S-1-5-32-545' });
  });

  it('ListGroupsForMember lists the groups of twhitlock of example.local', async () => {
    const response = await call('ListGroupsForMember', {
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      SAMAccountName: 'twhitlock',
      MemberRealm: 'example.local',
      Realm: 'examplecorp.com',
    });

    expectShape(response, ['DirectoryId', 'Groups'], ['Realm', 'MemberRealm']);
    expect(response.body.Groups).toEqual([
      { GroupScope: 'BuiltinLocal', GroupType: 'Security', SAMAccountName: 'Administrators', SID: 'S-1-5-32-544' },
      { GroupScope: 'DomainLocal', GroupType: 'Security', SAMAccountName: 'Marketing', SID: emulator.directory(EXAMPLE_DIRECTORY_ID).group('Marketing')?.SID },
      { GroupScope: 'BuiltinLocal', GroupType: 'Security', SAMAccountName: 'Users', SID: 'S-1-5-32-545' },
    ]);
  });

  it('ListUsers lists users of examplecorp.com', async () => {
    const response = await call('ListUsers', { DirectoryId: EXAMPLE_DIRECTORY_ID, Realm: 'examplecorp.com' });

    expectShape(response, ['DirectoryId', 'Users'], ['Realm']);
    const users = response.body.Users as Array<Record<string, unknown>>;
    expect(users.map((user) => user.SAMAccountName)).toEqual(['jstiles', 'mmajors', 'twhitlock']);
    expect(users.every((user) => user.Enabled === true && typeof user.SID === 'string')).toBe(true);
  });

  it('RemoveGroupMember removes Pat Candella of example.local from DevOps', async () => {
    const response = await call('RemoveGroupMember', {
      ClientToken: TOKEN,
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      GroupName: 'DevOps',
      MemberName: 'Pat Candella',
      MemberRealm: 'example.local',
    });

    expectShape(response, []);
    expect(emulator.directory(EXAMPLE_DIRECTORY_ID).members('DevOps')).toEqual([]);
  });

  it('SearchGroups finds groups', async () => {
    // Adapted: the attributes page marks GroupScope not searchable, so the documented input gets INVALID_ATTRIBUTE_FOR_SEARCH.
    const documented = await call('SearchGroups', {
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      MaxResults: 123,
      Realm: 'examplecorp.com',
      SearchAttributes: ['GroupScope'],
      SearchString: 'Security',
    });
    expect(documented.status).toBe(400);
    expect(documented.body.Reason).toBe('INVALID_ATTRIBUTE_FOR_SEARCH');

    // Adapted: searches the searchable sAMAccountName without the placeholder NextToken "123456".
    const response = await call('SearchGroups', {
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      MaxResults: 123,
      Realm: 'examplecorp.com',
      SearchAttributes: ['sAMAccountName'],
      SearchString: 's',
    });

    expectShape(response, ['DirectoryId', 'Groups'], ['Realm']);
    const groups = response.body.Groups as Array<Record<string, unknown>>;
    expect(groups.map((group) => group.SAMAccountName)).toEqual(['Administrators', 'DevOps', 'GuestsLocal', 'Users']);
    expect(Object.keys(groups[0] ?? {}).sort()).toEqual(['DistinguishedName', 'GroupScope', 'GroupType', 'SAMAccountName', 'SID']);
  });

  it('SearchUsers finds users', async () => {
    // Adapted: the attributes page marks department not searchable, so the documented input gets INVALID_ATTRIBUTE_FOR_SEARCH.
    const documented = await call('SearchUsers', {
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      Realm: 'examplecorp.com',
      SearchAttributes: ['department'],
      SearchString: 'DevOps',
    });
    expect(documented.status).toBe(400);
    expect(documented.body.Reason).toBe('INVALID_ATTRIBUTE_FOR_SEARCH');

    // Adapted: searches the searchable mail attribute for the domain that the documented results share.
    const response = await call('SearchUsers', {
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      Realm: 'examplecorp.com',
      SearchAttributes: ['mail'],
      SearchString: 'examplecorp.com',
    });

    expectShape(response, ['DirectoryId', 'Users'], ['Realm']);
    const users = response.body.Users as Array<Record<string, unknown>>;
    expect(users.map((user) => user.SAMAccountName)).toEqual(['jstiles', 'twhitlock']);
    expect(users.map((user) => user.EmailAddress)).toEqual(['jstiles@examplecorp.com', 'terry.whitlock@examplecorp.com']);
  });

  it('UpdateGroup updates GuestsLocal', async () => {
    // Adapted: preferredLanguage and co exist on users only, so the documented input gets INVALID_ATTRIBUTE_FOR_GROUP.
    const documented = await call('UpdateGroup', {
      ClientToken: TOKEN,
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      GroupScope: 'Global',
      GroupType: 'Security',
      OtherAttributes: { preferredLanguage: { S: 'English' }, co: { S: 'US' } },
      SAMAccountName: 'GuestsLocal',
      UpdateType: 'REPLACE',
    });
    expect(documented.status).toBe(400);
    expect(documented.body.Reason).toBe('INVALID_ATTRIBUTE_FOR_GROUP');

    // Adapted: writes the group attributes info and wWWHomePage instead.
    const response = await call('UpdateGroup', {
      ClientToken: 'f0e1d2c3-0000-4000-8000-000000000001',
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      GroupScope: 'Global',
      GroupType: 'Security',
      OtherAttributes: { info: { S: 'English' }, wWWHomePage: { S: 'https://examplecorp.com/us' } },
      SAMAccountName: 'GuestsLocal',
      UpdateType: 'REPLACE',
    });

    expectShape(response, []);
    expect(emulator.directory(EXAMPLE_DIRECTORY_ID).group('GuestsLocal')?.attributes.info).toEqual({ S: 'English' });
  });

  it('UpdateUser updates twhitlock', async () => {
    const input = {
      ClientToken: TOKEN,
      DirectoryId: EXAMPLE_DIRECTORY_ID,
      EmailAddress: 'twhitlock@examplecorp.com',
      GivenName: 'Terry',
      OtherAttributes: {
        telephoneNumber: { S: '212-555-1111' },
        homePhone: { S: '333-333-3333' },
        physicalDeliveryOfficeName: { S: 'Example Company' },
        streetAddress: { S: '123 Any Street' },
        postalCode: { S: '54321' },
        st: { S: 'WA' },
        co: { S: 'US' },
      },
      SAMAccountName: 'twhitlock',
      Surname: 'Whitlock',
      UpdateType: 'ADD',
    };
    // Adapted: twhitlock already has an e-mail address, given name and surname, so ADD gets ATTRIBUTE_EXISTS.
    const documented = await call('UpdateUser', input);
    expect(documented.status).toBe(400);
    expect(documented.body.Reason).toBe('ATTRIBUTE_EXISTS');

    // Adapted: REPLACE, the type that changes values which are already set.
    const response = await call('UpdateUser', { ...input, ClientToken: 'f0e1d2c3-0000-4000-8000-000000000002', UpdateType: 'REPLACE' });

    expectShape(response, []);
    const user = emulator.directory(EXAMPLE_DIRECTORY_ID).user('twhitlock');
    expect(user?.attributes.mail).toEqual({ S: 'twhitlock@examplecorp.com' });
    expect(user?.attributes.st).toEqual({ S: 'WA' });
  });

  it('smoke tests get AccessDeniedException for d-1111111111', async () => {
    const group = await call('DescribeGroup', { DirectoryId: 'd-1111111111', SAMAccountName: 'test-group' });
    const user = await call('DescribeUser', { DirectoryId: 'd-1111111111', SAMAccountName: 'test-user' });

    expect(group.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(user.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
  });
});
