import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  CreateUserCommand,
  DescribeUserCommand,
  DirectoryServiceDataClient,
  UpdateUserCommand,
} from '../../src/ds-data/index.js';
import { INT64_MAX, INT64_MIN } from '../../src/ds-data/json.js';
import { DEMO_DIRECTORY_ID, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { TEST_CREDENTIALS, TEST_REGION } from './support/client.js';

/** 2024-01-01T00:00:00Z as a FILETIME: 100-nanosecond intervals since 1601-01-01 UTC. */
const FILETIME_2024 = 133485408000000000n;

let emulator: RunningEmulator;
let client: DirectoryServiceDataClient;

beforeAll(async () => {
  emulator = await startEmulator({ quota: false, logger: false });
  client = new DirectoryServiceDataClient({
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
    endpoint: emulator.url,
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await emulator.close();
});

describe('64-bit N values through the emulator', () => {
  it.each([
    ['largest', INT64_MAX, '9223372036854775807'],
    ['smallest', INT64_MIN, '-9223372036854775808'],
    ['FILETIME', FILETIME_2024, '133485408000000000'],
  ])('round-trips the %s value', async (label, value, digits) => {
    const name = `int64${label.slice(0, 4)}`;
    emulator.clearRequests();

    await client.send(
      new CreateUserCommand({ DirectoryId: DEMO_DIRECTORY_ID, SAMAccountName: name, OtherAttributes: { accountExpires: { N: value } } }),
    );
    const created = await client.send(
      new DescribeUserCommand({ DirectoryId: DEMO_DIRECTORY_ID, SAMAccountName: name, OtherAttributes: ['accountExpires'] }),
    );

    expect(emulator.requests[0]!.rawBody).toContain(`"accountExpires":{"N":${digits}}`);
    expect(created.OtherAttributes?.['accountExpires']).toEqual({ N: value });

    await client.send(
      new UpdateUserCommand({
        DirectoryId: DEMO_DIRECTORY_ID,
        SAMAccountName: name,
        UpdateType: 'REPLACE',
        OtherAttributes: { accountExpires: { N: value - (value > 0n ? 1n : -1n) } },
      }),
    );
    const updated = await client.send(
      new DescribeUserCommand({ DirectoryId: DEMO_DIRECTORY_ID, SAMAccountName: name, OtherAttributes: ['accountExpires'] }),
    );

    expect(updated.OtherAttributes?.['accountExpires']).toEqual({ N: value - (value > 0n ? 1n : -1n) });
  });
});
