import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { startBaseline, type RunningServer } from '../../bench/baselines.js';
import { startBenchGateway } from '../../bench/gateway.js';
import { SUITE_DIRECTORY_ID } from '../../bench/query-suite.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

const USER_QUERY = 'query { user(samAccountName: "jdoe") { samAccountName givenName } }';

/** Access key ID that these tests put in the environment, where the AWS default chain would find it. */
const ENVIRONMENT_KEY_ID = 'AKIDFROMENVIRONMENT';

async function queryUser(server: RunningServer): Promise<unknown> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: USER_QUERY }),
  });
  return response.json();
}

/** Puts keys in the environment where the AWS default chain would find them. The benchmark servers must not use them. */
function stubEnvironmentCredentials(): void {
  vi.stubEnv('AWS_ACCESS_KEY_ID', ENVIRONMENT_KEY_ID);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'environment-secret');
}

let emulator: RunningEmulator;
/** The benchmark server that the current test started. */
let server: RunningServer | undefined;

beforeAll(async () => {
  emulator = await startEmulator({ quota: false, logger: false });
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await emulator.close();
});

/** Checks that the first call the emulator received was signed with the local credentials. */
function expectLocalSignature(): void {
  expect(emulator.requests[0]?.headers['authorization']).toContain('Credential=test/');
  expect(emulator.requests[0]?.headers['authorization']).not.toContain(ENVIRONMENT_KEY_ID);
}

// Baseline a of the overhead benchmark must run the DS Data client exactly as the gateway
// configures it, or the benchmark would charge client settings to the gateway.
describe('baseline a (describe)', () => {
  /** Starts baseline a against the emulator with the gateway variables `gatewayEnv`. */
  async function startDescribe(gatewayEnv: Record<string, string>): Promise<RunningServer> {
    stubEnvironmentCredentials();
    server = await startBaseline({ kind: 'describe', endpoint: emulator.url, directoryId: SUITE_DIRECTORY_ID, gatewayEnv });
    emulator.clearRequests();
    return server;
  }

  it('uses the gateway retry settings', async () => {
    const baseline = await startDescribe({ DS_DATA_MAX_ATTEMPTS: '5' });

    const body = await queryUser(baseline);

    expect(body).toEqual({ data: { user: { samAccountName: 'jdoe', givenName: 'Jane' } } });
    expect(emulator.requests.map((request) => [request.operation, request.headers['amz-sdk-request']])).toEqual([
      ['DescribeUser', 'attempt=1; max=5'],
    ]);
  });

  it('queues calls in the scheduler', async () => {
    const baseline = await startDescribe({ DS_DATA_QUOTA_OVERRIDES: `${SUITE_DIRECTORY_ID}:reads=1` });

    await Promise.all([queryUser(baseline), queryUser(baseline)]);

    // One read per second: the scheduler delays the second call until a window after the first
    // one's response. Without the scheduler both would arrive within milliseconds.
    const [first, second] = emulator.requests.map((request) => request.receivedAt);
    expect(emulator.requests).toHaveLength(2);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it('signs with the fixed local credentials', async () => {
    const baseline = await startDescribe({});

    await queryUser(baseline);

    expectLocalSignature();
  });

  it('rejects an endpoint off 127.0.0.1', async () => {
    await expect(
      startBaseline({ kind: 'describe', endpoint: 'http://localhost:9/', directoryId: SUITE_DIRECTORY_ID }),
    ).rejects.toThrow('The benchmark talks only to an emulator on 127.0.0.1, got endpoint http://localhost:9/.');
  });
});

describe('benchmark gateway', () => {
  it('signs with the fixed local credentials', async () => {
    stubEnvironmentCredentials();
    server = await startBenchGateway({ endpoint: emulator.url, env: { LOG_LEVEL: 'silent' } });
    emulator.clearRequests();

    const body = await queryUser(server);

    expect(body).toEqual({ data: { user: { samAccountName: 'jdoe', givenName: 'Jane' } } });
    expectLocalSignature();
  });
});
