/**
 * One valid and one or more invalid values for every input constraint of the DS Data model,
 * sent over HTTP. A valid value must not cause a ValidationException, and an invalid one must,
 * with a message naming the member and, where one fits, the documented Reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { OperationName } from '../../src/ds-data/operations.js';
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

interface ConstraintCase {
  /** Shape and constraint under test. */
  readonly constraint: string;
  readonly operation: OperationName;
  /** Builds a request that sets the member under test to `value`. */
  readonly request: (value: unknown) => Record<string, unknown>;
  readonly valid: readonly unknown[];
  readonly invalid: readonly unknown[];
  /** Member path that the message names for an invalid value. */
  readonly path: string;
  readonly reason?: string;
}

let tokenCounter = 0;
const describeUser = (member: string) => (value: unknown) => ({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'jdoe', [member]: value });
const updateJroe = (member: string) => (value: unknown) => ({
  DirectoryId: DIRECTORY_ID,
  SAMAccountName: 'jroe',
  UpdateType: 'REPLACE',
  [member]: value,
});
const updateJroeAttribute = (name: string) => (value: unknown) => ({
  DirectoryId: DIRECTORY_ID,
  SAMAccountName: 'jroe',
  UpdateType: 'REPLACE',
  OtherAttributes: { [name]: value },
});
const range = (count: number, make: (index: number) => string): string[] => Array.from({ length: count }, (_, index) => make(index));

const WRITABLE_USER_ATTRIBUTES = [
  'co', 'company', 'department', 'description', 'displayName', 'facsimileTelephoneNumber', 'homePhone', 'info',
  'initials', 'ipPhone', 'l', 'manager', 'mobile', 'pager', 'physicalDeliveryOfficeName', 'postalCode',
  'preferredLanguage', 'st', 'streetAddress', 'telephoneNumber', 'title', 'wWWHomePage', 'mail', 'givenName', 'sn',
];
const JDOE_DN = 'CN=jdoe,OU=Users,OU=CORP,DC=corp,DC=example,DC=com';
const READABLE_USER_ATTRIBUTES = [...WRITABLE_USER_ATTRIBUTES.slice(0, 24), 'pwdLastSet'];

