/**
 * Security and operations settings: authentication, authorization, abuse limits, rate
 * limit, shutdown and tracing, read from environment variables and validated once.
 *
 * `parseSecurityConfig` never reads `process.env` itself, so tests pass a plain object.
 * Every error names the variable, the value that was rejected and the fix.
 */

export type Role = 'read' | 'write' | 'admin';
export const ROLES: readonly Role[] = ['read', 'write', 'admin'];

/** Whether the gateway talks to the embedded emulator (local mode) or to AWS. */
export type GatewayMode = 'local' | 'aws';

export interface JwtAuthConfig {
  readonly mode: 'jwt';
  /** Expected `iss` claim, compared exactly. */
  readonly issuer: string;
  /** Accepted `aud` values; a token must carry at least one. */
  readonly audiences: readonly string[];
  readonly jwksUrl: URL;
  /** Accepted JWS algorithms; tokens signed with any other are rejected. */
  readonly algorithms: readonly string[];
  readonly clockSkewSeconds: number;
  /** Dot-separated path of the claim that carries scopes or groups, for example `scope` or `realm_access.roles`. */
  readonly rolesClaim: string;
  /** Claim values that grant each role; compared exactly, case-sensitive. */
  readonly roleGrants: Readonly<Record<Role, readonly string[]>>;
  /** `realm` parameter of the `WWW-Authenticate` challenge. */
  readonly realm: string;
}

export interface DisabledAuthConfig {
  readonly mode: 'off';
  /** `local-default`: local mode without auth settings; `explicit`: `AUTH_MODE=off` was set. */
  readonly reason: 'local-default' | 'explicit';
  readonly realm: string;
}

export type AuthConfig = JwtAuthConfig | DisabledAuthConfig;

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  /** Maximum number of AWS calls one operation may cause, as estimated by the cost rule. */
  readonly maxCost: number;
  /** Maximum operations in one batched HTTP request; 0 turns batching off. */
  readonly maxBatchSize: number;
  readonly maxBodyBytes: number;
  /** Milliseconds after which an operation is aborted together with its upstream calls. */
  readonly queryTimeoutMs: number;
}

export interface RateLimitConfig {
  /** Requests per minute that each subject may sustain; 0 turns the rate limit off. */
  readonly requestsPerMinute: number;
  /** Requests a subject may send at once before the sustained rate applies. */
  readonly burst: number;
}

export interface TracingConfig {
  readonly exporter: 'none' | 'otlp' | 'console';
  /** OTLP/HTTP traces endpoint, set when `exporter` is `otlp`. */
  readonly otlpEndpoint?: URL;
  readonly serviceName: string;
}

export interface SecurityConfig {
  readonly auth: AuthConfig;
  /** Directories that requests may name. Empty means only the gateway's default directory. */
  readonly allowedDirectoryIds: readonly string[];
  /** LDAP display names each role may write, compared case-insensitively. */
  readonly writableAttributes: Readonly<Record<Role, readonly string[]>>;
  /** SAM account names no mutation may touch; a trailing `*` matches any suffix. Case-insensitive. */
  readonly protectedUsers: readonly string[];
  readonly protectedGroups: readonly string[];
  readonly limits: QueryLimits;
  readonly rateLimit: RateLimitConfig;
  readonly shutdownTimeoutMs: number;
  readonly tracing: TracingConfig;
}

/**
 * Attributes that the `write` role may set by default: the creatable and mutable user and
 * group attributes that AWS documents, the LDAP names of the top-level members, and
 * `accountExpires` (the account's expiry as a FILETIME, which AD lets account operators set).
 * `servicePrincipalName` is left out on purpose: a caller that can set it on a user can
 * request Kerberos service tickets for that user and crack its password offline.
 */
