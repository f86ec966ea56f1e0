import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { callOperation } from './support/signed-request.js';

const DIRECTORY_ID = 'd-1234567890';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ quota: false, logger: false });
});

afterAll(async () => {
  await emulator.close();
});

const call = (operation: Parameters<typeof callOperation>[1], input: Record<string, unknown>) =>
  callOperation(emulator.url, operation, { DirectoryId: DIRECTORY_ID, ...input });

const memberNames = (group: string, realm?: string) =>
  emulator
    .directory(DIRECTORY_ID)
    .members(group)
    .filter((member) => realm === undefined || member.realm === realm)
    .map((member) => member.SAMAccountName);

describe('AddGroupMember and RemoveGroupMember', () => {
  it('adds and removes a user', async () => {
    const added = await call('AddGroupMember', { GroupName: 'accounting', MemberName: 'JDOE' });
    expect(added.status).toBe(200);
    expect(memberNames('Accounting')).toContain('jdoe');

    const removed = await call('RemoveGroupMember', { GroupName: 'Accounting', MemberName: 'jdoe' });
    expect(removed.status).toBe(200);
    expect(memberNames('Accounting')).not.toContain('jdoe');
  });

  it('adds a member of the trusted realm to a DomainLocal group', async () => {
    const response = await call('AddGroupMember', { GroupName: 'Remote Access', MemberName: 'Pat Candella', MemberRealm: 'Europe.Example.com' });

    expect(response.status).toBe(200);
    expect(memberNames('Remote Access', 'europe.example.com')).toContain('Pat Candella');
  });

  it('rejects a trusted-realm member in a Global group', async () => {
    const response = await call('AddGroupMember', { GroupName: 'Engineering', MemberName: 'mrossi', MemberRealm: 'europe.example.com' });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      Message: "'mrossi' from the trusted realm europe.example.com can only join DomainLocal groups, and 'Engineering' is Global.",
      Reason: 'LDAP_UNSUPPORTED_OPERATION',
    });
  });

  it('rejects a realm that is not trusted', async () => {
    const response = await call('AddGroupMember', { GroupName: 'Remote Access', MemberName: 'someone', MemberRealm: 'asia.example.com' });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('INVALID_REALM');
  });

  it('rejects a Universal group inside a Global group', async () => {
    const response = await call('AddGroupMember', { GroupName: 'Engineering', MemberName: 'Human Resources' });

    expect(response.status).toBe(400);
    expect(response.body.Message).toBe("A Global group such as 'Engineering' cannot contain the Universal group 'Human Resources'.");
  });

  it('rejects a group inside itself', async () => {
    const response = await call('AddGroupMember', { GroupName: 'DevOps', MemberName: 'DevOps' });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('LDAP_UNSUPPORTED_OPERATION');
  });

  it('treats the primary group as a membership', async () => {
    const added = await call('AddGroupMember', { GroupName: 'Domain Users', MemberName: 'jdoe' });

    // Domain Users is outside the customer OU, so the write scope check comes first.
    expect(added.status).toBe(403);
    const groups = await call('ListGroupsForMember', { SAMAccountName: 'jdoe' });
    expect((groups.body.Groups as Array<{ SAMAccountName: string }>).map((group) => group.SAMAccountName)).toContain('Domain Users');
  });

  it('lets AWS delegated groups change members', async () => {
    const response = await call('AddGroupMember', { GroupName: 'AWS Delegated Administrators', MemberName: 'kthomas' });

    expect(response.status).toBe(200);
  });
});

describe('ListGroupMembers', () => {
  it('lists members of the managed domain by default', async () => {
    const response = await call('ListGroupMembers', { SAMAccountName: 'Europe Partners' });

    expect(response.status).toBe(200);
    expect(response.body.Members).toEqual([]);
    expect(response.body.MemberRealm).toBe('corp.example.com');
  });

  it('lists members of the named member realm', async () => {
    const response = await call('ListGroupMembers', { SAMAccountName: 'Europe Partners', MemberRealm: 'EUROPE.EXAMPLE.COM' });

    const members = response.body.Members as Array<Record<string, unknown>>;
    expect(members.map((member) => member.SAMAccountName)).toEqual(['adubois', 'lschmidt', 'mrossi', 'Pat Candella']);
    expect(members.every((member) => member.MemberType === 'USER')).toBe(true);
    expect(response.body.MemberRealm).toBe('europe.example.com');
  });

  it('reports nested groups and computers with their member type', async () => {
    const engineering = await call('ListGroupMembers', { SAMAccountName: 'Engineering' });
    const computers = await call('ListGroupMembers', { SAMAccountName: 'Domain Computers' });

    expect(engineering.body.Members).toContainEqual({
      SID: emulator.directory(DIRECTORY_ID).group('Engineering Managers')?.SID,
      SAMAccountName: 'Engineering Managers',
      MemberType: 'GROUP',
    });
    expect((computers.body.Members as Array<{ MemberType: string }>).map((member) => member.MemberType)).toEqual(['COMPUTER', 'COMPUTER', 'COMPUTER']);
  });

  it('includes the users whose primary group it is', async () => {
    const response = await call('ListGroupMembers', { SAMAccountName: 'Domain Users' });

    const names = (response.body.Members as Array<{ SAMAccountName: string }>).map((member) => member.SAMAccountName);
    expect(names).toContain('jdoe');
    expect(names).toContain('Administrator');
  });
});

