import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { callOperation } from './support/signed-request.js';

const DIRECTORY_ID = 'd-1234567890';
const HOUR_MS = 60 * 60 * 1000;

let emulator: RunningEmulator;
let now = Date.parse('2026-12-04T09:00:00Z');

beforeAll(async () => {
  emulator = await startEmulator({ quota: false, logger: false, clock: () => now });
});

afterAll(async () => {
  await emulator.close();
});

/** Signs with the emulator's clock, so that moving the clock never trips the 5-minute skew check. */
const call = (operation: Parameters<typeof callOperation>[1], input: Record<string, unknown>) =>
  callOperation(emulator.url, operation, input, { signingDate: new Date(now) });

describe('ClientToken idempotency', () => {
  it('returns the first result for a repeated CreateUser', async () => {
    const input = { DirectoryId: DIRECTORY_ID, SAMAccountName: 'idem-user', ClientToken: 'token-create-1' };

    const first = await call('CreateUser', input);
    const second = await call('CreateUser', input);

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(emulator.directory(DIRECTORY_ID).users().filter((user) => user.SAMAccountName === 'idem-user')).toHaveLength(1);
  });

  it('does not apply a repeated change twice', async () => {
    const input = { DirectoryId: DIRECTORY_ID, GroupName: 'DevOps', MemberName: 'jdoe', ClientToken: 'token-add-1' };

    const first = await call('AddGroupMember', input);
    const second = await call('AddGroupMember', input);
    const withoutToken = await call('AddGroupMember', { ...input, ClientToken: undefined });

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(withoutToken.status).toBe(409);
  });

  it('ignores the order of attribute keys when comparing parameters', async () => {
    const base = { DirectoryId: DIRECTORY_ID, SAMAccountName: 'jroe', UpdateType: 'REPLACE', ClientToken: 'token-order-1' };

    const first = await call('UpdateUser', { ...base, OtherAttributes: { title: { S: 'A' }, pager: { S: 'B' } } });
    const second = await call('UpdateUser', { ...base, OtherAttributes: { pager: { S: 'B' }, title: { S: 'A' } } });

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
  });

  it('rejects a reused token with changed parameters', async () => {
    await call('UpdateUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'jroe', UpdateType: 'REPLACE', Surname: 'Roe', ClientToken: 'token-conflict-1' });

    const changed = await call('UpdateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'jroe',
      UpdateType: 'REPLACE',
      Surname: 'Roe-Smith',
      ClientToken: 'token-conflict-1',
    });

    expect(changed.status).toBe(409);
    expect(changed.headers.get('x-amzn-errortype')).toBe('ConflictException');
    expect(emulator.directory(DIRECTORY_ID).user('jroe')?.attributes.sn).toEqual({ S: 'Roe' });
  });

  it('rejects a token reused by another operation', async () => {
    await call('DisableUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'pharris', ClientToken: 'token-cross-1' });

    const other = await call('DisableUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'bbrown', ClientToken: 'token-cross-1' });

    expect(other.status).toBe(409);
    expect(other.body.Message).toBe('ClientToken was already used with different parameters within the last 8 hours. Send a new token for a new request.');
  });

  it('treats tokens as case-sensitive', async () => {
    await call('CreateGroup', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'case-a', ClientToken: 'Token-Case' });

    const response = await call('CreateGroup', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'case-b', ClientToken: 'token-case' });

    expect(response.status).toBe(200);
  });

  it('runs the operation again after a failure', async () => {
    const input = { DirectoryId: DIRECTORY_ID, GroupName: 'DevOps', MemberName: 'late-user', ClientToken: 'token-retry-1' };
    const failed = await call('AddGroupMember', input);
    await call('CreateUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'late-user' });

    const retried = await call('AddGroupMember', input);

    expect(failed.status).toBe(404);
    expect(retried.status).toBe(200);
  });

  it('treats a token as new after 8 hours', async () => {
    const input = { DirectoryId: DIRECTORY_ID, SAMAccountName: 'window-user', ClientToken: 'token-window-1' };
    await call('CreateUser', input);
    await call('DeleteUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'window-user' });

    now += 7 * HOUR_MS;
    const inside = await call('CreateUser', input);
    expect(inside.status).toBe(200);
    expect(emulator.directory(DIRECTORY_ID).user('window-user')).toBeUndefined();

    // The repeat inside the window renewed it for 8 more hours, so 7 hours later it still holds.
    now += 7 * HOUR_MS;
    const renewed = await call('CreateUser', input);
    expect(renewed.status).toBe(200);
    expect(emulator.directory(DIRECTORY_ID).user('window-user')).toBeUndefined();

    now += 8 * HOUR_MS + 1;
    const expired = await call('CreateUser', input);
    expect(expired.status).toBe(200);
    expect(emulator.directory(DIRECTORY_ID).user('window-user')).toBeDefined();
  });
});