const CASES: readonly ConstraintCase[] = [
  {
    constraint: 'ClientToken length 1..128, ASCII',
    operation: 'DisableUser',
    request: (value) => ({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'pgarcia', ClientToken: value }),
    valid: [() => `t${(tokenCounter += 1)}`, () => 'x'.repeat(127) + String(tokenCounter++ % 10), () => `\u0001ctl${tokenCounter++}`],
    invalid: ['', 'x'.repeat(129), 'tökén'],
    path: 'ClientToken',
  },
  {
    constraint: 'DirectoryId pattern d-[0-9a-f]{10}',
    operation: 'DescribeUser',
    request: (value) => ({ DirectoryId: value, SAMAccountName: 'jdoe' }),
    valid: [DIRECTORY_ID],
    invalid: ['d-ABCDEF1234', 'd-12345678901', 'd-123456789', '1234567890'],
    path: 'DirectoryId',
  },
  {
    constraint: 'EmailAddress length 1..256',
    operation: 'UpdateUser',
    request: updateJroe('EmailAddress'),
    valid: ['a'.repeat(256)],
    invalid: ['', 'a'.repeat(257)],
    path: 'EmailAddress',
  },
  {
    constraint: 'GivenName length 1..64 code points',
    operation: 'UpdateUser',
    request: updateJroe('GivenName'),
    valid: ['J', 'é'.repeat(64), '𝒥'.repeat(64)],
    invalid: ['', 'J'.repeat(65), '𝒥'.repeat(65)],
    path: 'GivenName',
  },
  {
    constraint: 'Surname length 1..64',
    operation: 'UpdateUser',
    request: updateJroe('Surname'),
    valid: ['R'.repeat(64)],
    invalid: ['', 'R'.repeat(65)],
    path: 'Surname',
  },
  {
    constraint: 'GroupName length 1..64 and deny-list',
    operation: 'DescribeGroup',
    request: (value) => ({ DirectoryId: DIRECTORY_ID, SAMAccountName: value }),
    valid: ['Domain Users', 'Grüppe', 'g'.repeat(64)],
    invalid: ['', 'g'.repeat(65), 'a@b', 'a,b', 'a*b', 'a[b]', 'a\\b', 'a/b'],
    path: 'SAMAccountName',
  },
  {
    constraint: 'MemberName length 1..63 and deny-list',
    operation: 'ListGroupsForMember',
    request: (value) => ({ DirectoryId: DIRECTORY_ID, SAMAccountName: value, MemberRealm: 'europe.example.com', Realm: 'corp.example.com' }),
    valid: ['Pat Candella', 'm'.repeat(63)],
    invalid: ['', 'm'.repeat(64), 'a;b', 'a=b', 'a"b', 'a?b'],
    path: 'SAMAccountName',
  },
  {
    constraint: 'UserName length 1..20, pattern [\\w\\-.]',
    operation: 'DescribeUser',
    request: (value) => ({ DirectoryId: DIRECTORY_ID, SAMAccountName: value }),
    valid: ['jdoe', 'u'.repeat(20), 'a.b-c_d'],
    invalid: ['', 'u'.repeat(21), 'josé', 'Jane Doe', 'a@b'],
    path: 'SAMAccountName',
  },
  {
    constraint: 'LdapDisplayName length 1..63, pattern letters, - and *',
    operation: 'DescribeUser',
    request: (value) => ({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'jdoe', OtherAttributes: [value] }),
    valid: ['department', 'DEPARTMENT'],
    invalid: ['', 'extensionAttribute1', '-name', 'a_b', 'a'.repeat(64)],
    path: 'OtherAttributes.0',
    reason: 'INVALID_ATTRIBUTE_NAME',
  },
  {
    constraint: 'LdapDisplayNameList length 1..25',
    operation: 'DescribeUser',
    request: describeUser('OtherAttributes'),
    valid: [READABLE_USER_ATTRIBUTES, ['department']],
    invalid: [[], [...READABLE_USER_ATTRIBUTES, 'title']],
    path: 'OtherAttributes',
  },
  {
    constraint: 'SearchAttributes required, 1..25',
    operation: 'SearchUsers',
    request: (value) => ({ DirectoryId: DIRECTORY_ID, SearchString: 'doe', SearchAttributes: value }),
    valid: [['sn']],
    invalid: [undefined, [], range(26, () => 'sn')],
    path: 'SearchAttributes',
  },
  {
    constraint: 'MaxResults range 1..250',
    operation: 'ListUsers',
    request: (value) => ({ DirectoryId: DIRECTORY_ID, MaxResults: value }),
    valid: [1, 250],
    invalid: [0, 251, -1],
    path: 'MaxResults',
  },
  {
    constraint: 'NextToken length 1..6144',
    operation: 'ListUsers',
    request: (value) => ({ DirectoryId: DIRECTORY_ID, MaxResults: 1, NextToken: value }),
    valid: [],
    invalid: ['', 'n'.repeat(6145)],
    path: 'NextToken',
    reason: 'INVALID_NEXT_TOKEN',
  },
  {
    constraint: 'Realm length 1..255 and pattern',
    operation: 'DescribeUser',
    request: describeUser('Realm'),
    valid: ['corp.example.com', 'CORP.Example.com', 'corp.example.com.'],
    invalid: ['corp', 'corp_x.example.com', '.corp.example.com', 'corp..example.com', `${'a'.repeat(252)}.com`],
    path: 'Realm',
    reason: 'INVALID_REALM',
  },
  {
    constraint: 'SearchString length 1..64',
    operation: 'SearchUsers',
    request: (value) => ({ DirectoryId: DIRECTORY_ID, SearchString: value, SearchAttributes: ['sn'] }),
    valid: ['s'.repeat(64)],
    invalid: ['', 's'.repeat(65)],
    path: 'SearchString',
  },
  {
    constraint: 'StringAttributeValue length 1..1024',
    operation: 'UpdateUser',
    request: updateJroeAttribute('department'),
    valid: [{ S: 'd'.repeat(1024) }],
    invalid: [{ S: '' }, { S: 'd'.repeat(1025) }],
    path: 'OtherAttributes.department.S',
    reason: 'INVALID_ATTRIBUTE_VALUE',
  },
  {
    constraint: 'StringSetAttributeValue 0..25 items of 1..1024',
    operation: 'UpdateUser',
    request: updateJroeAttribute('servicePrincipalName'),
    valid: [{ SS: range(25, (index) => `http/host${index}.corp.example.com`) }, { SS: [] }],
    invalid: [{ SS: range(26, (index) => `http/host${index}`) }, { SS: [''] }],
    path: 'OtherAttributes.servicePrincipalName.SS',
    reason: 'INVALID_ATTRIBUTE_VALUE',
  },
  {
    constraint: 'NumberAttributeValue is a signed 64-bit integer',
    operation: 'UpdateUser',
    request: updateJroeAttribute('accountExpires'),
    valid: [{ N: 9_223_372_036_854_775_807n }, { N: -9_223_372_036_854_775_808n }, { N: 0n }],
    invalid: [{ N: 9_223_372_036_854_775_808n }, { N: -9_223_372_036_854_775_809n }],
    path: 'OtherAttributes.accountExpires.N',
    reason: 'INVALID_ATTRIBUTE_VALUE',
  },
  {
    constraint: 'AttributeValue sets exactly one member',
    operation: 'UpdateUser',
    request: updateJroeAttribute('department'),
    valid: [{ S: 'Engineering' }],
    invalid: [{}, { S: 'a', N: 1n }, { X: 'a' }, { BOOL: 'yes' }],
    path: 'OtherAttributes.department',
    reason: 'INVALID_ATTRIBUTE_VALUE',
  },
  {
    constraint: 'Attributes map 1..25 entries',
    operation: 'UpdateUser',
    request: (value) => ({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'jroe', UpdateType: 'REPLACE', OtherAttributes: value }),
    valid: [Object.fromEntries(WRITABLE_USER_ATTRIBUTES.map((name) => [name, { S: name === 'manager' ? JDOE_DN : `v-${name}` }]))],
    invalid: [{}, Object.fromEntries([...WRITABLE_USER_ATTRIBUTES, 'extra'].map((name) => [name, { S: 'v' }]))],
    path: 'OtherAttributes',
  },
  {
    constraint: 'GroupType enum',
    operation: 'UpdateGroup',
    request: (value) => ({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'DevOps', UpdateType: 'REPLACE', GroupType: value }),
    valid: ['Security', 'Distribution'],
    invalid: ['security', 'SECURITY', 'Mail'],
    path: 'GroupType',
  },
  {
    constraint: 'GroupScope enum',
    operation: 'CreateGroup',
    request: (value) => ({ DirectoryId: DIRECTORY_ID, SAMAccountName: `scope-${tokenCounter++}`, GroupScope: value }),
    valid: ['Global', 'Universal', 'DomainLocal'],
    invalid: ['global', 'GLOBAL', 'Local'],
    path: 'GroupScope',
  },
  {
    constraint: 'UpdateType enum',
    operation: 'UpdateUser',
    request: (value) => ({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'jroe', UpdateType: value, OtherAttributes: { title: { S: 'Manager' } } }),
    valid: ['REPLACE'],
    invalid: ['replace', 'SET'],
    path: 'UpdateType',
  },
  {
    constraint: 'SAMAccountName required',
    operation: 'DescribeUser',
    request: (value) => ({ DirectoryId: DIRECTORY_ID, ...(value === undefined ? {} : { SAMAccountName: value }) }),
    valid: ['jdoe'],
    invalid: [undefined, null],
    path: 'SAMAccountName',
  },
];

