import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { DirectoryServiceDataClient, EndpointError, ListUsersCommand } from '../../src/ds-data/index.js';
import { TEST_CREDENTIALS } from './support/client.js';
import { startScriptedServer, type ScriptedServer } from './support/scripted-server.js';

const DIRECTORY_ID = 'd-1234567890';
const configDir = mkdtempSync(join(tmpdir(), 'ds-data-config-'));

let server: ScriptedServer;
let client: DirectoryServiceDataClient | undefined;

beforeAll(async () => {
  server = await startScriptedServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  // Every test starts from an environment with no AWS settings and no readable profile files.
  for (const name of [
    'AWS_REGION',
    'AWS_PROFILE',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_ENDPOINT_URL',
    'AWS_ENDPOINT_URL_DIRECTORY_SERVICE_DATA',
    'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
    'AWS_USE_FIPS_ENDPOINT',
    'AWS_USE_DUALSTACK_ENDPOINT',
    'AWS_MAX_ATTEMPTS',
    'AWS_RETRY_MODE',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_ROLE_ARN',
  ]) {
    vi.stubEnv(name, undefined);
  }
  vi.stubEnv('AWS_CONFIG_FILE', join(configDir, 'missing-config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(configDir, 'missing-credentials'));
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
});

afterEach(() => {
  client?.destroy();
  client = undefined;
  vi.unstubAllEnvs();
  server.requests.length = 0;
  server.script({ status: 200, body: '{}' });
});

async function listUsers(target: DirectoryServiceDataClient): Promise<unknown> {
  return target.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID })).catch((caught: unknown) => caught);
}

function credentialScope(): string {
  return /Credential=([^,]+)/.exec(String(server.requests[0]?.headers['authorization']))?.[1] ?? '';
}

describe('endpoint configuration', () => {
  it('reads AWS_ENDPOINT_URL_DIRECTORY_SERVICE_DATA', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_DIRECTORY_SERVICE_DATA', server.url);
    vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:9');
    client = new DirectoryServiceDataClient({ region: 'us-west-2', credentials: TEST_CREDENTIALS, maxAttempts: 1 });

    await expect(listUsers(client)).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect(server.requests).toHaveLength(1);
  });

  it('falls back to AWS_ENDPOINT_URL', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL', server.url);
    client = new DirectoryServiceDataClient({ region: 'us-west-2', credentials: TEST_CREDENTIALS, maxAttempts: 1 });

    await listUsers(client);

    expect(server.requests).toHaveLength(1);
  });

  it('prefers the configured endpoint over the environment', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_DIRECTORY_SERVICE_DATA', 'http://127.0.0.1:9');
    client = new DirectoryServiceDataClient({
      region: 'us-west-2',
      credentials: TEST_CREDENTIALS,
      endpoint: server.url,
      maxAttempts: 1,
    });

    await listUsers(client);

    expect(server.requests).toHaveLength(1);
  });

  it('ignores the endpoint variables when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL', server.url);
    vi.stubEnv('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'true');
    client = new DirectoryServiceDataClient({ region: 'us-west-2', credentials: TEST_CREDENTIALS });

    // Resolved without sending: a call would go to the regional AWS endpoint.
    const endpoint = await client.config.endpoint();

    expect(endpoint.href).toBe('https://ds-data.us-west-2.amazonaws.com/');
  });

  it('reads FIPS and dual-stack from the environment', async () => {
    vi.stubEnv('AWS_USE_FIPS_ENDPOINT', 'true');
    vi.stubEnv('AWS_USE_DUALSTACK_ENDPOINT', 'true');
    client = new DirectoryServiceDataClient({ region: 'us-gov-east-1', credentials: TEST_CREDENTIALS });

    const endpoint = await client.config.endpoint();

    expect(endpoint.href).toBe('https://ds-data-fips.us-gov-east-1.api.aws/');
  });

  it('rejects FIPS from the environment with an explicit endpoint', async () => {
    vi.stubEnv('AWS_USE_FIPS_ENDPOINT', 'true');
    client = new DirectoryServiceDataClient({ region: 'us-west-2', credentials: TEST_CREDENTIALS, endpoint: server.url });

    const error = await listUsers(client);

    expect(error).toBeInstanceOf(EndpointError);
    expect((error as Error).message).toBe('Invalid Configuration: FIPS and custom endpoint are not supported');
    expect(server.requests).toHaveLength(0);
  });
});

