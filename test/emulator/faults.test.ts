import { afterEach, describe, expect, it } from 'vitest';

import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { callOperation } from './support/signed-request.js';

const DIRECTORY_ID = 'd-1234567890';

let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const listUsers = (url: string) => callOperation(url, 'ListUsers', { DirectoryId: DIRECTORY_ID, MaxResults: 1 });

describe('fault injection', () => {
  it('applies queued faults in order, then none', async () => {
    emulator = await startEmulator({ logger: false, quota: false, faults: { next: ['throttle', 'internalError', 'unavailable'] } });

    const types: Array<string | null> = [];
    for (let index = 0; index < 4; index += 1) {
      types.push((await listUsers(emulator.url)).headers.get('x-amzn-errortype'));
    }

    expect(types).toEqual(['ThrottlingException', 'InternalServerException', 'DirectoryUnavailableException', null]);
  });

  it('draws faults from rates with the given random source', async () => {
    const draws = [0.05, 0.5, 0.05, 0.5];
    emulator = await startEmulator({
      logger: false,
      quota: false,
      faults: { internalErrorRate: 0.1, random: () => draws.shift() ?? 0.9 },
    });

    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push((await listUsers(emulator.url)).status);
    }

    expect(statuses).toEqual([500, 200, 500]);
  });

  it('drops the connection without a response', async () => {
    emulator = await startEmulator({ logger: false, quota: false, faults: { next: ['dropConnection'] } });

    await expect(listUsers(emulator.url)).rejects.toThrow();
    expect(emulator.requests.at(-1)?.status).toBe(0);
    expect(emulator.requests.at(-1)?.errorName).toBe('ConnectionDropped');
    expect((await listUsers(emulator.url)).status).toBe(200);
  });

  it('limits faults to the listed operations', async () => {
    emulator = await startEmulator({ logger: false, quota: false });
    emulator.setFaults({ internalErrorRate: 1, operations: ['CreateUser'] });

    const read = await listUsers(emulator.url);
    const write = await callOperation(emulator.url, 'CreateUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'faulty' });

    expect(read.status).toBe(200);
    expect(write.status).toBe(500);
    expect(emulator.directory(DIRECTORY_ID).user('faulty')).toBeUndefined();
  });

  it('adds the configured latency', async () => {
    emulator = await startEmulator({ logger: false, quota: false, latencyMs: [150, 160] });

    const started = performance.now();
    await listUsers(emulator.url);
    const elapsed = performance.now() - started;

    expect(elapsed).toBeGreaterThanOrEqual(145);
  });

  it('marks injected faults retryable the way AWS does', async () => {
    emulator = await startEmulator({ logger: false, quota: false, faults: { next: ['throttle'] } });

    const response = await listUsers(emulator.url);

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.body.Message).toBe('Rate exceeded (fault injected by the emulator).');
  });
});
