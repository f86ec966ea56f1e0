/**
 * Fault injection through real components: the emulator throttles, fails, reports the
 * directory unavailable and drops connections at random (seeded), and a burst of mutations
 * through the client must still apply each change exactly once, with one ClientToken per call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CreateUserCommand, type DirectoryServiceDataClient } from '../../src/ds-data/index.js';
import { DEMO_DIRECTORY_ID, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { createTestClient } from './support/client.js';
import { seededRandom } from './support/seeded-random.js';

const CALLS = 40;

let emulator: RunningEmulator;
let client: DirectoryServiceDataClient;

beforeAll(async () => {
  emulator = await startEmulator({
    quota: false,
    logger: false,
    faults: {
      throttleRate: 0.1,
      internalErrorRate: 0.15,
      unavailableRate: 0.1,
      dropConnectionRate: 0.1,
      // The draws repeat on every run, though concurrent requests may receive them in another order.
      random: seededRandom(7),
    },
  });
  client = createTestClient(emulator.url, { maxAttempts: 8 });
});

afterAll(async () => {
  client.destroy();
  await emulator.close();
});

describe('mutations under injected faults', () => {
  it('apply once each with one ClientToken per call', async () => {
    const names = Array.from({ length: CALLS }, (_, index) => `fault${String(index).padStart(2, '0')}`);

    const outputs = await Promise.all(
      names.map((name) => client.send(new CreateUserCommand({ DirectoryId: DEMO_DIRECTORY_ID, SAMAccountName: name }))),
    );

    expect(outputs.map((output) => output.SAMAccountName)).toEqual(names);
    const created = new Set(emulator.directory(DEMO_DIRECTORY_ID).users().map((user) => user.SAMAccountName));
    for (const name of names) {
      expect(created.has(name)).toBe(true);
    }

    const creates = emulator.requests.filter((request) => request.operation === 'CreateUser');
    const failed = creates.filter((request) => request.status !== 200);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.map((request) => request.errorName ?? 'dropped').filter((name) => name === 'ConflictException')).toEqual([]);

    const tokensByCall = new Map<string, Set<string>>();
    for (const request of creates) {
      const invocationId = request.headers['amz-sdk-invocation-id']!;
      const token = (JSON.parse(request.rawBody) as { ClientToken: string }).ClientToken;
      tokensByCall.set(invocationId, (tokensByCall.get(invocationId) ?? new Set()).add(token));
    }
    expect(tokensByCall.size).toBe(CALLS);
    for (const tokens of tokensByCall.values()) {
      expect(tokens.size).toBe(1);
    }
    expect(creates.length).toBe(CALLS + failed.length);
  });
});