describe('ListGroupsForMember', () => {
  it('lists the groups of jdoe', async () => {
    const response = await call('ListGroupsForMember', { SAMAccountName: 'jdoe' });

    const names = (response.body.Groups as Array<{ SAMAccountName: string }>).map((group) => group.SAMAccountName);
    expect(names).toEqual(['All Staff', 'Domain Users', 'Engineering', 'Remote Access']);
    expect(response.body.Realm).toBe('corp.example.com');
    expect(response.body.MemberRealm).toBe('corp.example.com');
  });

  it('finds groups of the managed domain for a trusted-realm member', async () => {
    const response = await call('ListGroupsForMember', { SAMAccountName: 'lschmidt', MemberRealm: 'europe.example.com' });

    const names = (response.body.Groups as Array<{ SAMAccountName: string }>).map((group) => group.SAMAccountName);
    expect(names).toEqual(['Europe Partners', 'Remote Access']);
  });

  it('defaults MemberRealm to Realm', async () => {
    const response = await call('ListGroupsForMember', { SAMAccountName: 'mrossi', Realm: 'europe.example.com' });

    const names = (response.body.Groups as Array<{ SAMAccountName: string }>).map((group) => group.SAMAccountName);
    expect(names).toEqual(['Domain Users', 'EU Sales']);
    expect(response.body.MemberRealm).toBe('europe.example.com');
  });

  it('answers ResourceNotFoundException for a missing member', async () => {
    const response = await call('ListGroupsForMember', { SAMAccountName: 'ghost' });

    expect(response.status).toBe(404);
  });
});

describe('user lifecycle', () => {
  it('DisableUser clears Enabled and sets the account-disabled flag', async () => {
    const response = await call('DisableUser', { SAMAccountName: 'dmiller' });

    expect(response.status).toBe(200);
    const user = emulator.directory(DIRECTORY_ID).user('dmiller');
    expect(user?.Enabled).toBe(false);
    expect(user?.attributes.userAccountControl).toEqual({ N: 0x202n });
    const summary = await call('ListUsers', { MaxResults: 250 });
    expect((summary.body.Users as Array<{ SAMAccountName: string; Enabled: boolean }>).find((entry) => entry.SAMAccountName === 'dmiller')?.Enabled).toBe(false);
  });

  it('DeleteUser removes the user from its groups', async () => {
    expect(memberNames('DevOps')).toContain('nwolf');

    const response = await call('DeleteUser', { SAMAccountName: 'nwolf' });

    expect(response.status).toBe(200);
    expect(memberNames('DevOps')).not.toContain('nwolf');
    expect(memberNames('All Staff')).not.toContain('nwolf');
  });

  it('SearchUsers matches any listed attribute and returns full users', async () => {
    const response = await call('SearchUsers', { SearchString: 'ROE', SearchAttributes: ['sn', 'givenName'] });

    const users = response.body.Users as Array<Record<string, unknown>>;
    expect(users.map((user) => user.SAMAccountName)).toEqual(['jroe', 'rroe']);
    expect(Object.keys(users[0] ?? {}).sort()).toEqual([
      'DistinguishedName', 'EmailAddress', 'Enabled', 'GivenName', 'SAMAccountName', 'SID', 'Surname', 'UserPrincipalName',
    ]);
  });

  it('SearchUsers rejects a wildcard', async () => {
    const response = await call('SearchUsers', { SearchString: 'j*', SearchAttributes: ['sAMAccountName'] });

    expect(response.status).toBe(400);
    expect(response.text).not.toContain('j*');
  });

  it('ListUsers returns summaries', async () => {
    const response = await call('ListUsers', { MaxResults: 1 });

    const [user] = response.body.Users as Array<Record<string, unknown>>;
    expect(Object.keys(user ?? {}).every((key) => ['SID', 'SAMAccountName', 'GivenName', 'Surname', 'Enabled'].includes(key))).toBe(true);
    expect(user?.Enabled).toBeTypeOf('boolean');
  });
});
