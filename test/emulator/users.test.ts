import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

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

beforeEach(() => {
  emulator.clearRequests();
});

describe('CreateUser', () => {
  it('creates a disabled user with AD-formed SID, DN and UPN', async () => {
    const response = await callOperation(emulator.url, 'CreateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'pcandella',
      GivenName: 'Pat',
      Surname: 'Candella',
      EmailAddress: 'pcandella@corp.example.com',
      OtherAttributes: { department: { S: 'HR' }, homePhone: { S: '212-555-0100' } },
    });

    expect(response.status).toBe(200);
    expect(response.body.DirectoryId).toBe(DIRECTORY_ID);
    expect(response.body.SAMAccountName).toBe('pcandella');
    expect(response.body.SID).toMatch(/^S-1-5-21-2943712086-1716543893-3270154418-\d{4,}$/);

    const user = emulator.directory(DIRECTORY_ID).user('pcandella');
    expect(user?.Enabled).toBe(false);
    expect(user?.DistinguishedName).toBe('CN=pcandella,OU=Users,OU=CORP,DC=corp,DC=example,DC=com');
    expect(user?.UserPrincipalName).toBe('pcandella@CORP.EXAMPLE.COM');
    expect(user?.attributes.department).toEqual({ S: 'HR' });
    expect(user?.attributes.userAccountControl).toEqual({ N: 514n });
  });

  it('rejects a name that exists in another case', async () => {
    const response = await callOperation(emulator.url, 'CreateUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'JDOE' });

    expect(response.status).toBe(409);
    expect(response.headers.get('x-amzn-errortype')).toBe('ConflictException');
    expect(response.body.Message).toBe(
      "An object named 'jdoe' already exists in corp.example.com; account names are unique across users, groups and computers.",
    );
  });

  it('rejects a name already used by a group', async () => {
    const response = await callOperation(emulator.url, 'CreateUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'DevOps' });

    expect(response.status).toBe(409);
    expect(response.headers.get('x-amzn-errortype')).toBe('ConflictException');
  });

  it('rejects a read-only attribute', async () => {
    const response = await callOperation(emulator.url, 'CreateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'readonly-try',
      OtherAttributes: { pwdLastSet: { N: 0n } },
    });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      Message: "OtherAttributes.pwdLastSet: the attribute 'pwdLastSet' is read-only.",
      Reason: 'INVALID_ATTRIBUTE_FOR_MODIFY',
    });
  });

  it('rejects a Mutable attribute at creation', async () => {
    const response = await callOperation(emulator.url, 'CreateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'mutable-try',
      OtherAttributes: { title: { S: 'Engineer' } },
    });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('INVALID_ATTRIBUTE_FOR_MODIFY');
    expect(emulator.directory(DIRECTORY_ID).user('mutable-try')).toBeUndefined();
  });

  it('rejects EmailAddress together with OtherAttributes.mail', async () => {
    const response = await callOperation(emulator.url, 'CreateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'dup-mail',
      EmailAddress: 'a@corp.example.com',
      OtherAttributes: { MAIL: { S: 'b@corp.example.com' } },
    });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('DUPLICATE_ATTRIBUTE');
  });

  it('rejects a group-only attribute with INVALID_ATTRIBUTE_FOR_USER', async () => {
    const response = await callOperation(emulator.url, 'CreateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'group-attr',
      OtherAttributes: { groupType: { S: 'Security' } },
    });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('INVALID_ATTRIBUTE_FOR_USER');
  });

  it('rejects an S value for a number attribute', async () => {
    const response = await callOperation(emulator.url, 'CreateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'wrong-type',
      OtherAttributes: { accountExpires: { S: 'never' } },
    });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('INVALID_ATTRIBUTE_VALUE');
  });

  it('stores accountExpires as an exact 64-bit integer', async () => {
    const expires = 9_223_372_036_854_775_806n;
    const created = await callOperation(emulator.url, 'CreateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'expiring',
      OtherAttributes: { accountExpires: { N: expires } },
    });
    expect(created.status).toBe(200);

    const described = await callOperation(emulator.url, 'DescribeUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'expiring',
      OtherAttributes: ['accountExpires'],
    });
    expect(described.text).toContain('"accountExpires":{"N":9223372036854775806}');
    expect(described.body.OtherAttributes).toEqual({ accountExpires: { N: expires } });
  });
});

