import { describe, expect, it } from 'vitest';

import {
  DEFAULT_PROTECTED_GROUPS,
  DEFAULT_WRITABLE_ATTRIBUTES,
  parseSecurityConfig,
  SECURITY_CONFIG_VARIABLES,
  SecurityConfigError,
} from '../../src/config/security.js';

const JWT_ENV = {
  AUTH_ISSUER: 'https://issuer.test',
  AUTH_AUDIENCE: 'gateway,other',
  AUTH_JWKS_URL: 'http://127.0.0.1:9999/jwks.json',
};

function issuesOf(env: Record<string, string>, mode: 'local' | 'aws' = 'aws'): readonly string[] {
  try {
    parseSecurityConfig(env, mode);
  } catch (error) {
    if (error instanceof SecurityConfigError) {
      return error.issues;
    }
    throw error;
  }
  throw new Error('expected parseSecurityConfig to throw');
}

describe('parseSecurityConfig', () => {
  describe('auth', () => {
    it('turns auth off by default in local mode', () => {
      const config = parseSecurityConfig({}, 'local');
      expect(config.auth).toEqual({ mode: 'off', reason: 'local-default', realm: 'ds-data-gateway' });
    });

    it('rejects AWS mode without auth settings', () => {
      expect(issuesOf({}, 'aws')).toEqual([
        'AUTH_ISSUER is missing: set it to the `iss` claim of your OIDC issuer, or set AUTH_MODE=off to run without authentication.',
        'AUTH_AUDIENCE is missing: set it to the audience (`aud`) your tokens are issued for.',
        'AUTH_JWKS_URL is missing: set it to the `jwks_uri` of your OIDC issuer.',
      ]);
    });

    it('accepts an explicit AUTH_MODE=off against AWS', () => {
      const config = parseSecurityConfig({ AUTH_MODE: 'off' }, 'aws');
      expect(config.auth).toEqual({ mode: 'off', reason: 'explicit', realm: 'ds-data-gateway' });
    });

    it('uses JWT in local mode once an issuer is set', () => {
      const config = parseSecurityConfig(JWT_ENV, 'local');
      expect(config.auth.mode).toBe('jwt');
    });

    it('reads every JWT setting', () => {
      const config = parseSecurityConfig({
        ...JWT_ENV,
        AUTH_ALGORITHMS: 'ES256',
        AUTH_CLOCK_SKEW_SECONDS: '5',
        AUTH_ROLES_CLAIM: 'realm_access.roles',
        AUTH_READ_VALUES: 'readers',
        AUTH_WRITE_VALUES: 'writers, editors',
        AUTH_ADMIN_VALUES: 'admins',
        AUTH_REALM: 'corp',
      });
      expect(config.auth).toEqual({
        mode: 'jwt',
        issuer: 'https://issuer.test',
        audiences: ['gateway', 'other'],
        jwksUrl: new URL('http://127.0.0.1:9999/jwks.json'),
        algorithms: ['ES256'],
        clockSkewSeconds: 5,
        rolesClaim: 'realm_access.roles',
        roleGrants: { read: ['readers'], write: ['writers', 'editors'], admin: ['admins'] },
        realm: 'corp',
      });
    });

    it('rejects an unknown AUTH_MODE', () => {
      expect(issuesOf({ ...JWT_ENV, AUTH_MODE: 'basic' })).toEqual([
        'AUTH_MODE has the invalid value "basic": use one of jwt, off.',
      ]);
    });

    it('rejects plain http to a remote JWKS host', () => {
      expect(issuesOf({ ...JWT_ENV, AUTH_JWKS_URL: 'http://login.example.com/jwks.json' })).toEqual([
        'AUTH_JWKS_URL uses plain http with the remote host login.example.com: use an https:// URL, because the keys decide which tokens are accepted.',
      ]);
    });

    it('accepts plain http on loopback', () => {
      for (const url of ['http://127.0.0.1:8080/jwks.json', 'http://localhost/jwks.json', 'http://[::1]:8080/jwks.json']) {
        expect(parseSecurityConfig({ ...JWT_ENV, AUTH_JWKS_URL: url }).auth.mode).toBe('jwt');
      }
    });

    it('rejects a JWKS URL that is not http or https', () => {
      expect(issuesOf({ ...JWT_ENV, AUTH_JWKS_URL: 'file:///etc/jwks.json' })).toEqual([
        'AUTH_JWKS_URL has the invalid value "file:///etc/jwks.json": use an absolute http:// or https:// URL.',
      ]);
    });

    it('rejects relative JWKS URLs', () => {
      expect(issuesOf({ ...JWT_ENV, AUTH_JWKS_URL: '/.well-known/jwks.json' })).toEqual([
        'AUTH_JWKS_URL has the invalid value "/.well-known/jwks.json": use an absolute http:// or https:// URL.',
      ]);
      expect(issuesOf({ ...JWT_ENV, AUTH_JWKS_URL: 'https://' })).toEqual([
        'AUTH_JWKS_URL has the invalid value "https://": use an absolute http:// or https:// URL.',
      ]);
    });

    it('accepts AUTH_MODE in any case', () => {
      expect(parseSecurityConfig({ ...JWT_ENV, AUTH_MODE: ' OFF ' }).auth).toEqual({ mode: 'off', reason: 'explicit', realm: 'ds-data-gateway' });
    });
  });

  describe('authorization lists', () => {
    it('defaults to safe lists', () => {
      const config = parseSecurityConfig({ AUTH_MODE: 'off' });
      expect(config.allowedDirectoryIds).toEqual([]);
      expect(config.writableAttributes.write).toEqual(DEFAULT_WRITABLE_ATTRIBUTES);
      expect(config.writableAttributes.write).not.toContain('servicePrincipalName');
      expect(config.writableAttributes.read).toEqual([]);
      expect(config.protectedGroups).toEqual(DEFAULT_PROTECTED_GROUPS);
      expect(config.protectedUsers).toContain('krbtgt');
    });

    it('lets an empty variable clear a default list', () => {
      const config = parseSecurityConfig({ AUTH_MODE: 'off', PROTECTED_USERS: '', WRITABLE_ATTRIBUTES_WRITE: '' });
      expect(config.protectedUsers).toEqual([]);
      expect(config.writableAttributes.write).toEqual([]);
      expect(config.writableAttributes.admin).toEqual([]);
    });

    it('rejects a malformed directory id', () => {
      expect(issuesOf({ AUTH_MODE: 'off', ALLOWED_DIRECTORY_IDS: 'd-1234567890,d-XYZ' })).toEqual([
        'ALLOWED_DIRECTORY_IDS contains "d-XYZ", which is not a directory id: expected `d-` followed by 10 lowercase hex digits, for example d-1234567890.',
      ]);
    });

    it('rejects a malformed attribute name', () => {
      expect(issuesOf({ AUTH_MODE: 'off', WRITABLE_ATTRIBUTES_ADMIN: 'title,extension1' })).toEqual([
        'WRITABLE_ATTRIBUTES_ADMIN contains "extension1", which is not an LDAP display name: use letters and `-` only, for example `department`.',
      ]);
    });
  });

  describe('limits', () => {
    it('uses the documented defaults', () => {
      const config = parseSecurityConfig({ AUTH_MODE: 'off' });
      expect(config.limits).toEqual({
        maxDepth: 10,
        maxAliases: 15,
        maxTokens: 2000,
        maxDirectives: 10,
        maxCost: 50,
        maxBatchSize: 0,
        maxBodyBytes: 102_400,
        queryTimeoutMs: 15_000,
      });
      expect(config.rateLimit).toEqual({ requestsPerMinute: 120, burst: 30 });
      expect(config.shutdownTimeoutMs).toBe(10_000);
    });

    it('reports every invalid number at once', () => {
      expect(issuesOf({ AUTH_MODE: 'off', MAX_QUERY_DEPTH: '0', QUERY_TIMEOUT_MS: '1.5', RATE_LIMIT_BURST: 'ten' })).toEqual([
        'MAX_QUERY_DEPTH has the invalid value "0": use a whole number from 1 to 100.',
        'QUERY_TIMEOUT_MS has the invalid value "1.5": use a whole number from 100 to 600000.',
        'RATE_LIMIT_BURST has the invalid value "ten": use a whole number from 1 to 1000000.',
      ]);
    });

    it('rejects out-of-range numbers', () => {
      expect(issuesOf({ AUTH_MODE: 'off', MAX_BATCH_SIZE: '101', SHUTDOWN_TIMEOUT_MS: '-1', MAX_QUERY_COST: '99999999999999999999' })).toEqual([
        'MAX_QUERY_COST has the invalid value "99999999999999999999": use a whole number from 1 to 100000.',
        'MAX_BATCH_SIZE has the invalid value "101": use a whole number from 0 to 100.',
        'SHUTDOWN_TIMEOUT_MS has the invalid value "-1": use a whole number from 0 to 600000.',
      ]);
      expect(parseSecurityConfig({ AUTH_MODE: 'off', MAX_BATCH_SIZE: ' 100 ' }).limits.maxBatchSize).toBe(100);
    });
  });

  describe('tracing', () => {
    it('is off unless configured', () => {
      expect(parseSecurityConfig({ AUTH_MODE: 'off' }).tracing).toEqual({ exporter: 'none', serviceName: 'ds-data-gateway' });
    });

    it('derives the traces URL from the base endpoint', () => {
      const config = parseSecurityConfig({ AUTH_MODE: 'off', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' });
      expect(config.tracing).toEqual({
        exporter: 'otlp',
        otlpEndpoint: new URL('http://127.0.0.1:4318/v1/traces'),
        serviceName: 'ds-data-gateway',
      });
    });

    it('rejects otlp without an endpoint', () => {
      expect(issuesOf({ AUTH_MODE: 'off', OTEL_TRACES_EXPORTER: 'otlp' })).toEqual([
        'OTEL_TRACES_EXPORTER is `otlp` but no endpoint is set: set OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, for example http://127.0.0.1:4318/v1/traces.',
      ]);
    });
  });

  it('documents every variable it reads', () => {
    const read = new Set<string>();
    const env = new Proxy({ ...JWT_ENV, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' } as Record<string, string>, {
      get(target, name) {
        read.add(String(name));
        return target[String(name)];
      },
    });
    parseSecurityConfig(env);

    const documented = SECURITY_CONFIG_VARIABLES.map((variable) => variable.name);
    expect(new Set(documented).size).toBe(documented.length);
    expect([...read].sort()).toEqual([...documented].sort());
  });
});
