/**
 * Start-up rules for authentication, checked on the real start-up script in a child process.
 * Local mode turns auth off and the banner shows it. Against AWS the gateway refuses to start
 * without auth settings, and `AUTH_MODE=off` starts it with a warning. The "AWS" endpoint is a port on 127.0.0.1 where nothing listens, so no
 * request can leave the machine.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const AWS_ENV = {
  DS_DATA_ENDPOINT: 'http://127.0.0.1:9',
  DS_DATA_DIRECTORY_ID: 'd-1234567890',
  AWS_REGION: 'us-east-1',
};

/**
 * Runs `src/main.ts` until it exits or prints its banner, then stops it with SIGTERM. `env`
 * comes on top of pinned local credentials; pass `AWS_ENV` in it for AWS mode.
 */
function runMain(env: Record<string, string>): Promise<RunResult> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: '0',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    if (stdout.includes('serving GraphQL at')) {
      child.kill('SIGTERM');
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('start-up in local mode', () => {
  it('turns auth off and says so in the banner', async () => {
    const result = await runMain({ EMULATOR_QUOTA: 'off' });

    expect(result.stdout).toContain('auth:       off (local mode default)');
    expect(result.code).toBe(0);
  }, 60_000);
});

describe('start-up against AWS', () => {
  it('refuses to start without auth settings', async () => {
    const result = await runMain(AWS_ENV);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'AUTH_ISSUER is missing: set it to the `iss` claim of your OIDC issuer, or set AUTH_MODE=off to run without authentication.',
    );
    expect(result.stdout).not.toContain('serving GraphQL at');
  }, 60_000);

  it('starts with AUTH_MODE=off and warns', async () => {
    const result = await runMain({ ...AWS_ENV, AUTH_MODE: 'off' });

    expect(result.stdout).toContain('auth:       off (AUTH_MODE=off)');
    const warnings = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((record) => record.level === 40);
    expect(warnings.map((record) => record.msg)).toContain(
      'Authentication is off (AUTH_MODE=off) against AWS: anyone who can reach this gateway can change the directory.',
    );
    expect(result.code).toBe(0);
  }, 60_000);
});