export const DEFAULT_WRITABLE_ATTRIBUTES: readonly string[] = [
  'accountExpires',
  'givenName',
  'sn',
  'mail',
  'groupType',
  'groupScope',
  'co',
  'company',
  'department',
  'description',
  'displayName',
  'facsimileTelephoneNumber',
  'homePhone',
  'info',
  'initials',
  'ipPhone',
  'l',
  'manager',
  'mobile',
  'pager',
  'physicalDeliveryOfficeName',
  'postalCode',
  'preferredLanguage',
  'st',
  'streetAddress',
  'telephoneNumber',
  'title',
  'wWWHomePage',
];

/**
 * Built-in and AWS-managed accounts: the domain administrator (`Administrator`), the AWS
 * Managed AD administrator (`Admin`), the Kerberos key distribution account (`krbtgt`),
 * `Guest`, and the AWS service accounts (`AWS_...`).
 */
export const DEFAULT_PROTECTED_USERS: readonly string[] = ['Administrator', 'Admin', 'krbtgt', 'Guest', 'AWS_*'];

/**
 * Administrative groups of the domain and the forest, and the groups that AWS creates in its
 * reserved and delegated OUs (all named `AWS ...`), whose membership grants control of the directory.
 */
export const DEFAULT_PROTECTED_GROUPS: readonly string[] = [
  'Administrators',
  'Domain Admins',
  'Enterprise Admins',
  'Schema Admins',
  'Key Admins',
  'Enterprise Key Admins',
  'Group Policy Creator Owners',
  'Account Operators',
  'Server Operators',
  'Backup Operators',
  'Admins',
  'AWSAdministrators',
  'AWS *',
];

/** One environment variable read by this module, for the README table. */
export interface ConfigVariable {
  readonly name: string;
  readonly default: string;
  readonly description: string;
}

