/**
 * Acceptance: every documented example of the DS Data API (the `smithy.api#examples` of the
 * service model, API version 2023-05-31) is sent through the client to the emulator. The
 * request body the emulator received must be the example input without `DirectoryId`, as
 * text, so number tokens are compared digit for digit. The output must have at least the
 * members of the documented output, with the same JSON types.
 *
 * Each example runs against a fresh emulator, because the examples reuse one ClientToken
 * for different mutations, which a real directory rejects as a conflict within 8 hours.
 */
import type { MetadataBearer } from '@smithy/types';
import { afterEach, describe, expect, it } from 'vitest';

import {
  AddGroupMemberCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteUserCommand,
  DescribeGroupCommand,
  DescribeUserCommand,
  DirectoryServiceDataClient,
  DisableUserCommand,
  ListGroupMembersCommand,
  ListGroupsCommand,
  ListGroupsForMemberCommand,
  ListUsersCommand,
  RemoveGroupMemberCommand,
  SearchGroupsCommand,
  SearchUsersCommand,
  UpdateGroupCommand,
  UpdateUserCommand,
  type DirectoryServiceDataCommand,
} from '../../src/ds-data/index.js';
import { parseJson } from '../../src/ds-data/json.js';
import type { OperationName } from '../../src/ds-data/operations.js';
import { startEmulator, type EmulatorSeed, type GroupSeed, type RunningEmulator, type UserSeed } from '../../src/emulator/index.js';
import { expectedAuthorization, TEST_CREDENTIALS, TEST_REGION } from './support/client.js';

const DIRECTORY_ID = 'd-12233abcde';

interface SeedChoices {
  /** The managed realm contains pcandella (false for CreateUser, which creates the account). */
  pcandellaExists: boolean;
  /** twhitlock has e-mail, given name and surname set (false for UpdateUser, whose ADD sets them). */
  twhitlockNamed: boolean;
  /**
   * More matching users and groups than fit on one page (250 by default, 123 in the examples),
   * so that the outputs carry a NextToken as the documented ones do.
   */
  morePages: boolean;
}

const EXTRA_OBJECTS = 260;

/** Builds a directory with the accounts, groups and trusted realms that the documented examples name. */
function exampleSeed({ pcandellaExists, twhitlockNamed, morePages }: SeedChoices): EmulatorSeed {
  const twhitlock: UserSeed = {
    SAMAccountName: 'twhitlock',
    ...(twhitlockNamed
      ? { GivenName: 'Terry Whitlock', Surname: 'Whitlock', EmailAddress: 'terry.whitlock@examplecorp.com' }
      : {}),
    OtherAttributes: {
      department: { S: 'communications' },
      manager: { S: 'OU=Users,DC=mmajors' },
      ipPhone: { S: '111.111.111.111' },
      pwdLastSet: { N: 0n },
      displayName: { S: 'Terry Whitlock, DevOps' },
    },
  };
  const users: UserSeed[] = [
    twhitlock,
    { SAMAccountName: 'jstiles', OtherAttributes: { displayName: { S: 'Jordan Stiles, DevOps' } } },
  ];
  if (pcandellaExists) {
    users.push({ SAMAccountName: 'pcandella', GivenName: 'Pat Candella', Surname: 'Candella' });
  }
  const extraGroups: GroupSeed[] = [];
  if (morePages) {
    for (let index = 1; index <= EXTRA_OBJECTS; index += 1) {
      const suffix = String(index).padStart(3, '0');
      users.push({
        SAMAccountName: `devops${suffix}`,
        EmailAddress: `devops${suffix}@examplecorp.com`,
        OtherAttributes: { displayName: { S: `DevOps engineer ${suffix}` } },
      });
      extraGroups.push({ SAMAccountName: `team${suffix}`, OtherAttributes: { displayName: { S: `Security team ${suffix}` } } });
    }
  }

  return {
    directories: [
      {
        directoryId: DIRECTORY_ID,
        realm: 'examplecorp.com',
        users,
        groups: [
          {
            SAMAccountName: 'Marketing',
            GroupScope: 'DomainLocal',
            Members: [
              { SAMAccountName: 'twhitlock', Realm: 'example.local' },
              { SAMAccountName: 'jstiles', Realm: 'example.local' },
            ],
          },
          { SAMAccountName: 'DevOps', GroupScope: 'DomainLocal', Members: [{ SAMAccountName: 'Pat Candella', Realm: 'example.local' }] },
          { SAMAccountName: 'GuestsLocal', GroupScope: 'Universal', GroupType: 'Distribution' },
          { SAMAccountName: 'SecurityAdmins', OtherAttributes: { displayName: { S: 'Security administrators' } } },
          ...extraGroups,
        ],
        trustedRealms: [
          {
            realm: 'example.local',
            users: [{ SAMAccountName: 'Pat Candella' }, { SAMAccountName: 'twhitlock' }, { SAMAccountName: 'jstiles' }],
          },
          { realm: 'europe.example.com', users: [{ SAMAccountName: 'Pat Candella' }] },
          {
            realm: 'example.domain.com',
            groups: [
              {
                SAMAccountName: 'DevOpsMail',
                GroupType: 'Distribution',
                OtherAttributes: {
                  displayName: { S: 'DevOps mailing list' },
                  description: { S: 'A group for DevOps email.' },
                },
              },
            ],
          },
        ],
      },
    ],
  };
}

