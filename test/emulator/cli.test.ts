/**
 * `npm run emulator -- --port N` as a child process, driven by a script that uses only the
 * DS Data client. Both children are stopped by their process id at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

import { afterAll, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) {
    if (child.pid !== undefined && child.exitCode === null) {
      // npm starts tsx in the same process group, so the group id ends all of them.
      process.kill(-child.pid, 'SIGTERM');
    }
  }
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const safeEnvironment = {
  ...process.env,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'us-east-1',
};

function run(command: string, args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { cwd: process.cwd(), env: safeEnvironment, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  return { child, output: () => output };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm run emulator', () => {
  it('serves a script that uses only the DS Data client', async () => {
    const port = await freePort();
    const emulator = run('npm', ['run', '--silent', 'emulator', '--', '--port', String(port)]);
    await waitFor(() => emulator.output().includes('"msg":"emulator started"'), 20_000, 'the emulator to start');

    const script = run('npx', ['tsx', 'test/emulator/support/client-script.ts', `http://127.0.0.1:${port}`]);
    await waitFor(() => script.child.exitCode !== null, 25_000, 'the client script to finish');

    expect(script.child.exitCode, script.output()).toBe(0);
    const result = JSON.parse(script.output().trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(result).toEqual({
      createdName: 'cli-user',
      sidPrefix: true,
      enabled: false,
      accountExpires: '9223372036854775806',
      userCount: 34,
      missing: 'ResourceNotFoundException',
    });

    const log = emulator.output();
    expect(log).toContain('"operation":"CreateUser","status":200');
    expect(log).toContain('"operation":"DescribeUser","status":404');
    // The request log carries operation, status, latency and request id, never names or values.
    expect(log).not.toContain('cli-user');
    expect(log).not.toContain('9223372036854775806');
  });

  it('prints help', async () => {
    const help = run('npm', ['run', '--silent', 'emulator', '--', '--help']);
    await waitFor(() => help.child.exitCode !== null, 20_000, 'the help text');

    expect(help.child.exitCode).toBe(0);
    expect(help.output()).toContain('Usage: npm run emulator -- [options]');
    expect(help.output()).toContain('--state-file <file>');
  });

  it('rejects an invalid option value', async () => {
    const bad = run('npm', ['run', '--silent', 'emulator', '--', '--throttle-rate', '2']);
    await waitFor(() => bad.child.exitCode !== null, 20_000, 'the emulator to exit');

    expect(bad.child.exitCode).toBe(1);
    expect(bad.output()).toContain("--throttle-rate must be a number from 0 to 1; got '2'.");
  });
});
