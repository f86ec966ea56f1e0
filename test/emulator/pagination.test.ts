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

async function collectNames(operation: 'ListUsers' | 'ListGroups', maxResults: number): Promise<{ names: string[]; pages: number }> {
  const names: string[] = [];
  let nextToken: unknown;
  let pages = 0;
  do {
    const response = await callOperation(emulator.url, operation, {
      DirectoryId: DIRECTORY_ID,
      MaxResults: maxResults,
      ...(nextToken ? { NextToken: nextToken } : {}),
    });
    expect(response.status).toBe(200);
    const items = response.body[operation === 'ListUsers' ? 'Users' : 'Groups'] as Array<{ SAMAccountName: string }>;
    expect(items.length).toBeLessThanOrEqual(maxResults);
    names.push(...items.map((item) => item.SAMAccountName));
    nextToken = response.body.NextToken;
    pages += 1;
  } while (nextToken);
  return { names, pages };
}

describe('pagination', () => {
  it('walks every user once in stable order', async () => {
    const all = emulator.directory(DIRECTORY_ID).users().map((user) => user.SAMAccountName);

    const paged = await collectNames('ListUsers', 7);

    expect(paged.names).toEqual(all);
    expect(paged.pages).toBe(Math.ceil(all.length / 7));
  });

  it('returns everything in one page by default', async () => {
    const response = await callOperation(emulator.url, 'ListGroups', { DirectoryId: DIRECTORY_ID });

    expect((response.body.Groups as unknown[]).length).toBe(emulator.directory(DIRECTORY_ID).groups().length);
    expect(response.body.NextToken).toBeUndefined();
  });

  it('leaves out NextToken on the last page', async () => {
    const count = emulator.directory(DIRECTORY_ID).users().length;

    const response = await callOperation(emulator.url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: count });

    expect((response.body.Users as unknown[]).length).toBe(count);
    expect(response.body.NextToken).toBeUndefined();
  });

  it('neither repeats nor skips when items are added between pages', async () => {
    const first = await callOperation(emulator.url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: 5 });
    const firstNames = (first.body.Users as Array<{ SAMAccountName: string }>).map((user) => user.SAMAccountName);
    // "aaa-early" sorts before the first page and "zzz-late" after it.
    await callOperation(emulator.url, 'CreateUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'aaa-early' });
    await callOperation(emulator.url, 'CreateUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'zzz-late' });

    const second = await callOperation(emulator.url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: 250, NextToken: first.body.NextToken });
    const secondNames = (second.body.Users as Array<{ SAMAccountName: string }>).map((user) => user.SAMAccountName);

    expect(secondNames.filter((name) => firstNames.includes(name))).toEqual([]);
    expect(secondNames).toContain('zzz-late');
    expect(secondNames).not.toContain('aaa-early');
  });

  it('accepts a different MaxResults on the next page', async () => {
    const first = await callOperation(emulator.url, 'ListGroups', { DirectoryId: DIRECTORY_ID, MaxResults: 2 });

    const second = await callOperation(emulator.url, 'ListGroups', { DirectoryId: DIRECTORY_ID, MaxResults: 3, NextToken: first.body.NextToken });

    expect(second.status).toBe(200);
    expect((second.body.Groups as unknown[]).length).toBe(3);
  });

  it('rejects a tampered token', async () => {
    const first = await callOperation(emulator.url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: 2 });
    const token = first.body.NextToken as string;
    const [body, signature] = token.split('.');
    const payload = JSON.parse(Buffer.from(body ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...payload, k: 'a' }), 'utf8').toString('base64url')}.${signature}`;

    const response = await callOperation(emulator.url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: 2, NextToken: forged });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('INVALID_NEXT_TOKEN');
    expect(response.body.Message).toBe(
      'NextToken is invalid: it was altered or was issued by another emulator instance. Start again without NextToken, and send each token only with the request that returned it.',
    );
  });

  it('rejects a token sent with another operation', async () => {
    const users = await callOperation(emulator.url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: 2 });

    const response = await callOperation(emulator.url, 'ListGroups', { DirectoryId: DIRECTORY_ID, MaxResults: 2, NextToken: users.body.NextToken });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('INVALID_NEXT_TOKEN');
  });

  it('rejects a token sent with other parameters', async () => {
    const search = await callOperation(emulator.url, 'SearchUsers', {
      DirectoryId: DIRECTORY_ID,
      SearchString: 'e',
      SearchAttributes: ['sAMAccountName'],
      MaxResults: 2,
    });
    expect(search.body.NextToken).toBeDefined();

    const response = await callOperation(emulator.url, 'SearchUsers', {
      DirectoryId: DIRECTORY_ID,
      SearchString: 'o',
      SearchAttributes: ['sAMAccountName'],
      MaxResults: 2,
      NextToken: search.body.NextToken,
    });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('INVALID_NEXT_TOKEN');
  });

  it('rejects a token from another emulator instance', async () => {
    const other = await startEmulator({ quota: false, logger: false });
    try {
      const first = await callOperation(other.url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: 2 });

      const response = await callOperation(emulator.url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: 2, NextToken: first.body.NextToken });

      expect(response.body.Reason).toBe('INVALID_NEXT_TOKEN');
    } finally {
      await other.close();
    }
  });

  it('pages group members across realms', async () => {
    const first = await callOperation(emulator.url, 'ListGroupMembers', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'Europe Partners',
      MemberRealm: 'europe.example.com',
      MaxResults: 3,
    });
    const second = await callOperation(emulator.url, 'ListGroupMembers', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'Europe Partners',
      MemberRealm: 'europe.example.com',
      MaxResults: 3,
      NextToken: first.body.NextToken,
    });

    const names = [...(first.body.Members as Array<{ SAMAccountName: string }>), ...(second.body.Members as Array<{ SAMAccountName: string }>)].map(
      (member) => member.SAMAccountName,
    );
    expect(names).toEqual(['adubois', 'lschmidt', 'mrossi', 'Pat Candella']);
    expect(second.body.NextToken).toBeUndefined();
  });
});
