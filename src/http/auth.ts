/**
 * Bearer-token authentication (RFC 6750) against an OIDC issuer's JSON Web Key Set.
 *
 * Tokens are verified with `jose`: signature against the issuer's keys, algorithm, `iss`,
 * `aud`, `exp` and `nbf` with a clock tolerance, and a required `sub`. `createRemoteJWKSet`
 * caches the key set and refetches it when a token names a key id it does not contain, so
 * keys rotated at the issuer are picked up without a restart.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';

import type { AuthConfig, JwtAuthConfig, Role } from '../config/security.js';

export interface Principal {
  /** `sub` claim of the token, or `local` when authentication is off. */
  readonly subject: string;
  readonly roles: ReadonlySet<Role>;
  /** Verified claims of the token; empty when authentication is off. */
  readonly claims: Readonly<JWTPayload>;
  /** False when authentication is off and the principal was granted without a token. */
  readonly authenticated: boolean;
}

/** Raised when a request carries no valid bearer token; the server responds 401 with `wwwAuthenticate` as the challenge. */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  readonly code = 'UNAUTHENTICATED';
  readonly statusCode = 401;

  constructor(
    message: string,
    /** Value of the `WWW-Authenticate` response header. */
    readonly wwwAuthenticate: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Raised when the issuer's key set cannot be fetched, so no token can be checked. The server
 * responds 503 because the token may be fine and a retry may succeed.
 */
export class AuthenticationUnavailableError extends Error {
  override readonly name = 'AuthenticationUnavailableError';
  readonly code = 'UNAUTHENTICATED';
  readonly statusCode = 503;
}

export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface Authenticator {
  /** False when `AUTH_MODE=off` or local mode turned authentication off. */
  readonly enabled: boolean;
  /**
   * Verifies the bearer token in `headers.authorization` and returns its principal. Throws
   * `AuthenticationError` for a missing or invalid token, and `AuthenticationUnavailableError`
   * when the key set cannot be fetched.
   */
  authenticate(headers: RequestHeaders): Promise<Principal>;
}

export interface AuthenticatorOptions {
  /** Minimum milliseconds between two key set fetches triggered by unknown key ids; jose defaults to 30 000. */
  readonly jwksCooldownMs?: number;
  /** Milliseconds to wait for the key set response; jose defaults to 5 000. */
  readonly jwksTimeoutMs?: number;
}

const ALL_ROLES: ReadonlySet<Role> = new Set<Role>(['read', 'write', 'admin']);

/** Principal used for every request when authentication is off. */
export const LOCAL_PRINCIPAL: Principal = Object.freeze({
  subject: 'local',
  roles: ALL_ROLES,
  claims: Object.freeze({}),
  authenticated: false,
});

/** Creates the authenticator for `config`; a disabled one returns `LOCAL_PRINCIPAL` for every request. */
export function createAuthenticator(config: AuthConfig, options: AuthenticatorOptions = {}): Authenticator {
  if (config.mode === 'off') {
    return { enabled: false, authenticate: () => Promise.resolve(LOCAL_PRINCIPAL) };
  }
  return createJwtAuthenticator(config, options);
}

function createJwtAuthenticator(config: JwtAuthConfig, options: AuthenticatorOptions): Authenticator {
  const keySet = createRemoteJWKSet(config.jwksUrl, {
    ...(options.jwksCooldownMs !== undefined ? { cooldownDuration: options.jwksCooldownMs } : {}),
    ...(options.jwksTimeoutMs !== undefined ? { timeoutDuration: options.jwksTimeoutMs } : {}),
  });
  const challenge = (error?: 'invalid_request' | 'invalid_token', description?: string) =>
    formatChallenge(config.realm, error, description);

  async function authenticate(headers: RequestHeaders): Promise<Principal> {
    const token = extractBearerToken(headers, challenge);

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer: config.issuer,
        audience: [...config.audiences],
        algorithms: [...config.algorithms],
        clockTolerance: config.clockSkewSeconds,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw toAuthenticationError(error, challenge);
    }

    return {
      subject: payload.sub ?? '',
      roles: rolesFromClaims(payload, config),
      claims: payload,
      authenticated: true,
    };
  }

  return { enabled: true, authenticate };
}

type Challenge = (error?: 'invalid_request' | 'invalid_token', description?: string) => string;

