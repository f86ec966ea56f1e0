/**
 * Error responses outside development: upstream failures reach the client as a code, a
 * fixed message and AWS metadata, never as a stack trace, an upstream body or the address
 * of the upstream host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';

const QUERY = '{ user(samAccountName: "jdoe") { samAccountName } }';

let production: Harness;
let development: Harness;

beforeAll(async () => {
  const faults = { next: ['internalError', 'dropConnection', 'unavailable', 'throttle'] as const };
  production = await startHarness({ env: { NODE_ENV: 'production', DS_DATA_MAX_ATTEMPTS: '1' }, emulator: { faults } });
  development = await startHarness({ env: { NODE_ENV: 'development', DS_DATA_MAX_ATTEMPTS: '1' }, emulator: { faults } });
});

afterAll(async () => {
  await production?.close();
  await development?.close();
});

describe('error masking in production', () => {
  const expected: Array<[string, string]> = [
    ['UPSTREAM_ERROR', 'AWS Directory Service Data failed to process the request (InternalServerException). Retry later.'],
    ['UPSTREAM_TIMEOUT', 'AWS Directory Service Data did not answer in time or the connection failed. The call may or may not have been applied: retry a mutation with the same clientToken.'],
    ['DIRECTORY_UNAVAILABLE', "The directory is unavailable (DIRECTORY_TIMEOUT). Retry later; if it persists, check the directory's status in AWS Directory Service."],
    ['RATE_LIMITED', 'AWS throttled the request: the directory allows only a few requests per second. Retry after 1 s.'],
  ];

  it('returns codes without stack traces or upstream addresses', async () => {
    const upstream = new URL(production.emulator.url);

    for (const [code, message] of expected) {
      const response = await production.graphql(QUERY);
      const text = JSON.stringify(response.body);

      expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual([code]);
      expect(response.body.errors?.[0]?.message).toBe(message);
      expect(response.body.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
      expect(text).not.toContain(upstream.host);
      expect(text).not.toContain(`:${upstream.port}`);
      expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
    }
  });

  it('differs from development, which shows stack traces', async () => {
    const response = await development.graphql(QUERY);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(response.body.errors?.[0]?.extensions).toHaveProperty('stacktrace');
  });
});