describe('input constraints', () => {
  for (const testCase of CASES) {
    describe(testCase.constraint, () => {
      testCase.valid.forEach((rawValue, index) => {
        it(`accepts valid value ${index + 1}`, async () => {
          const value = typeof rawValue === 'function' ? (rawValue as () => unknown)() : rawValue;
          const response = await callOperation(emulator.url, testCase.operation, testCase.request(value));

          // A valid value may still name an object that does not exist (404), but never fails validation.
          expect(response.headers.get('x-amzn-errortype'), response.text).not.toBe('ValidationException');
          expect([200, 404]).toContain(response.status);
        });
      });

      testCase.invalid.forEach((value, index) => {
        it(`rejects invalid value ${index + 1}`, async () => {
          const response = await callOperation(emulator.url, testCase.operation, testCase.request(value));

          expect(response.status).toBe(400);
          expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
          expect(response.body.Message).toMatch(/^1 validation error detected: /);
          expect(response.body.Message).toContain(testCase.path);
          expect(response.body.Reason).toBe(testCase.reason);
        });
      });
    });
  }

  it('accepts a NextToken from the previous page', async () => {
    const first = await callOperation(emulator.url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: 1 });
    const second = await callOperation(emulator.url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: 1, NextToken: first.body.NextToken });

    expect(second.status).toBe(200);
  });
});
