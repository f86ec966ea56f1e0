/**
 * Graceful shutdown of the real start-up path: `npm start` builds `dist/` and runs
 * `dist/src/main.js` in a child process, pointed at an emulator on 127.0.0.1 that responds
 * slowly. A SIGTERM while a request waits on the emulator lets that request finish, refuses
 * new connections, and exits with code 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
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
  // npm runs the gateway in a process of its own: end the whole group it started, in case
  // the gateway outlived npm.
  if (child?.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group has already exited.
    }
  }
  await emulator?.close();
});

/** Returns the repository's root folder. */
function root(): string {
  return fileURLToPath(new URL('..', import.meta.url));
}

/**
 * Runs `npm start` against the emulator in AWS mode and resolves with the GraphQL URL it
 * prints. The signals go to npm, as they do for a user who runs `kill` on it.
 */
function startGateway(): Promise<{ url: string; exit: Promise<number | null>; stdout: () => string; stderr: () => string }> {
  // Under `npm test`, npm sets npm_execpath to its own script. A direct vitest run finds npm on PATH.
  const npmCli = process.env.npm_execpath;
  let command = 'npm';
  let args = ['start', '--silent'];
  if (npmCli?.endsWith('.js')) {
    command = process.execPath;
    args = [npmCli, ...args];
  }
  const process_ = spawn(command, args, {
    cwd: root(),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
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
      EXPLORER_ENABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, so that the clean-up above reaches the gateway too.
    detached: true,
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
  return url.then((resolved) => ({ url: resolved, exit, stdout: () => stdout, stderr: () => stderr }));
}

/** POSTs a JSON body through `agent` and resolves with the status and the body text. */
function postJson(url: string, payload: unknown, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(JSON.stringify(payload));
  });
}

describe('graceful shutdown', () => {
  // npm start builds before it starts, which took 15 s on a busy 2-core machine, hence the timeout.
  it('finishes an in-flight request on SIGTERM and exits 0', async () => {
    const gateway = await startGateway();

    // The build reads files that are not code from the package root: the explorer's script here.
    const asset = await fetch(gateway.url.replace(/\/graphql$/, '/explorer/assets/explorer.js'));
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe(readFileSync(join(root(), 'src', 'http', 'explorer', 'browser', 'explorer.js'), 'utf8'));

    const started = Date.now();
    // Node's agent keeps an idle connection open until the server closes it, as a browser or
    // a load balancer might, so the shutdown must close it once the response is written.
    const agent = new Agent({ keepAlive: true });
    const inFlight = postJson(gateway.url, { query: '{ user(samAccountName: "jdoe") { samAccountName } }' }, agent);

    // The emulator records a request only after its response, so it cannot tell when the call
    // arrived. On loopback that takes milliseconds, so after 300 ms the call still has more than
    // a second of its 1.5 s latency to run when SIGTERM lands. The log order below checks it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    child?.kill('SIGTERM');

    const response = await inFlight;
    const responded = Date.now();
    const body = JSON.parse(response.body) as { data?: unknown; errors?: unknown };
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ user: { samAccountName: 'jdoe' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(UPSTREAM_LATENCY_MS - 100);

    expect(await gateway.exit).toBe(0);
    agent.destroy();
    // Without closing the connection that went idle, the exit waited about 8 s for it.
    expect(Date.now() - responded).toBeLessThan(2000);
    await expect(fetch(gateway.url, { method: 'POST', body: '{}' })).rejects.toThrow('fetch failed');
    expect(gateway.stderr()).not.toContain('shutdown timed out');

    // The request finished after the signal, and log lines still buffered at exit were written.
    const messages = gateway
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages.slice(-3)).toEqual(['shutting down: draining in-flight requests', 'request completed', 'gateway stopped']);
    expect(emulator.requests.filter((request) => request.operation === 'DescribeUser')).toHaveLength(1);
  }, 60_000);
});