describe('DescribeUser', () => {
  it('returns the demo user jdoe with the requested attributes only', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'jdoe',
      OtherAttributes: ['department', 'Title', 'pwdLastSet', 'assistant'],
    });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      DirectoryId: DIRECTORY_ID,
      Realm: 'corp.example.com',
      SID: emulator.directory(DIRECTORY_ID).user('jdoe')?.SID,
      SAMAccountName: 'jdoe',
      DistinguishedName: 'CN=jdoe,OU=Users,OU=CORP,DC=corp,DC=example,DC=com',
      UserPrincipalName: 'jdoe@CORP.EXAMPLE.COM',
      EmailAddress: 'jane.doe@corp.example.com',
      GivenName: 'Jane',
      Surname: 'Doe',
      Enabled: true,
      OtherAttributes: {
        department: { S: 'Engineering' },
        Title: { S: 'Principal Engineer' },
        pwdLastSet: { N: 134_380_512_000_000_000n },
      },
    });
  });

  it('finds a user by name in any case', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'JDoe' });

    expect(response.status).toBe(200);
    expect(response.body.SAMAccountName).toBe('jdoe');
  });

  it('answers ResourceNotFoundException for a missing user', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'nobody' });

    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(response.body).toEqual({ Message: "User 'nobody' was not found in realm corp.example.com." });
  });

  it('answers AccessDeniedException for an unknown directory', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', { DirectoryId: 'd-1111111111', SAMAccountName: 'test-user' });

    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
  });

  it('reads a user of the trusted realm', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'mrossi',
      Realm: 'EUROPE.example.com',
    });

    expect(response.status).toBe(200);
    expect(response.body.Realm).toBe('europe.example.com');
    expect(response.body.UserPrincipalName).toBe('mrossi@EUROPE.EXAMPLE.COM');
  });

  it('rejects a realm that is not trusted with INVALID_REALM', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'jdoe',
      Realm: 'examplecorp.com',
    });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('INVALID_REALM');
  });

  it('rejects an attribute name outside the table', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'jdoe',
      OtherAttributes: ['favoriteColor'],
    });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('INVALID_ATTRIBUTE_NAME');
  });
});

describe('UpdateUser', () => {
  it('applies REPLACE, ADD and REMOVE with their LDAP meaning', async () => {
    const update = (UpdateType: string, OtherAttributes: Record<string, unknown>) =>
      callOperation(emulator.url, 'UpdateUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'rroe', UpdateType, OtherAttributes });

    const replaced = await update('REPLACE', { title: { S: 'Senior Software Engineer' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({});
    expect(emulator.directory(DIRECTORY_ID).user('rroe')?.attributes.title).toEqual({ S: 'Senior Software Engineer' });

    const addedOverValue = await update('ADD', { title: { S: 'Staff Engineer' } });
    expect(addedOverValue.status).toBe(400);
    expect(addedOverValue.body.Reason).toBe('ATTRIBUTE_EXISTS');

    const added = await update('ADD', { pager: { S: '555-0101' } });
    expect(added.status).toBe(200);
    expect(emulator.directory(DIRECTORY_ID).user('rroe')?.attributes.pager).toEqual({ S: '555-0101' });

    const removedWrong = await update('REMOVE', { pager: { S: '555-9999' } });
    expect(removedWrong.status).toBe(400);
    expect(removedWrong.body.Reason).toBe('MISSING_ATTRIBUTE');

    const removed = await update('REMOVE', { pager: { S: '555-0101' } });
    expect(removed.status).toBe(200);
    expect(emulator.directory(DIRECTORY_ID).user('rroe')?.attributes.pager).toBeUndefined();
  });

  it('changes top-level members through UpdateType', async () => {
    const response = await callOperation(emulator.url, 'UpdateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'mmajor',
      UpdateType: 'REPLACE',
      Surname: 'Major-Smith',
    });

    expect(response.status).toBe(200);
    expect(emulator.directory(DIRECTORY_ID).user('mmajor')?.attributes.sn).toEqual({ S: 'Major-Smith' });
  });

  it('changes nothing when one write of the request fails', async () => {
    const response = await callOperation(emulator.url, 'UpdateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'akim',
      UpdateType: 'ADD',
      OtherAttributes: { pager: { S: '555-0102' }, title: { S: 'Sales Lead' } },
    });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('ATTRIBUTE_EXISTS');
    expect(emulator.directory(DIRECTORY_ID).user('akim')?.attributes.pager).toBeUndefined();
  });

  it('denies changes to built-in accounts outside the customer OU', async () => {
    const response = await callOperation(emulator.url, 'UpdateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'Administrator',
      UpdateType: 'REPLACE',
      OtherAttributes: { description: { S: 'changed' } },
    });

    expect(response.status).toBe(403);
    expect(response.body.Reason).toBe('DIRECTORY_AUTH');
  });

  it('answers ResourceNotFoundException for a missing user', async () => {
    const response = await callOperation(emulator.url, 'UpdateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'nobody',
      UpdateType: 'REPLACE',
      GivenName: 'No',
    });

    expect(response.status).toBe(404);
  });
});

