import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { JwtAuthConfig } from '../../src/config/security.js';
import {
  AuthenticationError,
  AuthenticationUnavailableError,
  createAuthenticator,
  formatChallenge,
  LOCAL_PRINCIPAL,
  rolesFromClaims,
  type Authenticator,
} from '../../src/http/auth.js';
import { createSigningKey, signToken, startJwksServer, type JwksServer, type SigningKey } from '../support/jwks-server.js';

const ISSUER = 'https://issuer.test/realms/corp';
const AUDIENCE = 'ds-data-gateway';

let server: JwksServer;
let currentKey: SigningKey;
let authenticator: Authenticator;
let config: JwtAuthConfig;

beforeAll(async () => {
  currentKey = await createSigningKey('key-1');
  server = await startJwksServer([currentKey]);
  config = {
    mode: 'jwt',
    issuer: ISSUER,
    audiences: [AUDIENCE],
    jwksUrl: server.url,
    algorithms: ['ES256'],
    clockSkewSeconds: 30,
    rolesClaim: 'scope',
    roleGrants: { read: ['directory:read'], write: ['directory:write'], admin: ['directory:admin'] },
    realm: 'test-realm',
  };
  authenticator = createAuthenticator(config, { jwksCooldownMs: 0 });
});

afterAll(async () => {
  await server.close();
});

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

async function rejection(promise: Promise<unknown>): Promise<AuthenticationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
}

