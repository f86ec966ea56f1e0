/**
 * Start-up configuration: mode selection, defaults, and messages that name the variable,
 * the rejected value and the fix.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';

function issuesOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.issues;
    }
    throw error;
  }
  throw new Error('Expected a ConfigError.');
}

describe('loadConfig', () => {
  it('chooses local mode with the demo directory when nothing is set', () => {
    const config = loadConfig({});

    expect(config.mode).toBe('local');
    expect(config.environment).toBe('development');
    expect(config.directoryId).toBe('d-1234567890');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(4000);
    expect(config.security.auth.mode).toBe('off');
    expect(config.emulator.quota).toBe('standard');
  });

  it('chooses AWS mode from a region and a directory id, in production', () => {
    const config = loadConfig({
      AWS_REGION: 'eu-west-1',
      DS_DATA_DIRECTORY_ID: 'd-abcdef0123',
      AUTH_MODE: 'off',
    });

    expect(config.mode).toBe('aws');
    expect(config.environment).toBe('production');
    expect(config.upstream.region).toBe('eu-west-1');
    expect(config.upstream.endpoint).toBeUndefined();
  });

  it('chooses AWS mode from an endpoint URL', () => {
    const config = loadConfig({
      DS_DATA_ENDPOINT: 'http://127.0.0.1:4010',
      DS_DATA_DIRECTORY_ID: 'd-1234567890',
      AUTH_MODE: 'off',
    });

    expect(config.mode).toBe('aws');
    expect(config.upstream.endpoint).toBe('http://127.0.0.1:4010');
  });

  it('refuses AWS mode without auth settings unless AUTH_MODE=off', () => {
    const issues = issuesOf({ AWS_REGION: 'eu-west-1', DS_DATA_DIRECTORY_ID: 'd-abcdef0123' });

    expect(issues.some((issue) => issue.includes('AUTH_'))).toBe(true);
  });

  it('names the variable, the value and the fix for a bad directory id', () => {
    expect(issuesOf({ AWS_REGION: 'eu-west-1', DS_DATA_DIRECTORY_ID: 'd-ABC', AUTH_MODE: 'off' })).toContain(
      'DS_DATA_DIRECTORY_ID="d-ABC" is invalid: a directory id is "d-" followed by 10 lowercase hexadecimal digits, for example d-1234567890.',
    );
  });

  it('asks for the directory id when an endpoint selects AWS mode', () => {
    expect(issuesOf({ DS_DATA_ENDPOINT: 'http://127.0.0.1:4010', AUTH_MODE: 'off' })).toContain(
      'DS_DATA_DIRECTORY_ID is missing: AWS mode (DS_DATA_ENDPOINT is set) needs the id of the directory to serve, for example d-1234567890.',
    );
  });

  it('rejects a port out of range and a malformed endpoint together', () => {
    const issues = issuesOf({
      PORT: '70000',
      DS_DATA_ENDPOINT: 'ds-data.example.com',
      DS_DATA_DIRECTORY_ID: 'd-1234567890',
      AUTH_MODE: 'off',
    });

    expect(issues).toContain('PORT="70000" is invalid: set an integer from 0 to 65535, or unset it for 4000.');
    expect(issues).toContain(
      'DS_DATA_ENDPOINT="ds-data.example.com" is invalid: give an http or https URL, for example https://ds-data.us-east-1.amazonaws.com.',
    );
  });

  it('rejects an unknown retry mode and emulator quota', () => {
    const issues = issuesOf({ DS_DATA_RETRY_MODE: 'legacy', EMULATOR_QUOTA: 'tiny' });

    expect(issues).toContain('DS_DATA_RETRY_MODE="legacy" is invalid: use one of standard, adaptive.');
    expect(issues).toContain('EMULATOR_QUOTA="tiny" is invalid: use one of standard, enterprise, off.');
  });

  it('never repeats a short cursor secret in its message', () => {
    const issues = issuesOf({ CURSOR_SECRET: 'hunter2' });

    expect(issues).toContain(
      'CURSOR_SECRET is too short: use 16 or more random characters (the value is not shown because it is a secret).',
    );
    expect(issues.join('\n')).not.toContain('hunter2');
  });
});

describe('npm start with a bad configuration', () => {
  it('exits 1 and prints every problem', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env['PATH'], PORT: 'abc', DS_DATA_RETRY_MODE: 'legacy' },
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration:');
    expect(result.stderr).toContain('- PORT="abc" is invalid: set an integer from 0 to 65535, or unset it for 4000.');
    expect(result.stderr).toContain('- DS_DATA_RETRY_MODE="legacy" is invalid: use one of standard, adaptive.');
  });
});

describe('loadConfig checks', () => {
  it('rejects an unknown NODE_ENV and a malformed HOST', () => {
    const issues = issuesOf({ NODE_ENV: 'prod', HOST: 'not a host' });

    expect(issues).toContain('NODE_ENV="prod" is invalid: use development, production or test.');
    expect(issues).toContain(
      'HOST="not a host" is invalid: give an IP address or a host name, for example 127.0.0.1 or 0.0.0.0.',
    );
  });
});

describe('npm start on a port in use', () => {
  it('exits 1 with a message that names the port and the fix', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as import('node:net').AddressInfo).port;
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { PATH: process.env['PATH'], PORT: String(port), EMULATOR_QUOTA: 'off', AWS_EC2_METADATA_DISABLED: 'true' },
        encoding: 'utf8',
        timeout: 25_000,
      });

      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `Cannot listen on 127.0.0.1:${port}: the port is already in use. Stop the other process or set PORT to a free port.`,
      );
    } finally {
      blocker.close();
    }
  });
});