export const SECURITY_CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: 'AUTH_MODE', default: '`jwt` against AWS, `off` in local mode', description: '`jwt` verifies bearer tokens; `off` lets every request in with all roles and logs a warning at start-up.' },
  { name: 'AUTH_ISSUER', default: '(required for `jwt`)', description: 'Expected `iss` claim of the OIDC issuer, for example `https://login.example.com/realms/corp`.' },
  { name: 'AUTH_AUDIENCE', default: '(required for `jwt`)', description: 'Comma-separated accepted `aud` values.' },
  { name: 'AUTH_JWKS_URL', default: '(required for `jwt`)', description: 'URL of the issuer\'s JSON Web Key Set, https unless the host is a loopback address. Keys are fetched on demand and refetched when a token names an unknown key id.' },
  { name: 'AUTH_ALGORITHMS', default: 'RS256,ES256', description: 'Comma-separated JWS algorithms accepted in token headers.' },
  { name: 'AUTH_CLOCK_SKEW_SECONDS', default: '30', description: 'Seconds of clock difference tolerated for `exp`, `nbf` and `iat`.' },
  { name: 'AUTH_ROLES_CLAIM', default: 'scope', description: 'Dot-separated path of the claim holding scopes or groups: a space-separated string or an array of strings.' },
  { name: 'AUTH_READ_VALUES', default: 'directory:read', description: 'Comma-separated claim values that grant the `read` role.' },
  { name: 'AUTH_WRITE_VALUES', default: 'directory:write', description: 'Comma-separated claim values that grant the `write` role (which includes `read`).' },
  { name: 'AUTH_ADMIN_VALUES', default: '(none)', description: 'Comma-separated claim values that grant the `admin` role (which includes `write`).' },
  { name: 'AUTH_REALM', default: 'ds-data-gateway', description: '`realm` of the `WWW-Authenticate` challenge on 401 responses.' },
  { name: 'ALLOWED_DIRECTORY_IDS', default: '(the default directory only)', description: 'Comma-separated directory ids (`d-` and 10 hex digits) that requests may name.' },
  { name: 'WRITABLE_ATTRIBUTES_WRITE', default: 'the documented creatable and mutable attributes except `servicePrincipalName`', description: 'Comma-separated LDAP display names that the `write` role may set; empty allows none.' },
  { name: 'WRITABLE_ATTRIBUTES_ADMIN', default: 'same as `write`', description: 'Comma-separated LDAP display names that the `admin` role may set.' },
  { name: 'PROTECTED_USERS', default: DEFAULT_PROTECTED_USERS.join(','), description: 'Comma-separated SAM account names of users that no mutation may touch; a trailing `*` matches any suffix; empty protects none.' },
  { name: 'PROTECTED_GROUPS', default: DEFAULT_PROTECTED_GROUPS.join(','), description: 'Comma-separated group names that no mutation may touch or change the members of; a trailing `*` matches any suffix.' },
  { name: 'MAX_QUERY_DEPTH', default: '10', description: 'Maximum nesting depth of a GraphQL operation.' },
  { name: 'MAX_QUERY_ALIASES', default: '15', description: 'Maximum number of aliases in a GraphQL operation.' },
  { name: 'MAX_QUERY_TOKENS', default: '2000', description: 'Maximum number of lexical tokens in a GraphQL document.' },
  { name: 'MAX_QUERY_DIRECTIVES', default: '10', description: 'Maximum number of directives in a GraphQL operation.' },
  { name: 'MAX_QUERY_COST', default: '50', description: 'Maximum number of AWS calls one operation may cause, as estimated before it runs.' },
  { name: 'MAX_BATCH_SIZE', default: '0', description: 'Maximum operations in one batched HTTP request; 0 turns batched requests off.' },
  { name: 'MAX_BODY_BYTES', default: '102400', description: 'Maximum HTTP request body size in bytes.' },
  { name: 'QUERY_TIMEOUT_MS', default: '15000', description: 'Milliseconds after which an operation is aborted and its AWS calls are cancelled.' },
  { name: 'RATE_LIMIT_PER_MINUTE', default: '120', description: 'Requests per minute each subject may sustain; 0 turns the rate limit off.' },
  { name: 'RATE_LIMIT_BURST', default: '30', description: 'Requests a subject may send at once before the per-minute rate applies.' },
  { name: 'SHUTDOWN_TIMEOUT_MS', default: '10000', description: 'Milliseconds that in-flight requests get to finish after SIGTERM before the process exits.' },
  { name: 'OTEL_TRACES_EXPORTER', default: '`otlp` when an OTLP endpoint is set, else `none`', description: '`otlp`, `console` or `none`. Tracing is off unless this or an endpoint is set.' },
  { name: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', default: '(none)', description: 'OTLP/HTTP traces URL, for example `http://127.0.0.1:4318/v1/traces`.' },
  { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', default: '(none)', description: 'OTLP/HTTP base URL; `/v1/traces` is appended when the traces endpoint is not set.' },
  { name: 'OTEL_SERVICE_NAME', default: 'ds-data-gateway', description: 'Service name on exported spans.' },
];

/** Raised when one or more security variables are invalid; `issues` lists one sentence per variable. */
export class SecurityConfigError extends Error {
  override readonly name = 'SecurityConfigError';

  constructor(readonly issues: readonly string[]) {
    super(`Invalid security configuration:\n- ${issues.join('\n- ')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const DIRECTORY_ID = /^d-[0-9a-f]{10}$/;
const LDAP_DISPLAY_NAME = /^[A-Za-z*][A-Za-z\-*]*$/;

/**
 * Parses and validates the security variables of `env`.
 *
 * `mode` decides what happens without auth settings: local mode turns auth off, AWS mode
 * raises unless `AUTH_MODE=off` is set explicitly. Throws `SecurityConfigError` listing every
 * invalid variable at once.
 */
export function parseSecurityConfig(env: Env, mode: GatewayMode = 'aws'): SecurityConfig {
  const reader = new EnvReader(env);

  const auth = readAuth(reader, mode);
  const allowedDirectoryIds = reader.list('ALLOWED_DIRECTORY_IDS', [], (value) =>
    DIRECTORY_ID.test(value) ? undefined : 'is not a directory id: expected `d-` followed by 10 lowercase hex digits, for example d-1234567890',
  );

  const checkAttribute = (value: string) =>
    LDAP_DISPLAY_NAME.test(value) ? undefined : 'is not an LDAP display name: use letters and `-` only, for example `department`';
  const writeAttributes = reader.list('WRITABLE_ATTRIBUTES_WRITE', DEFAULT_WRITABLE_ATTRIBUTES, checkAttribute);
  const adminAttributes = reader.list('WRITABLE_ATTRIBUTES_ADMIN', writeAttributes, checkAttribute);

  const limits: QueryLimits = {
    maxDepth: reader.integer('MAX_QUERY_DEPTH', 10, 1, 100),
    maxAliases: reader.integer('MAX_QUERY_ALIASES', 15, 0, 1000),
    maxTokens: reader.integer('MAX_QUERY_TOKENS', 2000, 10, 1_000_000),
    maxDirectives: reader.integer('MAX_QUERY_DIRECTIVES', 10, 0, 1000),
    maxCost: reader.integer('MAX_QUERY_COST', 50, 1, 100_000),
    maxBatchSize: reader.integer('MAX_BATCH_SIZE', 0, 0, 100),
    maxBodyBytes: reader.integer('MAX_BODY_BYTES', 102_400, 1024, 100 * 1024 * 1024),
    queryTimeoutMs: reader.integer('QUERY_TIMEOUT_MS', 15_000, 100, 600_000),
  };

  const rateLimit: RateLimitConfig = {
    requestsPerMinute: reader.integer('RATE_LIMIT_PER_MINUTE', 120, 0, 1_000_000),
    burst: reader.integer('RATE_LIMIT_BURST', 30, 1, 1_000_000),
  };

  const config: SecurityConfig = {
    auth,
    allowedDirectoryIds,
    writableAttributes: { read: [], write: writeAttributes, admin: adminAttributes },
    protectedUsers: reader.list('PROTECTED_USERS', DEFAULT_PROTECTED_USERS),
    protectedGroups: reader.list('PROTECTED_GROUPS', DEFAULT_PROTECTED_GROUPS),
    limits,
    rateLimit,
    shutdownTimeoutMs: reader.integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    tracing: readTracing(reader),
  };

  if (reader.issues.length > 0) {
    throw new SecurityConfigError(reader.issues);
  }
  return config;
}

function readAuth(reader: EnvReader, mode: GatewayMode): AuthConfig {
  const realm = reader.string('AUTH_REALM') ?? 'ds-data-gateway';
  const requested = reader.enumeration('AUTH_MODE', ['jwt', 'off']);

  if (requested === 'off') {
    return { mode: 'off', reason: 'explicit', realm };
  }

  const issuer = reader.string('AUTH_ISSUER');
  const audiences = reader.list('AUTH_AUDIENCE', []);
  const jwksUrl = reader.url('AUTH_JWKS_URL');
  const anyAuthSetting = issuer !== undefined || audiences.length > 0 || jwksUrl !== undefined;

  if (requested === undefined && mode === 'local' && !anyAuthSetting) {
    return { mode: 'off', reason: 'local-default', realm };
  }

  if (issuer === undefined) {
    reader.fail('AUTH_ISSUER', 'is missing: set it to the `iss` claim of your OIDC issuer, or set AUTH_MODE=off to run without authentication');
  }
  if (audiences.length === 0) {
    reader.fail('AUTH_AUDIENCE', 'is missing: set it to the audience (`aud`) your tokens are issued for');
  }
  if (jwksUrl === undefined && !reader.has('AUTH_JWKS_URL')) {
    reader.fail('AUTH_JWKS_URL', 'is missing: set it to the `jwks_uri` of your OIDC issuer');
  }
  // An attacker who can alter the key set in transit can sign tokens that the gateway accepts.
  if (jwksUrl !== undefined && jwksUrl.protocol === 'http:' && !isLoopbackHost(jwksUrl.hostname)) {
    reader.fail('AUTH_JWKS_URL', `uses plain http with the remote host ${jwksUrl.hostname}: use an https:// URL, because the keys decide which tokens are accepted`);
  }

  const admin = reader.list('AUTH_ADMIN_VALUES', []);
  const write = reader.list('AUTH_WRITE_VALUES', ['directory:write']);
  const read = reader.list('AUTH_READ_VALUES', ['directory:read']);

  return {
    mode: 'jwt',
    issuer: issuer ?? '',
    audiences,
    jwksUrl: jwksUrl ?? new URL('http://invalid.invalid/'),
    algorithms: reader.list('AUTH_ALGORITHMS', ['RS256', 'ES256']),
    clockSkewSeconds: reader.integer('AUTH_CLOCK_SKEW_SECONDS', 30, 0, 600),
    rolesClaim: reader.string('AUTH_ROLES_CLAIM') ?? 'scope',
    roleGrants: { read, write, admin },
    realm,
  };
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function readTracing(reader: EnvReader): TracingConfig {
  const serviceName = reader.string('OTEL_SERVICE_NAME') ?? 'ds-data-gateway';
  const tracesEndpoint = reader.url('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const baseEndpoint = reader.url('OTEL_EXPORTER_OTLP_ENDPOINT');
  const otlpEndpoint = tracesEndpoint ?? (baseEndpoint ? new URL('v1/traces', withTrailingSlash(baseEndpoint)) : undefined);
  const exporter = reader.enumeration('OTEL_TRACES_EXPORTER', ['otlp', 'console', 'none']) ?? (otlpEndpoint ? 'otlp' : 'none');

  if (exporter === 'otlp' && otlpEndpoint === undefined) {
    reader.fail(
      'OTEL_TRACES_EXPORTER',
      'is `otlp` but no endpoint is set: set OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, for example http://127.0.0.1:4318/v1/traces',
    );
  }
  return exporter === 'otlp' && otlpEndpoint ? { exporter, otlpEndpoint, serviceName } : { exporter, serviceName };
}

function withTrailingSlash(url: URL): URL {
  return url.pathname.endsWith('/') ? url : new URL(`${url.href}/`);
}

/** Reads variables and collects one issue per invalid variable instead of stopping at the first. */
class EnvReader {
  readonly issues: string[] = [];

  constructor(private readonly env: Env) {}

  has(name: string): boolean {
    return this.env[name] !== undefined;
  }

  fail(name: string, problem: string): void {
    this.issues.push(`${name} ${problem}.`);
  }

  /** Returns the trimmed value, or undefined when the variable is unset or blank. */
  string(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  enumeration<T extends string>(name: string, values: readonly [T, ...T[]]): T | undefined {
    const value = this.string(name);
    if (value === undefined) {
      return undefined;
    }
    const normalized = value.toLowerCase();
    const match = values.find((candidate) => candidate === normalized);
    if (match === undefined) {
      this.fail(name, `has the invalid value "${value}": use one of ${values.join(', ')}`);
    }
    return match;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.string(name);
    if (value === undefined) {
      return fallback;
    }
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value) || parsed < min || parsed > max) {
      this.fail(name, `has the invalid value "${value}": use a whole number from ${min} to ${max}`);
      return fallback;
    }
    return parsed;
  }

  url(name: string): URL | undefined {
    const value = this.string(name);
    if (value === undefined) {
      return undefined;
    }
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      this.fail(name, `has the invalid value "${value}": use an absolute http:// or https:// URL`);
      return undefined;
    }
    return url;
  }

  /**
   * Splits a comma-separated list. An unset variable yields `fallback`; a variable set to an
   * empty string yields an empty list, so operators can clear a default list.
   */
  list(name: string, fallback: readonly string[], check?: (item: string) => string | undefined): readonly string[] {
    const raw = this.env[name];
    if (raw === undefined) {
      return fallback;
    }
    const items = raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    for (const item of items) {
      const problem = check?.(item);
      if (problem !== undefined) {
        this.fail(name, `contains "${item}", which ${problem}`);
      }
    }
    return items;
  }
}
