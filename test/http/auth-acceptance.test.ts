/**
 * Authentication and authorization through real HTTP: the gateway (local mode, with its
 * emulator) verifies tokens against a JWKS server on 127.0.0.1. Every rejected request is
 * checked for its status, its code and for making no AWS call.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createSigningKey, signToken, startJwksServer, type JwksServer, type SigningKey } from '../support/jwks-server.js';
import { startHarness, type Harness } from '../support/harness.js';

const ISSUER = 'https://issuer.test/realms/corp';
const AUDIENCE = 'ds-data-gateway';
const USER_QUERY = 'query UserCard { user(samAccountName: "jdoe") { samAccountName } }';

let jwks: JwksServer;
let key: SigningKey;
let harness: Harness;

beforeAll(async () => {
  key = await createSigningKey('gateway-key');
  jwks = await startJwksServer([key]);
  harness = await startHarness({
    env: {
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_JWKS_URL: jwks.url.href,
      AUTH_ALGORITHMS: 'ES256',
      AUTH_REALM: 'ds-data-gateway',
    },
  });
});

afterAll(async () => {
  await harness?.close();
  await jwks?.close();
});

beforeEach(() => {
  harness.resetCalls();
});

function tokenFor(scope: string, overrides: Parameters<typeof signToken>[1] = {}): Promise<string> {
  return signToken(key, { issuer: ISSUER, audience: AUDIENCE, subject: 'alice', claims: { scope }, ...overrides });
}

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

describe('authentication over HTTP', () => {
  it('serves a valid token', async () => {
    const response = await harness.graphql(USER_QUERY, undefined, bearer(await tokenFor('directory:read')));

    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ user: { samAccountName: 'jdoe' } });
    expect(harness.awsCalls()).toEqual(['DescribeUser']);
  });

  const rejected: Array<[string, () => Promise<Record<string, string>>, string, string]> = [
    [
      'a missing token',
      () => Promise.resolve({}),
      'Bearer realm="ds-data-gateway"',
      'Authentication is required: send an OAuth 2.0 access token as "Authorization: Bearer <token>".',
    ],
    [
      'an expired token',
      async () => bearer(await tokenFor('directory:read', { expiresIn: -120 })),
      'Bearer realm="ds-data-gateway", error="invalid_token", error_description="the token has expired"',
      'Invalid bearer token: the token has expired.',
    ],
    [
      'a wrong issuer',
      async () => bearer(await tokenFor('directory:read', { issuer: 'https://evil.test' })),
      'Bearer realm="ds-data-gateway", error="invalid_token", error_description="the token was issued by an issuer this gateway does not accept"',
      'Invalid bearer token: the token was issued by an issuer this gateway does not accept.',
    ],
    [
      'a wrong audience',
      async () => bearer(await tokenFor('directory:read', { audience: 'another-api' })),
      'Bearer realm="ds-data-gateway", error="invalid_token", error_description="the token audience does not include this gateway"',
      'Invalid bearer token: the token audience does not include this gateway.',
    ],
    [
      'a wrong key',
      async () => bearer(await signToken(await createSigningKey('gateway-key'), { issuer: ISSUER, audience: AUDIENCE, subject: 'alice', claims: { scope: 'directory:read' } })),
      'Bearer realm="ds-data-gateway", error="invalid_token", error_description="the token signature is invalid"',
      'Invalid bearer token: the token signature is invalid.',
    ],
  ];

  it.each(rejected)('rejects %s with 401', async (_name, headers, challenge, message) => {
    const response = await harness.graphql(USER_QUERY, undefined, await headers());

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(challenge);
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.errors?.[0]?.message).toBe(message);
    expect(response.body.data).toBeUndefined();
    expect(harness.awsCalls()).toEqual([]);
  });
});

describe('authorization over HTTP', () => {
  it('denies a token without the read scope', async () => {
    const response = await harness.graphql(USER_QUERY, undefined, bearer(await tokenFor('openid profile')));

    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ user: null });
    expect(response.body.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['user'], 'FORBIDDEN']]);
    expect(response.body.errors?.[0]?.message).toBe(
      'Reading directory data requires the "read" role, and subject "alice" has no role. Request a token with a scope or group that grants "read".',
    );
    expect(harness.awsCalls()).toEqual([]);
  });

  it('denies a mutation to a reader', async () => {
    const response = await harness.graphql(
      'mutation { disableUser(input: { samAccountName: "jdoe" }) { clientToken } }',
      undefined,
      bearer(await tokenFor('directory:read')),
    );

    expect(response.body.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['disableUser'], 'FORBIDDEN']]);
    expect(response.body.errors?.[0]?.message).toBe(
      'DisableUser requires the "write" role, and subject "alice" has only the roles "read". Request a token with a scope or group that grants "write".',
    );
    expect(harness.awsCalls()).toEqual([]);
  });

  it('denies a directory outside the allow-list', async () => {
    const response = await harness.graphql(
      'query { user(directoryId: "d-9999999999", samAccountName: "jdoe") { samAccountName } }',
      undefined,
      bearer(await tokenFor('directory:read')),
    );

    expect(response.body.data).toEqual({ user: null });
    expect(response.body.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['user'], 'FORBIDDEN']]);
    expect(response.body.errors?.[0]?.message).toBe(
      'Directory "d-9999999999" is not served by this gateway. Use the default directory, or add it to ALLOWED_DIRECTORY_IDS.',
    );
    expect(harness.awsCalls()).toEqual([]);
  });

  it('denies servicePrincipalName to a writer', async () => {
    const response = await harness.graphql(
      'mutation { updateUser(input: { samAccountName: "jdoe", updateType: REPLACE, otherAttributes: [{ name: "servicePrincipalName", value: { SS: ["HTTP/evil.example.com"] } }] }) { clientToken } }',
      undefined,
      bearer(await tokenFor('directory:write')),
    );

    expect(response.body.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['updateUser'], 'FORBIDDEN']]);
    expect(harness.awsCalls()).toEqual([]);
  });

  it('denies a change to a protected account', async () => {
    const response = await harness.graphql(
      'mutation { disableUser(input: { samAccountName: "krbtgt" }) { clientToken } }',
      undefined,
      bearer(await tokenFor('directory:write')),
    );

    expect(response.body.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['disableUser'], 'FORBIDDEN']]);
    expect(response.body.errors?.[0]?.message).toBe(
      'DisableUser may not touch the protected object "krbtgt" (user): it matches "krbtgt" in PROTECTED_USERS.',
    );
    expect(harness.awsCalls()).toEqual([]);
  });

  it('audits a denied mutation', async () => {
    const before = harness.logLines.length;
    await harness.graphql('mutation { disableUser(input: { samAccountName: "Administrator", clientToken: "audit-token-1" }) { clientToken } }', undefined, bearer(await tokenFor('directory:write')));

    const audits = harness.logLines
      .slice(before)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((record) => record.audit === true);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      subject: 'alice',
      operation: 'DisableUser',
      samAccountName: 'Administrator',
      clientToken: 'audit-token-1',
      outcome: 'denied',
      errorCode: 'FORBIDDEN',
      awsRequestIds: [],
    });
  });
});
