/**
 * Drives an emulator through the project's DS Data client only, as an application would:
 * `tsx client-script.ts <endpoint>`. Prints one JSON line with what each step returned.
 * Credentials are pinned to test/test so the AWS default chain is never consulted.
 */
import {
  AddGroupMemberCommand,
  CreateUserCommand,
  DescribeUserCommand,
  DirectoryServiceDataClient,
  ResourceNotFoundException,
  UpdateUserCommand,
  paginateListUsers,
} from '../../../src/ds-data/index.js';

const endpoint = process.argv[2];
if (!endpoint?.startsWith('http://127.0.0.1:')) {
  throw new Error(`Usage: client-script.ts http://127.0.0.1:<port>; got '${endpoint}'.`);
}

const client = new DirectoryServiceDataClient({
  region: 'us-east-1',
  endpoint,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 5,
});
const DirectoryId = 'd-1234567890';

const created = await client.send(new CreateUserCommand({ DirectoryId, SAMAccountName: 'cli-user', GivenName: 'Cli', Surname: 'User' }));
await client.send(
  new UpdateUserCommand({
    DirectoryId,
    SAMAccountName: 'cli-user',
    UpdateType: 'REPLACE',
    OtherAttributes: { accountExpires: { N: 9_223_372_036_854_775_806n } },
  }),
);
await client.send(new AddGroupMemberCommand({ DirectoryId, GroupName: 'DevOps', MemberName: 'cli-user' }));
const described = await client.send(
  new DescribeUserCommand({ DirectoryId, SAMAccountName: 'cli-user', OtherAttributes: ['accountExpires'] }),
);

let userCount = 0;
for await (const page of paginateListUsers({ client, pageSize: 10 }, { DirectoryId })) {
  userCount += page.Users?.length ?? 0;
}

let missing = '';
try {
  await client.send(new DescribeUserCommand({ DirectoryId, SAMAccountName: 'nobody' }));
} catch (error) {
  missing = error instanceof ResourceNotFoundException ? error.name : `unexpected ${String(error)}`;
}
client.destroy();

process.stdout.write(
  `${JSON.stringify({
    createdName: created.SAMAccountName,
    sidPrefix: created.SID?.startsWith('S-1-5-21-'),
    enabled: described.Enabled,
    accountExpires: described.OtherAttributes?.accountExpires?.N?.toString(),
    userCount,
    missing,
  })}\n`,
);