describe('region configuration', () => {
  it('reads AWS_REGION into the signing scope', async () => {
    vi.stubEnv('AWS_REGION', 'eu-central-1');
    client = new DirectoryServiceDataClient({ credentials: TEST_CREDENTIALS, endpoint: server.url });

    await listUsers(client);

    expect(credentialScope()).toMatch(/^test\/\d{8}\/eu-central-1\/ds-data\/aws4_request$/);
  });

  it('reads the region of the selected profile', async () => {
    const configFile = join(configDir, 'config-region');
    writeFileSync(configFile, '[profile gateway]\nregion = ap-southeast-2\n');
    vi.stubEnv('AWS_CONFIG_FILE', configFile);
    client = new DirectoryServiceDataClient({ credentials: TEST_CREDENTIALS, endpoint: server.url, profile: 'gateway' });

    await listUsers(client);

    expect(credentialScope()).toMatch(/\/ap-southeast-2\/ds-data\/aws4_request$/);
  });

  it('fails with a clear message when no region is set', async () => {
    client = new DirectoryServiceDataClient({ credentials: TEST_CREDENTIALS, endpoint: server.url });

    const error = await listUsers(client);

    expect((error as Error).message).toBe(
      'Region is missing: set `region` in the DirectoryServiceDataClient config, the AWS_REGION environment ' +
        'variable, or `region` in the shared config profile.',
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('credential configuration', () => {
  it('uses explicit credentials without reading the environment', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'from-env');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'from-env-secret');
    client = new DirectoryServiceDataClient({ region: 'us-west-2', credentials: TEST_CREDENTIALS, endpoint: server.url });

    await listUsers(client);

    expect(credentialScope()).toMatch(/^test\//);
  });

  it('uses the default chain when no credentials are given', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'from-env');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'from-env-secret');
    client = new DirectoryServiceDataClient({ region: 'us-west-2', endpoint: server.url });

    await listUsers(client);

    expect(credentialScope()).toMatch(/^from-env\//);
  });
});

describe('missing credentials', () => {
  it('fail before any request when the default chain finds none', async () => {
    // The chain would ask the instance-metadata address without this setting.
    expect(process.env['AWS_EC2_METADATA_DISABLED']).toBe('true');
    client = new DirectoryServiceDataClient({ region: 'us-west-2', endpoint: server.url });

    const error = (await listUsers(client)) as Error;

    expect(error.name).toBe('CredentialsProviderError');
    expect(server.requests).toHaveLength(0);
  });
});

describe('retry configuration', () => {
  it('reads AWS_MAX_ATTEMPTS', async () => {
    vi.stubEnv('AWS_MAX_ATTEMPTS', '2');
    client = new DirectoryServiceDataClient({ region: 'us-west-2', credentials: TEST_CREDENTIALS, endpoint: server.url });
    server.script({ status: 503, body: '' });

    const error = (await listUsers(client)) as { $metadata: { attempts: number } };

    expect(error.$metadata.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('rejects an invalid maxAttempts', () => {
    expect(() => new DirectoryServiceDataClient({ maxAttempts: 0 })).toThrow(
      new RangeError('DirectoryServiceDataClient config maxAttempts is invalid: 0; use an integer of at least 1.'),
    );
  });

  it('rejects an unknown retryMode', () => {
    expect(() => new DirectoryServiceDataClient({ retryMode: 'legacy' as 'standard' })).toThrow(
      'DirectoryServiceDataClient config retryMode is invalid: "legacy"; use "standard" or "adaptive".',
    );
  });

  it('accepts adaptive mode', async () => {
    client = new DirectoryServiceDataClient({
      region: 'us-west-2',
      credentials: TEST_CREDENTIALS,
      endpoint: server.url,
      retryMode: 'adaptive',
    });

    await expect(listUsers(client)).resolves.toMatchObject({ $metadata: { httpStatusCode: 200, attempts: 1 } });
  });
});
