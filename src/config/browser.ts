import { isUnset, readWholeNumber, type ReportIssue } from './variables.js';

/**
 * Browser-facing settings: which origins may call the gateway from a page (CORS), what
 * `GET /graphql` shows a browser (the landing page), whether the offline GraphiQL
 * explorer is served, and whether introspection is on.
 *
 * Defaults depend on `NODE_ENV`. Anything other than `production` is development: the
 * Apollo Sandbox origin is allowed, the embedded Sandbox is the landing page, the
 * explorer and introspection are on. In production everything browser-facing is off
 * until a variable turns it on.
 */

export type LandingPageMode = 'sandbox' | 'explorer' | 'off';

export interface BrowserConfig {
  /** Whether the defaults below were chosen for production (`NODE_ENV=production`). */
  production: boolean;
  cors: {
    /** Exact origins (`scheme://host[:port]`, lowercase, no trailing slash) allowed to call the gateway. */
    allowedOrigins: string[];
    /** Whether cross-origin requests may carry cookies (`Access-Control-Allow-Credentials`). */
    allowCredentials: boolean;
    /** Whether an allowed public page may call a gateway on a private address (Private Network Access). */
    allowPrivateNetwork: boolean;
    /** How long in seconds a browser may cache a preflight response. */
    preflightMaxAgeSeconds: number;
  };
  landingPage: LandingPageMode;
  explorer: {
    enabled: boolean;
    /** Path of the explorer page, for example `/explorer`. Its assets live below it. */
    path: string;
  };
  introspection: boolean;
}

/** The variable that `parseBrowserConfig` reads, with what it sets, for the README table. */
export interface ConfigVariable {
  name: string;
  description: string;
  defaultValue: string;
}

/** Origin of the hosted Apollo Sandbox, allowed by default in development. */
export const APOLLO_SANDBOX_ORIGIN = 'https://studio.apollographql.com';

/** Paths that the gateway serves itself, so the explorer cannot take them. */
const RESERVED_PATHS = new Set(['/', '/graphql', '/healthz', '/readyz', '/metrics']);

export const BROWSER_CONFIG_VARIABLES: readonly ConfigVariable[] = [
  {
    name: 'CORS_ORIGINS',
    description:
      'Comma-separated origins (scheme://host[:port]) that may call the gateway from a browser. Empty allows no cross-origin caller.',
    defaultValue: `${APOLLO_SANDBOX_ORIGIN} in development, empty in production`,
  },
  {
    name: 'CORS_ALLOW_CREDENTIALS',
    description: 'Whether cross-origin requests may send cookies (true or false). Bearer tokens do not need it.',
    defaultValue: 'false',
  },
  {
    name: 'CORS_ALLOW_PRIVATE_NETWORK',
    description:
      'Whether an allowed public page may call a gateway on localhost or a private address (answers the Private Network Access preflight).',
    defaultValue: 'true in development, false in production',
  },
  {
    name: 'CORS_MAX_AGE',
    description: 'How long browsers may cache a preflight response, in seconds (0 to 86400).',
    defaultValue: '600',
  },
  {
    name: 'LANDING_PAGE',
    description:
      'What GET /graphql shows a browser: sandbox (embedded Apollo Sandbox, loaded from Apollo\'s CDN), explorer (redirect to the offline explorer) or off.',
    defaultValue: 'sandbox in development, off in production',
  },
  {
    name: 'EXPLORER_ENABLED',
    description: 'Whether the gateway serves the offline GraphiQL explorer, which needs no network access beyond the gateway (true or false).',
    defaultValue: 'true in development, false in production',
  },
  {
    name: 'EXPLORER_PATH',
    description: 'URL path of the offline explorer.',
    defaultValue: '/explorer',
  },
  {
    name: 'INTROSPECTION',
    description: 'Whether the schema can be introspected (true or false). The explorer and Sandbox need it for completion and docs.',
    defaultValue: 'true in development, false in production',
  },
];