describe('createAuthenticator', () => {
  it('accepts a valid token', async () => {
    const token = await signToken(currentKey, {
      issuer: ISSUER,
      audience: AUDIENCE,
      subject: 'alice',
      claims: { scope: 'openid directory:read' },
    });
    const principal = await authenticator.authenticate(bearer(token));

    expect(principal.subject).toBe('alice');
    expect([...principal.roles]).toEqual(['read']);
    expect(principal.authenticated).toBe(true);
    expect(principal.claims.iss).toBe(ISSUER);
  });

  it('accepts a token expired within the clock skew', async () => {
    const token = await signToken(currentKey, { issuer: ISSUER, audience: AUDIENCE, subject: 'alice', expiresIn: -10 });
    await expect(authenticator.authenticate(bearer(token))).resolves.toMatchObject({ subject: 'alice' });
  });

  it('rejects a missing token without an error code', async () => {
    const error = await rejection(authenticator.authenticate({}));
    expect(error.statusCode).toBe(401);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.wwwAuthenticate).toBe('Bearer realm="test-realm"');
    expect(error.message).toBe('Authentication is required: send an OAuth 2.0 access token as "Authorization: Bearer <token>".');
  });

  it('rejects another scheme', async () => {
    const error = await rejection(authenticator.authenticate({ authorization: 'Basic YWxpY2U6c2VjcmV0' }));
    expect(error.wwwAuthenticate).toBe(
      'Bearer realm="test-realm", error="invalid_request", error_description="The Authorization header must use the Bearer scheme, not Basic"',
    );
  });

  const invalidCases: Array<[string, () => Promise<string>, string]> = [
    ['an expired token', () => signToken(currentKey, { issuer: ISSUER, audience: AUDIENCE, subject: 'a', expiresIn: -120 }), 'the token has expired'],
    [
      'a wrong issuer',
      () => signToken(currentKey, { issuer: 'https://evil.test', audience: AUDIENCE, subject: 'a' }),
      'the token was issued by an issuer this gateway does not accept',
    ],
    [
      'a wrong audience',
      () => signToken(currentKey, { issuer: ISSUER, audience: 'another-api', subject: 'a' }),
      'the token audience does not include this gateway',
    ],
    [
      'a token not valid yet',
      () => signToken(currentKey, { issuer: ISSUER, audience: AUDIENCE, subject: 'a', notBefore: 600 }),
      'the token is not valid yet',
    ],
    ['a token without subject', () => signToken(currentKey, { issuer: ISSUER, audience: AUDIENCE }), 'the token has no "sub" claim'],
    [
      'a token signed by another key',
      async () => signToken(await createSigningKey('key-1'), { issuer: ISSUER, audience: AUDIENCE, subject: 'a' }),
      'the token signature is invalid',
    ],
    [
      'an unknown key id',
      async () => signToken(await createSigningKey('key-unknown'), { issuer: ISSUER, audience: AUDIENCE, subject: 'a' }),
      "no key of the issuer matches the token's key id",
    ],
    [
      'an algorithm not accepted',
      async () => signToken(await createSigningKey('key-1', 'ES384'), { issuer: ISSUER, audience: AUDIENCE, subject: 'a' }),
      'the token is signed with an algorithm this gateway does not accept',
    ],
    ['a malformed token', () => Promise.resolve('abc.def.ghi'), 'the token is malformed'],
    [
      'an HMAC token',
      () =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setSubject('a')
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode('a shared secret of at least 32 bytes')),
      'the token is signed with an algorithm this gateway does not accept',
    ],
    [
      'an unsigned token',
      () => Promise.resolve(`${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"iss":"${ISSUER}","aud":"${AUDIENCE}","sub":"a","exp":9999999999}`).toString('base64url')}.`),
      'the token is signed with an algorithm this gateway does not accept',
    ],
  ];

  it.each(invalidCases)('rejects %s', async (_name, makeToken, description) => {
    const error = await rejection(authenticator.authenticate(bearer(await makeToken())));
    expect(error.statusCode).toBe(401);
    expect(error.message).toBe(`Invalid bearer token: ${description}.`);
    expect(error.wwwAuthenticate).toBe(formatChallenge('test-realm', 'invalid_token', description));
  });

  it('picks up a rotated key', async () => {
    const rotated = await createSigningKey('key-2');
    const token = await signToken(rotated, { issuer: ISSUER, audience: AUDIENCE, subject: 'bob' });
    const fetchesBefore = server.fetchCount;

    server.publish([currentKey, rotated]);
    const principal = await authenticator.authenticate(bearer(token));

    expect(principal.subject).toBe('bob');
    expect(server.fetchCount).toBe(fetchesBefore + 1);
  });

  it('reports an unreachable key set as unavailable', async () => {
    const closed = await startJwksServer([currentKey]);
    const url = closed.url;
    await closed.close();
    const unreachable = createAuthenticator({ ...config, jwksUrl: url }, { jwksTimeoutMs: 1000 });
    const token = await signToken(currentKey, { issuer: ISSUER, audience: AUDIENCE, subject: 'a' });

    const error = await unreachable.authenticate(bearer(token)).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AuthenticationUnavailableError);
    expect((error as AuthenticationUnavailableError).statusCode).toBe(503);
  });

  it('grants all roles when off', async () => {
    const disabled = createAuthenticator({ mode: 'off', reason: 'explicit', realm: 'r' });
    expect(disabled.enabled).toBe(false);
    await expect(disabled.authenticate({})).resolves.toBe(LOCAL_PRINCIPAL);
    expect([...LOCAL_PRINCIPAL.roles].sort()).toEqual(['admin', 'read', 'write']);
  });
});

describe('rolesFromClaims', () => {
  const grants = { read: ['readers'], write: ['writers'], admin: ['admins'] };

  it('reads a nested array claim', () => {
    const roles = rolesFromClaims({ realm_access: { roles: ['writers', 'other'] } }, { rolesClaim: 'realm_access.roles', roleGrants: grants });
    expect([...roles].sort()).toEqual(['read', 'write']);
  });

  it('lets admin include every role', () => {
    const roles = rolesFromClaims({ groups: ['admins'] }, { rolesClaim: 'groups', roleGrants: grants });
    expect([...roles].sort()).toEqual(['admin', 'read', 'write']);
  });

  it('grants nothing for a missing claim', () => {
    expect(rolesFromClaims({ scope: 'readers' }, { rolesClaim: 'groups', roleGrants: grants }).size).toBe(0);
  });

  it('ignores values that are not strings', () => {
    expect(rolesFromClaims({ groups: [1, { name: 'readers' }] }, { rolesClaim: 'groups', roleGrants: grants }).size).toBe(0);
  });
});

describe('authenticate with random headers', () => {
  /** Deterministic pseudo-random source, so a failure can be replayed. */
  function createRandom(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }

  it('rejects every malformed header with a 401 challenge', async () => {
    const random = createRandom(20_261_204);
    const alphabet = 'Bearer .-_~+/=abcXYZ019"\\,\u00e9\u0000\t';
    const headers = Array.from({ length: 300 }, () => {
      const length = Math.floor(random() * 80);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      return random() < 0.5 ? `Bearer ${text}` : text;
    });

    for (const header of headers) {
      const error = await authenticator.authenticate({ authorization: header }).then(
        () => new Error(`accepted ${JSON.stringify(header)}`),
        (reason: unknown) => reason,
      );
      expect(error, JSON.stringify(header)).toBeInstanceOf(AuthenticationError);
      expect((error as AuthenticationError).wwwAuthenticate).toMatch(/^Bearer realm="test-realm"(, error="invalid_(request|token)", error_description="[\x20-\x21\x23-\x5B\x5D-\x7E]*")?$/);
    }
  });
});
