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

describe('CreateGroup', () => {
  it('defaults to a Global Security group in the customer OU', async () => {
    const response = await call('CreateGroup', { SAMAccountName: 'Project X' });

    expect(response.status).toBe(200);
    const group = emulator.directory(DIRECTORY_ID).group('project x');
    expect(group?.GroupType).toBe('Security');
    expect(group?.GroupScope).toBe('Global');
    expect(group?.DistinguishedName).toBe('CN=Project X,OU=Users,OU=CORP,DC=corp,DC=example,DC=com');
    expect(group?.SID).toBe(response.body.SID);
  });

  it('escapes DN special characters in the name', async () => {
    await call('CreateGroup', { SAMAccountName: '#Ops (US) ' });

    expect(emulator.directory(DIRECTORY_ID).group('#Ops (US) ')?.DistinguishedName).toBe('CN=\\#Ops (US)\\ ,OU=Users,OU=CORP,DC=corp,DC=example,DC=com');
  });

  it('rejects the BuiltinLocal scope', async () => {
    const response = await call('CreateGroup', { SAMAccountName: 'fake-builtin', GroupScope: 'BuiltinLocal' });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('INVALID_ATTRIBUTE_VALUE');
  });

  it('rejects a user-only attribute with INVALID_ATTRIBUTE_FOR_GROUP', async () => {
    const response = await call('CreateGroup', { SAMAccountName: 'attr-group', OtherAttributes: { department: { S: 'x' } } });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('INVALID_ATTRIBUTE_FOR_GROUP');
  });
});

describe('DescribeGroup', () => {
  it('returns the group members of the model and the requested attributes', async () => {
    const response = await call('DescribeGroup', { SAMAccountName: 'all staff', OtherAttributes: ['mail', 'proxyAddresses', 'cn'] });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      DirectoryId: DIRECTORY_ID,
      Realm: 'corp.example.com',
      SID: emulator.directory(DIRECTORY_ID).group('All Staff')?.SID,
      SAMAccountName: 'All Staff',
      DistinguishedName: 'CN=All Staff,OU=Users,OU=CORP,DC=corp,DC=example,DC=com',
      GroupType: 'Distribution',
      GroupScope: 'Universal',
      OtherAttributes: {
        mail: { S: 'all-staff@corp.example.com' },
        proxyAddresses: { SS: ['SMTP:all-staff@corp.example.com', 'smtp:everyone@corp.example.com'] },
        cn: { S: 'All Staff' },
      },
    });
  });
});

describe('UpdateGroup', () => {
  it('changes the group type with REPLACE', async () => {
    const response = await call('UpdateGroup', { SAMAccountName: 'DevOps', GroupType: 'Distribution', UpdateType: 'REPLACE' });

    expect(response.status).toBe(200);
    expect(emulator.directory(DIRECTORY_ID).group('DevOps')?.GroupType).toBe('Distribution');
  });

  it('rejects ADD on the group type', async () => {
    const response = await call('UpdateGroup', { SAMAccountName: 'DevOps', GroupType: 'Security', UpdateType: 'ADD' });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('ATTRIBUTE_EXISTS');
  });

  it('rejects a direct Global to DomainLocal change', async () => {
    const response = await call('UpdateGroup', { SAMAccountName: 'Accounting', GroupScope: 'DomainLocal', UpdateType: 'REPLACE' });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      Message: "Group 'Accounting' cannot change scope from Global to DomainLocal directly. Change it to Universal first, then to DomainLocal.",
      Reason: 'LDAP_UNSUPPORTED_OPERATION',
    });
  });

  it('rejects Global to Universal while a Global group contains it', async () => {
    const response = await call('UpdateGroup', { SAMAccountName: 'Engineering Managers', GroupScope: 'Universal', UpdateType: 'REPLACE' });

    expect(response.status).toBe(400);
    expect(response.body.Message).toBe("Group 'Engineering Managers' cannot become Universal while the Global group 'Engineering' contains it.");
  });

  it('allows Global to Universal to DomainLocal in two steps', async () => {
    const toUniversal = await call('UpdateGroup', { SAMAccountName: 'Accounting', GroupScope: 'Universal', UpdateType: 'REPLACE' });
    const toDomainLocal = await call('UpdateGroup', { SAMAccountName: 'Accounting', GroupScope: 'DomainLocal', UpdateType: 'REPLACE' });

    expect(toUniversal.status).toBe(200);
    expect(toDomainLocal.status).toBe(200);
    expect(emulator.directory(DIRECTORY_ID).group('Accounting')?.GroupScope).toBe('DomainLocal');
  });
});

describe('DeleteGroup', () => {
  it('removes the group and its memberships', async () => {
    await call('CreateGroup', { SAMAccountName: 'Temp Nested' });
    await call('AddGroupMember', { GroupName: 'Temp Nested', MemberName: 'jdoe' });
    await call('AddGroupMember', { GroupName: 'Engineering', MemberName: 'Temp Nested' });

    const response = await call('DeleteGroup', { SAMAccountName: 'temp nested' });

    expect(response.status).toBe(200);
    expect(emulator.directory(DIRECTORY_ID).group('Temp Nested')).toBeUndefined();
    expect(emulator.directory(DIRECTORY_ID).members('Engineering').map((member) => member.SAMAccountName)).not.toContain('Temp Nested');
  });

  it('denies deleting a built-in group', async () => {
    const response = await call('DeleteGroup', { SAMAccountName: 'Domain Admins' });

    expect(response.status).toBe(403);
    expect(response.body.Reason).toBe('DIRECTORY_AUTH');
  });
});

describe('ListGroups and SearchGroups', () => {
  it('lists summaries with the four required members', async () => {
    const response = await call('ListGroups', { MaxResults: 5 });

    const groups = response.body.Groups as Array<Record<string, unknown>>;
    expect(groups).toHaveLength(5);
    for (const group of groups) {
      expect(Object.keys(group).sort()).toEqual(['GroupScope', 'GroupType', 'SAMAccountName', 'SID']);
    }
  });

  it('lists the groups of the trusted realm', async () => {
    const response = await call('ListGroups', { Realm: 'europe.example.com' });

    expect((response.body.Groups as Array<{ SAMAccountName: string }>).map((group) => group.SAMAccountName)).toEqual(['Domain Users', 'EU Sales']);
    expect(response.body.Realm).toBe('europe.example.com');
  });

  it('matches a substring of any listed attribute, ignoring case', async () => {
    const response = await call('SearchGroups', { SearchString: 'EVERYONE@', SearchAttributes: ['sAMAccountName', 'proxyAddresses'] });

    expect((response.body.Groups as Array<{ SAMAccountName: string }>).map((group) => group.SAMAccountName)).toEqual(['All Staff']);
  });

  it('rejects a non-searchable attribute', async () => {
    const response = await call('SearchGroups', { SearchString: 'x', SearchAttributes: ['description'] });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      Message:
        "SearchAttributes.0: the attribute 'description' cannot be searched on a group. Searchable attributes: sAMAccountName, displayName, mail, proxyAddresses.",
      Reason: 'INVALID_ATTRIBUTE_FOR_SEARCH',
    });
  });
});
