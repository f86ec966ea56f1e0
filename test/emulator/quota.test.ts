import { afterEach, describe, expect, it } from 'vitest';

import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { callOperation } from './support/signed-request.js';

const DIRECTORY_ID = 'd-1234567890';
const START = Date.parse('2026-12-04T10:00:00Z');

let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('request quotas', () => {
  it('throttles the 9th read in one second by default', async () => {
    const now = START;
    emulator = await startEmulator({ logger: false, clock: () => now });
    const url = emulator.url;
    const read = () => callOperation(url, 'DescribeUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'jdoe' }, { signingDate: new Date(now) });

    const statuses: number[] = [];
    for (let index = 0; index < 8; index += 1) {
      statuses.push((await read()).status);
    }
    const ninth = await read();

    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    expect(ninth.status).toBe(429);
    expect(ninth.headers.get('x-amzn-errortype')).toBe('ThrottlingException');
    expect(ninth.headers.get('retry-after')).toBe('1');
    expect(ninth.body.Message).toBe(
      `Rate exceeded: too many read requests per second for directory ${DIRECTORY_ID}. Retry after the Retry-After delay.`,
    );
  });

  it('throttles the 5th write while reads still pass', async () => {
    const now = START;
    emulator = await startEmulator({ logger: false, clock: () => now });
    const url = emulator.url;
    const write = (index: number) =>
      callOperation(url, 'CreateGroup', { DirectoryId: DIRECTORY_ID, SAMAccountName: `quota-${index}` }, { signingDate: new Date(now) });

    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      statuses.push((await write(index)).status);
    }
    const read = await callOperation(url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: 1 }, { signingDate: new Date(now) });

    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(read.status).toBe(200);
  });

  it('applies the Enterprise edition figures from the seed', async () => {
    const now = START;
    emulator = await startEmulator({
      logger: false,
      clock: () => now,
      seed: { directories: [{ directoryId: 'd-00000000ee', realm: 'big.example.com', edition: 'enterprise' }] },
    });
    const url = emulator.url;
    const read = () => callOperation(url, 'ListUsers', { DirectoryId: 'd-00000000ee' }, { signingDate: new Date(now) });

    const statuses: number[] = [];
    for (let index = 0; index < 17; index += 1) {
      statuses.push((await read()).status);
    }

    expect(statuses.filter((status) => status === 200)).toHaveLength(16);
    expect(statuses.at(-1)).toBe(429);
  });

  it('admits requests again as the bucket refills', async () => {
    let now = START;
    emulator = await startEmulator({ logger: false, clock: () => now, quota: { readsPerSecond: 2 } });
    const url = emulator.url;
    const read = () => callOperation(url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: 1 }, { signingDate: new Date(now) });

    await read();
    await read();
    const throttled = await read();
    now += 500;
    const refilled = await read();
    const throttledAgain = await read();

    expect(throttled.status).toBe(429);
    expect(refilled.status).toBe(200);
    expect(throttledAgain.status).toBe(429);
  });

  it('reports the wait in whole seconds', async () => {
    const now = START;
    emulator = await startEmulator({ logger: false, clock: () => now, quota: { readsPerSecond: 0.25 } });

    await callOperation(emulator.url, 'ListUsers', { DirectoryId: DIRECTORY_ID }, { signingDate: new Date(now) });
    const throttled = await callOperation(emulator.url, 'ListUsers', { DirectoryId: DIRECTORY_ID }, { signingDate: new Date(now) });

    expect(throttled.headers.get('retry-after')).toBe('4');
  });

  it('throttles beyond the concurrency cap', async () => {
    emulator = await startEmulator({ logger: false, quota: { maxConcurrent: 2, readsPerSecond: 100 }, latencyMs: 300 });
    const url = emulator.url;

    const responses = await Promise.all(
      [0, 1, 2].map(() => callOperation(url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: 1 })),
    );
    const statuses = responses.map((response) => response.status).sort();

    expect(statuses).toEqual([200, 200, 429]);
    const throttled = responses.find((response) => response.status === 429);
    expect(throttled?.body.Message).toBe(
      `Too many concurrent requests for directory ${DIRECTORY_ID}: the limit is 2. Retry after the Retry-After delay.`,
    );
  });

  it('counts quotas per directory', async () => {
    const now = START;
    emulator = await startEmulator({
      logger: false,
      clock: () => now,
      quota: { readsPerSecond: 1 },
      seed: { directories: [{ directoryId: 'd-00000000aa', realm: 'a.example.com' }, { directoryId: 'd-00000000bb', realm: 'b.example.com' }] },
    });
    const url = emulator.url;
    const list = (directoryId: string) => callOperation(url, 'ListUsers', { DirectoryId: directoryId }, { signingDate: new Date(now) });

    const firstA = await list('d-00000000aa');
    const firstB = await list('d-00000000bb');
    const secondA = await list('d-00000000aa');

    expect(firstA.status).toBe(200);
    expect(firstB.status).toBe(200);
    expect(secondA.status).toBe(429);
  });

  it('turns off with quota false and back on with setQuota', async () => {
    const now = START;
    emulator = await startEmulator({ logger: false, clock: () => now, quota: false });
    const url = emulator.url;
    const read = () => callOperation(url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: 1 }, { signingDate: new Date(now) });

    const unlimited: number[] = [];
    for (let index = 0; index < 20; index += 1) {
      unlimited.push((await read()).status);
    }
    emulator.setQuota({ readsPerSecond: 1 });
    const first = await read();
    const second = await read();

    expect(unlimited.every((status) => status === 200)).toBe(true);
    expect(first.status).toBe(200);
    expect(second.status).toBe(429);
  });
});