// `any` because the table mixes the input types of all 17 commands.
type CommandClass = new (input: any) => DirectoryServiceDataCommand<any, MetadataBearer>;

interface DocumentedExample {
  operation: OperationName;
  command: CommandClass;
  /** The documented input, as JSON text in the model's member order. */
  input: string;
  /** The documented output, as JSON text. */
  output: string;
  /** Why the input differs from the documented one, when it does. */
  adapted?: string;
  seed?: Partial<SeedChoices>;
}

const TOKEN = '"ClientToken":"550e8400-e29b-41d4-a716-446655440000"';

const EXAMPLES: DocumentedExample[] = [
  {
    operation: 'AddGroupMember',
    command: AddGroupMemberCommand,
    input: `{${TOKEN},"DirectoryId":"d-12233abcde","GroupName":"Marketing","MemberName":"Pat Candella","MemberRealm":"europe.example.com"}`,
    output: '{}',
  },
  {
    operation: 'CreateGroup',
    command: CreateGroupCommand,
    input:
      `{${TOKEN},"DirectoryId":"d-12233abcde","GroupScope":"DomainLocal","GroupType":"Distribution",` +
      '"OtherAttributes":{"displayName":{"S":"Acctng-mailing-list"},"description":{"S":"Accounting dept mailing list"}},' +
      '"SAMAccountName":"AcctngMail"}',
    output: '{"DirectoryId":"d-12233abcde","SAMAccountName":"AcctngMail","SID":"S-1-5-33-123"}',
  },
  {
    operation: 'CreateUser',
    command: CreateUserCommand,
    input:
      `{${TOKEN},"DirectoryId":"d-12233abcde","EmailAddress":"pcandella@exampledomain.com","GivenName":"Pat Candella",` +
      '"OtherAttributes":{"department":{"S":"HR"},"homePhone":{"S":"212-555-0100"}},"SAMAccountName":"pcandella","Surname":"Candella"}',
    output: '{"DirectoryId":"d-12233abcde","SAMAccountName":"pcandella","SID":"S-1-5-99-789"}',
    seed: { pcandellaExists: false },
  },
  {
    operation: 'DeleteGroup',
    command: DeleteGroupCommand,
    input: `{${TOKEN},"DirectoryId":"d-12233abcde","SAMAccountName":"marketing"}`,
    output: '{}',
  },
  {
    operation: 'DeleteUser',
    command: DeleteUserCommand,
    input: `{${TOKEN},"DirectoryId":"d-12233abcde","SAMAccountName":"pcandella"}`,
    output: '{}',
  },
  {
    operation: 'DescribeGroup',
    command: DescribeGroupCommand,
    input:
      '{"DirectoryId":"d-12233abcde","OtherAttributes":["displayName","description","objectGUID"],' +
      '"Realm":"example.domain.com","SAMAccountName":"DevOpsMail"}',
    output:
      '{"DirectoryId":"d-12233abcde","DistinguishedName":"DevOpsmail","GroupScope":"Global","GroupType":"Distribution",' +
      '"OtherAttributes":{"displayName":{"S":"DevOps mailing list"},"description":{"S":"A group for DevOps email."},' +
      '"objectGUID":{"S":"123456789"}},"SAMAccountName":"DevOpsMail","SID":"S-1-5-55-678"}',
  },
  {
    operation: 'DescribeUser',
    command: DescribeUserCommand,
    input:
      '{"DirectoryId":"d-12233abcde","OtherAttributes":["department","manager","ipPhone","pwdLastSet"],' +
      '"Realm":"examplecorp.com","SAMAccountName":"twhitlock"}',
    output:
      '{"DirectoryId":"d-12233abcde","DistinguishedName":"Terry Whitlock","EmailAddress":"terry.whitlock@examplecorp.com",' +
      '"Enabled":true,"GivenName":"Terry Whitlock","OtherAttributes":{"department":{"S":"communications"},' +
      '"manager":{"S":"OU=Users,DC=mmajors"},"ipPhone":{"S":"111.111.111.111"},"pwdLastSet":{"N":0}},' +
      '"SAMAccountName":"twhitlock","SID":"123-456-7890","Surname":"Whitlock","UserPrincipalName":"terry.whitlock"}',
  },
  {
    operation: 'DisableUser',
    command: DisableUserCommand,
    input: `{${TOKEN},"DirectoryId":"d-12233abcde","SAMAccountName":"twhitlock"}`,
    output: '{}',
  },
  {
    operation: 'ListGroupMembers',
    command: ListGroupMembersCommand,
    input: '{"DirectoryId":"d-12233abcde","SAMAccountName":"marketing","MemberRealm":"example.local","Realm":"examplecorp.com"}',
    output:
      '{"DirectoryId":"d-12233abcde","Members":[{"SID":"S-1-5-11-111","SAMAccountName":"twhitlock","MemberType":"USER"},' +
      '{"SID":"S-1-5-11-112","SAMAccountName":"pcandella","MemberType":"USER"},' +
      '{"SID":"S-1-5-11-113","SAMAccountName":"jstiles","MemberType":"USER"}]}',
  },
  {
    operation: 'ListGroups',
    command: ListGroupsCommand,
    input: '{"DirectoryId":"d-12233abcde","MaxResults":123,"Realm":"examplecorp.com"}',
    output:
      '{"DirectoryId":"d-12233abcde","Groups":[{"GroupScope":"BuiltinLocal","GroupType":"Security",' +
      '"SAMAccountName":"Administrators","SID":"S-1-5-32-544"},{"GroupScope":"BuiltinLocal","GroupType":"Security",' +
      '"SAMAccountName":"Users","SID":"S-1-5-32-545"}],"NextToken":"223456"}',
    adapted: 'NextToken "123456" dropped: it is a placeholder that no service issued, so it is rejected as INVALID_NEXT_TOKEN.',
    seed: { morePages: true },
  },
  {
    operation: 'ListGroupsForMember',
    command: ListGroupsForMemberCommand,
    input: '{"DirectoryId":"d-12233abcde","SAMAccountName":"twhitlock","MemberRealm":"example.local","Realm":"examplecorp.com"}',
    output:
      '{"DirectoryId":"d-12233abcde","Groups":[{"GroupScope":"BuiltinLocal","GroupType":"Security",' +
      '"SAMAccountName":"Administrators","SID":"S-1-5-32-544"},{"GroupScope":"BuiltinLocal","GroupType":"Security",' +
      '"SAMAccountName":"Users","SID":"S-1-5-32-545"}]}',
  },
  {
    operation: 'ListUsers',
    command: ListUsersCommand,
    input: '{"DirectoryId":"d-12233abcde","Realm":"examplecorp.com"}',
    output:
      '{"DirectoryId":"d-12233abcde","Users":[{"SID":"S-1-5-11-111","SAMAccountName":"twhitlock","Enabled":true},' +
      '{"SID":"S-1-5-11-112","SAMAccountName":"pcandella","Enabled":true},' +
      '{"SID":"S-1-5-11-113","SAMAccountName":"jstiles","Enabled":true}]}',
  },
  {
    operation: 'RemoveGroupMember',
    command: RemoveGroupMemberCommand,
    input: `{${TOKEN},"DirectoryId":"d-12233abcde","GroupName":"DevOps","MemberName":"Pat Candella","MemberRealm":"example.local"}`,
    output: '{}',
  },
  {
    operation: 'SearchGroups',
    command: SearchGroupsCommand,
    input:
      '{"DirectoryId":"d-12233abcde","MaxResults":123,"Realm":"examplecorp.com",' +
      '"SearchAttributes":["displayName"],"SearchString":"Security"}',
    output:
      '{"DirectoryId":"d-12233abcde","Groups":[{"GroupScope":"BuiltinLocal","GroupType":"Security",' +
      '"SAMAccountName":"Administrators","SID":"S-1-5-32-544"},{"GroupScope":"BuiltinLocal","GroupType":"Security",' +
      '"SAMAccountName":"Users","SID":"S-1-5-32-545"}],"NextToken":"223456"}',
    adapted:
      'NextToken "123456" dropped (a placeholder), and SearchAttributes ["GroupScope"] replaced by ["displayName"]: ' +
      'groupScope is not a searchable attribute.',
    seed: { morePages: true },
  },
  {
    operation: 'SearchUsers',
    command: SearchUsersCommand,
    input:
      '{"DirectoryId":"d-12233abcde","Realm":"examplecorp.com","SearchAttributes":["displayName"],"SearchString":"DevOps"}',
    output:
      '{"DirectoryId":"d-12233abcde","NextToken":"223456","Users":[' +
      '{"SID":"S-1-5-11-111","SAMAccountName":"twhitlock","EmailAddress":"twhitlock@examplecorp.com"},' +
      '{"SID":"S-1-5-11-112","SAMAccountName":"pcandella","EmailAddress":"pcandella@examplecorp.com"},' +
      '{"SID":"S-1-5-11-113","SAMAccountName":"jstiles","EmailAddress":"jstiles@examplecorp.com"}]}',
    adapted: 'SearchAttributes ["department"] replaced by ["displayName"]: department is not a searchable attribute.',
    seed: { morePages: true },
  },
  {
    operation: 'UpdateGroup',
    command: UpdateGroupCommand,
    input:
      `{${TOKEN},"DirectoryId":"d-12233abcde","GroupScope":"Global","GroupType":"Security",` +
      '"OtherAttributes":{"info":{"S":"English"},"description":{"S":"US"}},"SAMAccountName":"GuestsLocal","UpdateType":"REPLACE"}',
    output: '{}',
    adapted:
      'OtherAttributes preferredLanguage and co replaced by info and description: the first two are user attributes ' +
      'and a group update with them fails with INVALID_ATTRIBUTE_FOR_GROUP.',
  },
  {
    operation: 'UpdateUser',
    command: UpdateUserCommand,
    input:
      `{${TOKEN},"DirectoryId":"d-12233abcde","EmailAddress":"twhitlock@examplecorp.com","GivenName":"Terry",` +
      '"OtherAttributes":{"telephoneNumber":{"S":"212-555-1111"},"homePhone":{"S":"333-333-3333"},' +
      '"physicalDeliveryOfficeName":{"S":"Example Company"},"streetAddress":{"S":"123 Any Street"},' +
      '"postalCode":{"S":"54321"},"st":{"S":"WA"},"co":{"S":"US"}},"SAMAccountName":"twhitlock","Surname":"Whitlock",' +
      '"UpdateType":"ADD"}',
    output: '{}',
    seed: { twhitlockNamed: false },
  },
];

