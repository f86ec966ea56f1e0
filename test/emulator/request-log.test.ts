import { afterEach, describe, expect, it } from 'vitest';

import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { callOperation } from './support/signed-request.js';

const DIRECTORY_ID = 'd-1234567890';

let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** Describes `jdoe` `count` times, one request after the other, and returns each response's status and request id. */
async function describeInTurn(url: string, count: number): Promise<Array<{ status: number; requestId: string | null }>> {
  const responses: Array<{ status: number; requestId: string | null }> = [];
  for (let index = 0; index < count; index += 1) {
    const response = await callOperation(url, 'DescribeUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'jdoe' });
    responses.push({ status: response.status, requestId: response.headers.get('x-amzn-requestid') });
  }
  return responses;
}

describe('recorded requests', () => {
  it('keeps the latest requests, oldest first', async () => {
    emulator = await startEmulator({ quota: false, logger: false, keepRequests: 3 });

    const first = await describeInTurn(emulator.url, 1);
    const earlyRead = emulator.requests;
    const responses = [...first, ...(await describeInTurn(emulator.url, 6))];

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    expect(emulator.requests.map((request) => request.requestId)).toEqual(responses.slice(4).map((response) => response.requestId));
    // An earlier read is a copy, so it neither grows past the limit nor changes.
    expect(earlyRead.map((request) => request.requestId)).toEqual([responses[0]?.requestId]);
  });

  it('keeps none with keepRequests 0', async () => {
    emulator = await startEmulator({ quota: false, logger: false, keepRequests: 0 });

    const responses = await describeInTurn(emulator.url, 2);

    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(emulator.requests).toEqual([]);
  });

  it.each([-1, 2.5, Number.NaN])('rejects keepRequests %s', async (keepRequests) => {
    await expect(startEmulator({ quota: false, logger: false, keepRequests })).rejects.toThrow(
      `Invalid keepRequests ${keepRequests}: use a whole number of requests, 0 or more.`,
    );
  });

  it('rejects a string keepRequests', async () => {
    const keepRequests = '5' as unknown as number;

    await expect(startEmulator({ quota: false, logger: false, keepRequests })).rejects.toThrow(
      'Invalid keepRequests "5": use a whole number of requests, 0 or more.',
    );
  });
});
