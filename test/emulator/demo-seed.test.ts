import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoSeed, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ quota: false, logger: false });
});

afterAll(async () => {
  await emulator.close();
});

describe('demo seed', () => {
  it('serves d-1234567890 for corp.example.com with a trusted realm', () => {
    const directory = emulator.directory('d-1234567890');

    expect(directory.realm).toBe('corp.example.com');
    expect(directory.trustedRealms).toEqual(['europe.example.com']);
  });

  it('holds at least 25 customer users, jdoe among them', () => {
    const directory = emulator.directory('d-1234567890');
    const customerUsers = directory.users().filter((user) => user.DistinguishedName.endsWith(',OU=Users,OU=CORP,DC=corp,DC=example,DC=com'));

    expect(customerUsers.length).toBeGreaterThanOrEqual(25);
    const jdoe = directory.user('jdoe');
    expect(jdoe?.Enabled).toBe(true);
    expect(jdoe?.attributes.givenName).toEqual({ S: 'Jane' });
    expect(jdoe?.attributes.sn).toEqual({ S: 'Doe' });
    expect(jdoe?.attributes.mail).toEqual({ S: 'jane.doe@corp.example.com' });
  });

  it('lists the built-in accounts with their well-known relative ids', () => {
    const directory = emulator.directory('d-1234567890');

    expect(directory.user('Administrator')?.SID).toMatch(/-500$/);
    expect(directory.user('Guest')?.Enabled).toBe(false);
    expect(directory.user('krbtgt')?.Enabled).toBe(false);
    expect(directory.group('Administrators')?.SID).toBe('S-1-5-32-544');
    expect(directory.group('Administrators')?.GroupScope).toBe('BuiltinLocal');
    expect(directory.group('Domain Users')?.SID).toMatch(/-513$/);
  });

  it('holds at least 5 customer groups besides the built-ins', () => {
    const directory = emulator.directory('d-1234567890');
    const customerGroups = directory.groups().filter((group) => group.DistinguishedName.includes(',OU=Users,OU=CORP,'));

    expect(customerGroups.length).toBeGreaterThanOrEqual(5);
  });

  it('gives Remote Access members from both realms', () => {
    const members = emulator.directory('d-1234567890').members('Remote Access');
    const realms = new Set(members.map((member) => member.realm));

    expect(realms).toEqual(new Set(['corp.example.com', 'europe.example.com']));
  });

  it('keeps every group name within the 64-character GroupName limit', () => {
    const [directory] = demoSeed().directories;
    const tooLong = (directory?.groups ?? []).filter((group) => [...group.SAMAccountName].length > 64);

    expect(tooLong).toEqual([]);
  });

  it('returns a fresh copy on each call', () => {
    const first = demoSeed();
    const second = demoSeed();

    expect(first).toEqual(second);
    expect(first).not.toBe(second);
    expect(first.directories[0]).not.toBe(second.directories[0]);
  });
});