/**
 * Maps every member to its JSON type, with lists reduced to one merged item, so that outputs
 * with other values and other list lengths can be compared with the documented ones.
 */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) {
    const merged: Record<string, unknown> = {};
    for (const item of value) {
      Object.assign(merged, shapeOf(item));
    }
    return value.length === 0 ? [] : [merged];
  }
  if (typeof value === 'object' && value !== null) {
    const shape: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (key !== '$metadata') {
        shape[key] = shapeOf(member);
      }
    }
    return shape;
  }
  return typeof value;
}

let emulator: RunningEmulator | undefined;
let client: DirectoryServiceDataClient | undefined;

afterEach(async () => {
  client?.destroy();
  await emulator?.close();
  client = undefined;
  emulator = undefined;
});

describe('documented examples', () => {
  it('covers all 17 operations', () => {
    expect(new Set(EXAMPLES.map((example) => example.operation)).size).toBe(17);
  });

  it.each(EXAMPLES)('$operation produces the documented output shape', async (example) => {
    emulator = await startEmulator({
      seed: exampleSeed({ pcandellaExists: true, twhitlockNamed: true, morePages: false, ...example.seed }),
      quota: false,
      logger: false,
    });
    client = new DirectoryServiceDataClient({
      region: TEST_REGION,
      credentials: TEST_CREDENTIALS,
      endpoint: emulator.url,
      maxAttempts: 1,
    });

    const input = parseJson(example.input);
    const output = await client.send(new example.command(input));

    expect(emulator.requests).toHaveLength(1);
    const received = emulator.requests[0]!;
    expect(received.operation).toBe(example.operation);
    expect(received.status).toBe(200);
    expect(received.query).toEqual({ DirectoryId: DIRECTORY_ID });
    const signed = {
      method: received.method,
      url: `${received.path}?${new URLSearchParams(received.query).toString()}`,
      headers: received.headers,
      body: received.rawBody,
    };
    expect(received.headers['authorization']).toBe(expectedAuthorization(signed));
    expect(received.rawBody).toBe(example.input.replace('"DirectoryId":"d-12233abcde",', '').replace(',"DirectoryId":"d-12233abcde"', ''));

    const documented = parseJson(example.output);
    expect(shapeOf(output)).toMatchObject(shapeOf(documented) as object);
    if ('DirectoryId' in (documented as object)) {
      expect((output as { DirectoryId?: string }).DirectoryId).toBe(DIRECTORY_ID);
    }
    expect(output.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
  });
});