/**
 * Reads the token from `Authorization: Bearer <token>`. RFC 6750 says a request without any
 * credentials gets a challenge without an error code, so clients know to fetch a token.
 */
function extractBearerToken(headers: RequestHeaders, challenge: Challenge): string {
  const header = headers.authorization;
  if (header === undefined || header === '') {
    throw new AuthenticationError('Authentication is required: send an OAuth 2.0 access token as "Authorization: Bearer <token>".', challenge());
  }
  if (typeof header !== 'string') {
    const description = 'Send exactly one Authorization header';
    throw new AuthenticationError(`${description}.`, challenge('invalid_request', description));
  }

  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  if (match === null) {
    const scheme = header.split(' ', 1)[0] ?? '';
    const description = `The Authorization header must use the Bearer scheme, not ${sanitizeForHeader(scheme.slice(0, 20))}`;
    throw new AuthenticationError(`${description}.`, challenge('invalid_request', description));
  }
  return match[1] ?? '';
}

/** Maps a jose verification failure to the message a client can act on. */
function toAuthenticationError(error: unknown, challenge: Challenge): Error {
  const description = describeVerificationFailure(error);
  if (description === undefined) {
    return new AuthenticationUnavailableError('The token could not be checked because the issuer\'s key set is unavailable. Retry later.', {
      cause: error,
    });
  }
  return new AuthenticationError(`Invalid bearer token: ${description}.`, challenge('invalid_token', description), { cause: error });
}

/** Returns a description of a token problem, or undefined when the failure lies with the key set, not the token. */
function describeVerificationFailure(error: unknown): string | undefined {
  if (error instanceof joseErrors.JWTExpired) {
    return 'the token has expired';
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return 'the token was issued by an issuer this gateway does not accept';
      case 'aud':
        return 'the token audience does not include this gateway';
      case 'nbf':
        return 'the token is not valid yet';
      case 'sub':
      case 'exp':
        return `the token has no "${error.claim}" claim`;
      default:
        return `the "${sanitizeForHeader(error.claim)}" claim is invalid`;
    }
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return 'the token is signed with an algorithm this gateway does not accept';
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) {
    return 'no key of the issuer matches the token\'s key id';
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return 'the token signature is invalid';
  }
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid || error instanceof joseErrors.JOSENotSupported) {
    return 'the token is malformed';
  }
  if (error instanceof joseErrors.JWKSMultipleMatchingKeys) {
    return 'several keys of the issuer match the token; give the token a "kid" header';
  }
  return undefined;
}

/**
 * Collects the roles granted by the configured claim. The claim may be a space-separated
 * string (OAuth `scope`) or an array of strings (groups). `write` includes `read`, and
 * `admin` includes both.
 */
export function rolesFromClaims(payload: JWTPayload, config: Pick<JwtAuthConfig, 'rolesClaim' | 'roleGrants'>): ReadonlySet<Role> {
  const values = new Set(claimValues(payload, config.rolesClaim));
  const grants = (role: Role) => config.roleGrants[role].some((value) => values.has(value));

  const roles = new Set<Role>();
  if (grants('admin')) {
    roles.add('admin').add('write').add('read');
  }
  if (grants('write')) {
    roles.add('write').add('read');
  }
  if (grants('read')) {
    roles.add('read');
  }
  return roles;
}

function claimValues(payload: JWTPayload, path: string): string[] {
  let value: unknown = payload;
  for (const segment of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) {
      return [];
    }
    value = (value as Record<string, unknown>)[segment];
  }

  if (typeof value === 'string') {
    return value.split(' ').filter((item) => item !== '');
  }
  if (Array.isArray(value)) {
    return value.filter((item): item is string => typeof item === 'string');
  }
  return [];
}

/** Formats an RFC 6750 challenge such as `Bearer realm="gw", error="invalid_token", error_description="..."`. */
export function formatChallenge(realm: string, error?: string, description?: string): string {
  const parameters = [`realm="${sanitizeForHeader(realm)}"`];
  if (error !== undefined) {
    parameters.push(`error="${error}"`);
  }
  if (description !== undefined) {
    parameters.push(`error_description="${sanitizeForHeader(description)}"`);
  }
  return `Bearer ${parameters.join(', ')}`;
}

/** RFC 6750 allows only printable ASCII other than `"` and `\` inside these quoted strings. */
function sanitizeForHeader(text: string): string {
  return text.replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/g, '?');
}