/** The error for invalid browser settings; its message lists every invalid variable. */
export class BrowserConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid browser configuration:\n- ${issues.join('\n- ')}`);
    this.name = 'BrowserConfigError';
  }
}

/**
 * Parses the browser settings from `env` and throws a `BrowserConfigError` naming each
 * invalid variable, its value and the fix.
 */
export function parseBrowserConfig(env: Record<string, string | undefined>): BrowserConfig {
  const production = env['NODE_ENV'] === 'production';
  const developmentDefault = !production;
  const issues: string[] = [];
  const report: ReportIssue = (message) => issues.push(message);

  const allowedOrigins = readOriginList('CORS_ORIGINS', env['CORS_ORIGINS'], production ? [] : [APOLLO_SANDBOX_ORIGIN], report);
  const allowCredentials = readBoolean('CORS_ALLOW_CREDENTIALS', env['CORS_ALLOW_CREDENTIALS'], false, report);
  const allowPrivateNetwork = readBoolean('CORS_ALLOW_PRIVATE_NETWORK', env['CORS_ALLOW_PRIVATE_NETWORK'], developmentDefault, report);
  const preflightMaxAgeSeconds = readWholeNumber('CORS_MAX_AGE', env['CORS_MAX_AGE'], 600, [0, 86_400], report);
  const landingPage = readLandingPage(env['LANDING_PAGE'], production ? 'off' : 'sandbox', report);
  const explorerEnabled = readBoolean('EXPLORER_ENABLED', env['EXPLORER_ENABLED'], developmentDefault, report);
  const explorerPath = readExplorerPath(env['EXPLORER_PATH'], report);
  const introspection = readBoolean('INTROSPECTION', env['INTROSPECTION'], developmentDefault, report);

  if (issues.length > 0) {
    throw new BrowserConfigError(issues);
  }
  if (landingPage === 'explorer' && !explorerEnabled) {
    throw new BrowserConfigError([
      'LANDING_PAGE is "explorer" but EXPLORER_ENABLED is false: set EXPLORER_ENABLED=true or choose LANDING_PAGE=sandbox or off.',
    ]);
  }

  return {
    production,
    cors: { allowedOrigins, allowCredentials, allowPrivateNetwork, preflightMaxAgeSeconds },
    landingPage,
    explorer: { enabled: explorerEnabled, path: explorerPath },
    introspection,
  };
}

function readBoolean(name: string, value: string | undefined, defaultValue: boolean, report: ReportIssue): boolean {
  if (isUnset(value)) {
    return defaultValue;
  }
  const normalized = value.trim().toLowerCase();
  if (normalized === 'true' || normalized === '1') {
    return true;
  }
  if (normalized === 'false' || normalized === '0') {
    return false;
  }
  report(`${name} is invalid: "${value}" is not a boolean. Use true or false.`);
  return defaultValue;
}

const LANDING_PAGE_MODES: readonly LandingPageMode[] = ['sandbox', 'explorer', 'off'];

function readLandingPage(value: string | undefined, defaultValue: LandingPageMode, report: ReportIssue): LandingPageMode {
  if (isUnset(value)) {
    return defaultValue;
  }
  const normalized = value.trim().toLowerCase();
  const mode = LANDING_PAGE_MODES.find((candidate) => candidate === normalized);
  if (mode === undefined) {
    report(`LANDING_PAGE is invalid: "${value}" is not a landing page mode. Use sandbox, explorer or off.`);
    return defaultValue;
  }
  return mode;
}

function readExplorerPath(value: string | undefined, report: ReportIssue): string {
  const defaultPath = '/explorer';
  if (isUnset(value)) {
    return defaultPath;
  }
  const path = value.trim();
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(path)) {
    report(
      `EXPLORER_PATH is invalid: "${value}" must start with "/", have no trailing "/", and use only letters, digits and . _ ~ - in each segment, for example /explorer.`,
    );
    return defaultPath;
  }
  if (RESERVED_PATHS.has(path)) {
    report(`EXPLORER_PATH is invalid: "${value}" is already served by the gateway. Choose another path, for example /explorer.`);
    return defaultPath;
  }
  return path;
}

/** Reads a comma-separated origin list. Unlike the other variables, an empty value is an empty list, not the default. */
function readOriginList(name: string, value: string | undefined, defaultValue: string[], report: ReportIssue): string[] {
  if (value === undefined) {
    return defaultValue;
  }
  const origins: string[] = [];
  for (const entry of value.split(',')) {
    const candidate = entry.trim();
    if (candidate === '') {
      continue;
    }
    const origin = normalizeOrigin(candidate);
    if (origin === undefined) {
      report(
        `${name} is invalid: "${candidate}" is not an origin. Write each as scheme://host[:port] with http or https and no path, for example https://app.example.com. Wildcards are not accepted.`,
      );
      continue;
    }
    if (!origins.includes(origin)) {
      origins.push(origin);
    }
  }
  return origins;
}

/**
 * Returns the origin in the form browsers send in the `Origin` header (lowercase scheme
 * and host, default port dropped), or undefined when `candidate` is not an http(s)
 * origin without path, query, fragment or credentials.
 */
export function normalizeOrigin(candidate: string): string | undefined {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }

  const isHttp = url.protocol === 'http:' || url.protocol === 'https:';
  const isBareOrigin = /^https?:\/\/[^/?#*@]+\/?$/i.test(candidate);
  if (!isHttp || !isBareOrigin) {
    return undefined;
  }
  return url.origin;
}