describe('request inspection', () => {
  it('records operation, directory, raw body and outcome', async () => {
    await callOperation(emulator.url, 'DescribeUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'nobody' });

    expect(emulator.requests).toHaveLength(1);
    const [recorded] = emulator.requests;
    expect(recorded?.operation).toBe('DescribeUser');
    expect(recorded?.directoryId).toBe(DIRECTORY_ID);
    expect(recorded?.method).toBe('POST');
    expect(recorded?.path).toBe('/Users/DescribeUser');
    expect(recorded?.query).toEqual({ DirectoryId: DIRECTORY_ID });
    expect(recorded?.rawBody).toBe('{"SAMAccountName":"nobody"}');
    expect(recorded?.status).toBe(404);
    expect(recorded?.errorName).toBe('ResourceNotFoundException');
    expect(recorded?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test\//);
  });
});

describe('manager and directReports', () => {
  const JDOE_DN = 'CN=jdoe,OU=Users,OU=CORP,DC=corp,DC=example,DC=com';

  it('derives directReports from manager values', async () => {
    const before = await callOperation(emulator.url, 'DescribeUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'jdoe',
      OtherAttributes: ['directReports'],
    });
    expect(before.body.OtherAttributes).toBeUndefined();

    const updated = await callOperation(emulator.url, 'UpdateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'asmith',
      UpdateType: 'REPLACE',
      OtherAttributes: { manager: { S: JDOE_DN.toUpperCase() } },
    });
    expect(updated.status).toBe(200);

    const after = await callOperation(emulator.url, 'DescribeUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'jdoe',
      OtherAttributes: ['directReports'],
    });
    expect(after.body.OtherAttributes).toEqual({
      directReports: { SS: ['CN=asmith,OU=Users,OU=CORP,DC=corp,DC=example,DC=com'] },
    });
  });

  it('rejects a manager that is not an existing user', async () => {
    const response = await callOperation(emulator.url, 'UpdateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'asmith',
      UpdateType: 'REPLACE',
      OtherAttributes: { manager: { S: 'CN=nobody,OU=Users,OU=CORP,DC=corp,DC=example,DC=com' } },
    });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('INVALID_ATTRIBUTE_VALUE');
    expect(response.text).not.toContain('CN=nobody');
  });

  it('rejects directReports as read-only', async () => {
    const response = await callOperation(emulator.url, 'UpdateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'asmith',
      UpdateType: 'REPLACE',
      OtherAttributes: { directReports: { SS: [JDOE_DN] } },
    });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('INVALID_ATTRIBUTE_FOR_MODIFY');
  });
});
