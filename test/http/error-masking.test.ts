/**
 * Outside development, unexpected errors reach clients without stack traces, upstream
 * bodies or internal host names; the details go to the log instead.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayContext } from '../../src/graphql/context.js';
import { startHarness, type Harness } from '../support/harness.js';

/** Makes one resolver of the gateway fail with a plain Error, as a bug would. */
const failingPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async executionDidStart() {
        return {
          willResolveField({ info }) {
            if (info.fieldName === 'givenName') {
              throw new Error('secret internal detail at http://10.1.2.3:8443/internal');
            }
          },
        };
      },
    };
  },
};

describe.each([
  ['production', false],
  ['development', true],
])('errors in %s', (environment, development) => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      env: { NODE_ENV: environment, DS_DATA_MAX_ATTEMPTS: '1' },
      gateway: { plugins: [failingPlugin] },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  it(`${development ? 'shows' : 'masks'} a fault of the gateway itself`, async () => {
    const response = await harness.graphql(`{ user(samAccountName: "jdoe") { samAccountName givenName } }`);

    const error = response.body.errors?.[0];
    expect(error?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(error?.path).toEqual(['user', 'givenName']);
    expect(response.body.data).toEqual({ user: { samAccountName: 'jdoe', givenName: null } });
    const text = JSON.stringify(response.body);
    if (development) {
      expect(error?.message).toBe('secret internal detail at http://10.1.2.3:8443/internal');
      expect(error?.extensions?.['stacktrace']).toEqual(expect.any(Array));
    } else {
      expect(error?.message).toBe('Unexpected error in the gateway. It has been logged; retry, and report it if it persists.');
      expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(text).not.toContain('10.1.2.3');
      expect(text).not.toContain('stacktrace');
    }
    // Logged once, with the request id the client received.
    const logged = harness.logLines
      .map((line) => JSON.parse(line) as { msg: string; requestId?: string; path?: unknown; err?: { type?: string; message?: string } })
      .filter((record) => record.msg === 'unexpected error in a GraphQL operation' && record.requestId === response.headers.get('x-request-id'));
    expect(logged).toHaveLength(1);
    expect(logged[0]?.path).toEqual(['user', 'givenName']);
    expect(logged[0]?.err?.type).toBe('Error');
    expect(logged[0]?.err?.message).toBe('secret internal detail at http://10.1.2.3:8443/internal');
  });

  it('keeps AWS error details without an upstream body or stack trace in production', async () => {
    harness.emulator.setFaults({ next: ['internalError'] });
    const response = await harness.graphql(`{ user(samAccountName: "jdoe") { samAccountName } }`);

    const error = response.body.errors?.[0];
    expect(error?.extensions?.['code']).toBe('UPSTREAM_ERROR');
    expect(error?.extensions?.['aws']).toMatchObject({ exception: 'InternalServerException', httpStatus: 500 });
    if (!development) {
      expect(error?.extensions?.['stacktrace']).toBeUndefined();
      expect(JSON.stringify(response.body)).not.toContain('127.0.0.1');
    }
  });
});
