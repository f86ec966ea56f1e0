/**
 * Gateway configuration, read from environment variables once at start-up.
 *
 * Local mode (the default) runs the embedded emulator with demo data; AWS mode is chosen
 * by setting a region and a directory id, or a DS Data endpoint URL. Every invalid
 * variable is reported at once, with its name, the rejected value and the fix. Only this
 * folder reads the environment; the AWS SDK's own providers read the standard AWS variables.
 */
import { parseBrowserConfig, type BrowserConfig, type ConfigVariable } from './browser.js';
import { parseSchedulerConfig, type SchedulerConfig } from './scheduler.js';
import { parseSecurityConfig, type GatewayMode, type SecurityConfig } from './security.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Directory id and realm of the demo directory that local mode serves. */
export const LOCAL_DIRECTORY_ID = 'd-1234567890';

export interface UpstreamConfig {
  /** AWS region for signing and endpoint resolution; `us-east-1` in local mode. */
  readonly region: string | undefined;
  /** Explicit DS Data endpoint; undefined lets the client resolve it from the region and the AWS variables. */
  readonly endpoint: string | undefined;
  readonly maxAttempts: number;
  readonly retryMode: 'standard' | 'adaptive';
  readonly requestTimeoutMs: number;
  readonly connectionTimeoutMs: number;
}

export interface EmulatorConfig {
  /** Port of the embedded emulator; 0 picks a free one. */
  readonly port: number;
  /** Quota the embedded emulator enforces, as AWS does: the Standard edition by default. */
  readonly quota: 'standard' | 'enterprise' | 'off';
  /** State file that keeps the emulator's data across restarts; off unless set. */
  readonly stateFile: string | undefined;
}

export interface GatewayConfig {
  readonly mode: GatewayMode;
  /** Development shows error details; production masks them. */
  readonly environment: 'development' | 'production';
  readonly host: string;
  readonly port: number;
  readonly directoryId: string;
  readonly logLevel: string;
  /** Key material for pagination cursors; random per process when unset. */
  readonly cursorSecret: string | undefined;
  readonly upstream: UpstreamConfig;
  readonly emulator: EmulatorConfig;
  readonly security: SecurityConfig;
  readonly browser: BrowserConfig;
  readonly scheduler: SchedulerConfig;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly issues: readonly string[]) {
    super(`Invalid configuration:\n- ${issues.join('\n- ')}`);
  }
}

export const GATEWAY_CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: 'HOST', description: 'Address the gateway listens on.', defaultValue: '127.0.0.1' },
  { name: 'PORT', description: 'Port the gateway listens on (0 to 65535; 0 picks a free port).', defaultValue: '4000' },
  {
    name: 'NODE_ENV',
    description: 'production masks error details and turns the landing page and introspection off by default.',
    defaultValue: 'development in local mode, production in AWS mode',
  },
  {
    name: 'DS_DATA_DIRECTORY_ID',
    description: 'Directory used when a request names none (d- and 10 hex digits). Setting it with a region selects AWS mode.',
    defaultValue: `${LOCAL_DIRECTORY_ID} (the demo directory) in local mode; required in AWS mode`,
  },
  {
    name: 'AWS_REGION',
    description: "The directory's primary region, for example us-east-1. With DS_DATA_DIRECTORY_ID it selects AWS mode.",
    defaultValue: 'unset (local mode)',
  },
  {
    name: 'DS_DATA_ENDPOINT',
    description:
      'DS Data endpoint URL, for example http://127.0.0.1:4010 for a separately started emulator. Selects AWS mode. AWS_ENDPOINT_URL_DIRECTORY_SERVICE_DATA and AWS_ENDPOINT_URL also work.',
    defaultValue: 'resolved from the region',
  },
  { name: 'DS_DATA_MAX_ATTEMPTS', description: 'Attempts per AWS call, first try included (1 to 10).', defaultValue: '3' },
  { name: 'DS_DATA_RETRY_MODE', description: 'AWS retry mode: standard or adaptive.', defaultValue: 'standard' },
  { name: 'DS_DATA_REQUEST_TIMEOUT_MS', description: 'Milliseconds to wait for an AWS response.', defaultValue: '5000' },
  { name: 'DS_DATA_CONNECT_TIMEOUT_MS', description: 'Milliseconds to wait for a connection to AWS.', defaultValue: '2000' },
  {
    name: 'CURSOR_SECRET',
    description:
      'Secret (16 or more characters) that encrypts pagination cursors. Set the same value on every replica so cursors work across them and across restarts.',
    defaultValue: 'random per process',
  },
  { name: 'LOG_LEVEL', description: 'pino log level: fatal, error, warn, info, debug or trace.', defaultValue: 'info' },
  { name: 'EMULATOR_PORT', description: 'Local mode: port of the embedded emulator (0 picks a free port).', defaultValue: '0' },
  {
    name: 'EMULATOR_QUOTA',
    description: 'Local mode: request quota the emulator enforces, as AWS does: standard, enterprise or off.',
    defaultValue: 'standard',
  },
  {
    name: 'EMULATOR_STATE_FILE',
    description: 'Local mode: JSON file that keeps the emulator data across restarts.',
    defaultValue: 'unset (the demo starts fresh every time)',
  },
];

class Reader {
  readonly issues: string[] = [];

  constructor(private readonly env: Env) {}

  text(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.text(name);
    if (raw === undefined) {
      return fallback;
    }
    const value = Number(raw);
    if (!/^[0-9]+$/.test(raw) || value < min || value > max) {
      this.issues.push(`${name}=${JSON.stringify(raw)} is invalid: set an integer from ${min} to ${max}, or unset it for ${fallback}.`);
      return fallback;
    }
    return value;
  }

  choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.text(name);
    if (raw === undefined) {
      return fallback;
    }
    if (!allowed.includes(raw as T)) {
      this.issues.push(`${name}=${JSON.stringify(raw)} is invalid: use one of ${allowed.join(', ')}.`);
      return fallback;
    }
    return raw as T;
  }
}

/** Runs a helper's parser and collects its issues instead of stopping at the first failure. */
function collect<T>(issues: string[], parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    const nested = (error as { issues?: unknown }).issues;
    if (Array.isArray(nested)) {
      issues.push(...nested.map(String));
    } else {
      issues.push(error instanceof Error ? error.message : String(error));
    }
    return undefined;
  }
}

/** Reads and validates the whole configuration; throws `ConfigError` listing every problem. */
export function loadConfig(env: Env): GatewayConfig {
  const reader = new Reader(env);

  const region = reader.text('AWS_REGION') ?? reader.text('AWS_DEFAULT_REGION');
  const endpoint = reader.text('DS_DATA_ENDPOINT');
  const givenDirectoryId = reader.text('DS_DATA_DIRECTORY_ID');
  const awsEndpointVariable = reader.text('AWS_ENDPOINT_URL_DIRECTORY_SERVICE_DATA') ?? reader.text('AWS_ENDPOINT_URL');
  const mode: GatewayMode =
    endpoint !== undefined || (region !== undefined && givenDirectoryId !== undefined) || (awsEndpointVariable !== undefined && givenDirectoryId !== undefined)
      ? 'aws'
      : 'local';

  if (givenDirectoryId !== undefined && !/^d-[0-9a-f]{10}$/.test(givenDirectoryId)) {
    reader.issues.push(
      `DS_DATA_DIRECTORY_ID=${JSON.stringify(givenDirectoryId)} is invalid: a directory id is "d-" followed by 10 lowercase hexadecimal digits, for example d-1234567890.`,
    );
  }
  if (mode === 'aws' && givenDirectoryId === undefined) {
    reader.issues.push(
      'DS_DATA_DIRECTORY_ID is missing: AWS mode (DS_DATA_ENDPOINT is set) needs the id of the directory to serve, for example d-1234567890.',
    );
  }
  if (mode === 'aws' && region === undefined && endpoint === undefined) {
    reader.issues.push('AWS_REGION is missing: set the directory\'s primary region, for example us-east-1.');
  }
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    reader.issues.push(`DS_DATA_ENDPOINT=${JSON.stringify(endpoint)} is invalid: give an http or https URL, for example https://ds-data.us-east-1.amazonaws.com.`);
  }

  const cursorSecret = reader.text('CURSOR_SECRET');
  if (cursorSecret !== undefined && cursorSecret.length < 16) {
    reader.issues.push('CURSOR_SECRET is too short: use 16 or more random characters (the value is not shown because it is a secret).');
  }

  const nodeEnv = reader.text('NODE_ENV');
  if (nodeEnv !== undefined && !['development', 'production', 'test'].includes(nodeEnv)) {
    reader.issues.push(`NODE_ENV=${JSON.stringify(nodeEnv)} is invalid: use development, production or test.`);
  }
  const host = reader.text('HOST') ?? '127.0.0.1';
  if (!/^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[?[0-9A-Fa-f:.]+\]?)$/.test(host)) {
    reader.issues.push(
      `HOST=${JSON.stringify(host)} is invalid: give an IP address or a host name, for example 127.0.0.1 or 0.0.0.0.`,
    );
  }
  const environment = nodeEnv === 'production' || (nodeEnv === undefined && mode === 'aws') ? 'production' : 'development';
  // The browser and security parsers read NODE_ENV too: give them the resolved value.
  const effectiveEnv: Env = { ...env, NODE_ENV: environment };

  const config = {
    mode,
    environment,
    host,
    port: reader.integer('PORT', 4000, 0, 65_535),
    directoryId: givenDirectoryId ?? LOCAL_DIRECTORY_ID,
    logLevel: reader.choice('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    cursorSecret,
    upstream: {
      region: region ?? (mode === 'local' ? 'us-east-1' : undefined),
      endpoint,
      maxAttempts: reader.integer('DS_DATA_MAX_ATTEMPTS', 3, 1, 10),
      retryMode: reader.choice('DS_DATA_RETRY_MODE', ['standard', 'adaptive'], 'standard'),
      requestTimeoutMs: reader.integer('DS_DATA_REQUEST_TIMEOUT_MS', 5000, 100, 120_000),
      connectionTimeoutMs: reader.integer('DS_DATA_CONNECT_TIMEOUT_MS', 2000, 100, 60_000),
    },
    emulator: {
      port: reader.integer('EMULATOR_PORT', 0, 0, 65_535),
      quota: reader.choice('EMULATOR_QUOTA', ['standard', 'enterprise', 'off'], 'standard'),
      stateFile: reader.text('EMULATOR_STATE_FILE'),
    },
    security: collect(reader.issues, () => parseSecurityConfig(effectiveEnv, mode)),
    browser: collect(reader.issues, () => parseBrowserConfig(effectiveEnv)),
    scheduler: collect(reader.issues, () => parseSchedulerConfig(effectiveEnv)),
  };

  if (reader.issues.length > 0) {
    throw new ConfigError(reader.issues);
  }
  return config as GatewayConfig;
}
