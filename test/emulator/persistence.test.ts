import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { readSeedFile, startEmulator } from '../../src/emulator/index.js';
import { callOperation } from './support/signed-request.js';

const DIRECTORY_ID = 'd-1234567890';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ds-data-emulator-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('state file', () => {
  it('keeps users, memberships and exact numbers across a restart', async () => {
    const stateFile = join(folder, 'state.json');
    const first = await startEmulator({ quota: false, logger: false, stateFile });
    await callOperation(first.url, 'CreateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'persisted',
      OtherAttributes: { accountExpires: { N: 9_007_199_254_740_993n } },
    });
    await callOperation(first.url, 'AddGroupMember', { DirectoryId: DIRECTORY_ID, GroupName: 'DevOps', MemberName: 'persisted' });
    await callOperation(first.url, 'DeleteUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'svc-backup' });
    const createdSid = first.directory(DIRECTORY_ID).user('persisted')?.SID;
    await first.close();

    const second = await startEmulator({ quota: false, logger: false, stateFile });
    try {
      const user = second.directory(DIRECTORY_ID).user('persisted');
      expect(user?.SID).toBe(createdSid);
      expect(user?.attributes.accountExpires).toEqual({ N: 9_007_199_254_740_993n });
      expect(second.directory(DIRECTORY_ID).members('DevOps').map((member) => member.SAMAccountName)).toContain('persisted');
      expect(second.directory(DIRECTORY_ID).user('svc-backup')).toBeUndefined();
      expect(readFileSync(stateFile, 'utf8')).toContain('"accountExpires":{"N":9007199254740993}');

      // Relative ids are never reused after a restart, as in AD.
      const next = await callOperation(second.url, 'CreateUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'after-restart' });
      expect(next.body.SID).not.toBe(createdSid);
      expect(Number(String(next.body.SID).split('-').at(-1))).toBeGreaterThan(Number(String(createdSid).split('-').at(-1)));
    } finally {
      await second.close();
    }
  });

  it('starts from the demo seed without a state file', async () => {
    const first = await startEmulator({ quota: false, logger: false });
    await callOperation(first.url, 'DeleteUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'rroe' });
    await first.close();

    const second = await startEmulator({ quota: false, logger: false });
    try {
      expect(second.directory(DIRECTORY_ID).user('rroe')).toBeDefined();
    } finally {
      await second.close();
    }
  });
});

describe('seed file', () => {
  it('loads directories with 64-bit values from JSON', async () => {
    const seedFile = join(folder, 'seed.json');
    writeFileSync(
      seedFile,
      JSON.stringify({
        directories: [
          {
            directoryId: 'd-abcdef0123',
            realm: 'lab.example.org',
            users: [{ SAMAccountName: 'tester', GivenName: 'Test', OtherAttributes: { lastLogonTimestamp: { N: 0 } } }],
            groups: [{ SAMAccountName: 'Lab', Members: ['tester'] }],
          },
        ],
      }).replace('"N":0', '"N":133000000000000001'),
    );

    const emulator = await startEmulator({ quota: false, logger: false, seed: readSeedFile(seedFile) });
    try {
      const response = await callOperation(emulator.url, 'DescribeUser', {
        DirectoryId: 'd-abcdef0123',
        SAMAccountName: 'tester',
        OtherAttributes: ['lastLogonTimestamp'],
      });
      expect(response.body.OtherAttributes).toEqual({ lastLogonTimestamp: { N: 133_000_000_000_000_001n } });
      expect(response.body.DistinguishedName).toBe('CN=tester,OU=Users,OU=LAB,DC=lab,DC=example,DC=org');
      expect(emulator.directory('d-abcdef0123').members('Lab').map((member) => member.SAMAccountName)).toEqual(['tester']);
    } finally {
      await emulator.close();
    }
  });

  it('names the problem in a bad seed file', () => {
    const seedFile = join(folder, 'bad.json');
    writeFileSync(seedFile, '{"users": []}');

    expect(() => readSeedFile(seedFile)).toThrow(`Seed file ${seedFile} must be a JSON object with a "directories" array.`);
  });

  it('rejects a member that does not exist', async () => {
    await expect(
      startEmulator({
        logger: false,
        seed: { directories: [{ directoryId: 'd-abcdef0123', realm: 'lab.example.org', groups: [{ SAMAccountName: 'Lab', Members: ['ghost'] }] }] },
      }),
    ).rejects.toThrow("Seed group 'Lab' in lab.example.org lists member 'ghost', which does not exist in lab.example.org.");
  });
});
