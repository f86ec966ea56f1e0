/**
 * Graceful shutdown of the real start-up script: `src/main.ts` runs in a child process,
 * pointed at an emulator on 127.0.0.1 that responds slowly. A SIGTERM while a request waits
 * on the emulator lets that request finish, refuses new connections, and exits with code 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_DIRECTORY_ID, startEmulator, type RunningEmulator } from '../src/emulator/index.js';

/** Latency the emulator adds to every call: long enough to send SIGTERM in the middle of one. */
const UPSTREAM_LATENCY_MS = 1500;

let emulator: RunningEmulator;
let child: ChildProcess | undefined;

beforeAll(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, quota: false, latencyMs: UPSTREAM_LATENCY_MS, logger: false });
});

afterAll(async () => {
  if (child?.exitCode === null && child.pid !== undefined) {
    child.kill('SIGKILL');
  }
  await emulator?.close();
});

/** Starts `src/main.ts` against the emulator in AWS mode and resolves with the GraphQL URL it prints. */
function startGateway(): Promise<{ url: string; exit: Promise<number | null>; stderr: () => string }> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const process_ = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: '0',
      NODE_ENV: 'production',
      DS_DATA_ENDPOINT: emulator.url,
      DS_DATA_DIRECTORY_ID: DEMO_DIRECTORY_ID,
      AWS_REGION: 'us-east-1',
      // Pinned local credentials: the default chain must never reach a profile or instance metadata.
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      AUTH_MODE: 'off',
      DS_DATA_QUOTA_SCHEDULER: 'off',
      SHUTDOWN_TIMEOUT_MS: '10000',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = process_;

  let stdout = '';
  let stderr = '';
  process_.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exit = new Promise<number | null>((resolve) => process_.once('exit', (code) => resolve(code)));

  const url = new Promise<string>((resolve, reject) => {
    process_.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /serving GraphQL at (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(stdout);
      if (match?.[1]) {
        resolve(match[1]);
      }
    });
    void exit.then((code) => reject(new Error(`The gateway exited with code ${code} before it listened:\n${stdout}\n${stderr}`)));
  });
  return url.then((resolved) => ({ url: resolved, exit, stderr: () => stderr }));
}

describe('graceful shutdown', () => {
  // Starting src/main.ts through tsx took about 9 s in a measured run (2 cores), hence the timeout.
  it('finishes an in-flight request on SIGTERM and exits 0', async () => {
    const gateway = await startGateway();

    const started = Date.now();
    const inFlight = fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ user(samAccountName: "jdoe") { samAccountName } }' }),
    });

    // Wait until the request has reached the emulator, then stop the gateway.
    while (!emulator.requests.some((request) => request.operation === 'DescribeUser')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child?.kill('SIGTERM');

    const response = await inFlight;
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ user: { samAccountName: 'jdoe' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(UPSTREAM_LATENCY_MS - 100);

    expect(await gateway.exit).toBe(0);
    await expect(fetch(gateway.url, { method: 'POST', body: '{}' })).rejects.toThrow('fetch failed');
    expect(gateway.stderr()).not.toContain('shutdown timed out');
  }, 60_000);
});
