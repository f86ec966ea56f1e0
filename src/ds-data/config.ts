/**
 * Configuration of the DS Data client, resolved the way AWS SDK users expect: explicit
 * settings first, then the standard AWS environment variables, then the shared config
 * profile. Nothing is read until the first call needs it, and a value passed in the config
 * is never looked up anywhere else (explicit credentials never start the default chain).
 */
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { loadConfig, memoize, type LoadedConfigSelectors } from '@smithy/core/config';
import {
  AdaptiveRetryStrategy,
  DEFAULT_MAX_ATTEMPTS,
  NODE_MAX_ATTEMPT_CONFIG_OPTIONS,
  NODE_RETRY_MODE_CONFIG_OPTIONS,
  StandardRetryStrategy,
} from '@smithy/core/retry';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Provider, RetryStrategyV2 } from '@smithy/types';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

import { UNSCHEDULED, type CallScheduler } from './call-scheduler.js';
import { parseEndpointUrl, resolveEndpoint } from './endpoints.js';
import type { OperationName } from './operations.js';

/** Record that the logging hook receives after each call: identifiers and timings, never input or output values. */
export interface CallRecord {
  operation: OperationName;
  directoryId: string;
  /** Status of the last HTTP response, absent when no response arrived (timeout, reset, abort). */
  httpStatusCode?: number;
  requestId?: string;
  /** HTTP attempts made, retries included; 0 when the call failed before sending anything. */
  attempts: number;
  totalRetryDelayMs: number;
  /** Time from the call's start to its end, retries and their waits included, in ms to 0.01 ms. */
  latencyMs: number;
  /** Error name (`ThrottlingException`, `TimeoutError`, ...) when the call failed. */
  errorName?: string;
}

export interface DirectoryServiceDataClientConfig {
  /** AWS Region of the directory. Default: `AWS_REGION`, then `region` of the shared config profile. */
  region?: string | Provider<string>;
  /** Credentials or a credential provider. Default: the AWS default credential provider chain. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /**
   * Endpoint URL that replaces the regional one, for example `http://127.0.0.1:4010` for the emulator.
   * Default: `AWS_ENDPOINT_URL_DIRECTORY_SERVICE_DATA`, then `AWS_ENDPOINT_URL`, then the
   * regional endpoint. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` disables the two variables.
   */
  endpoint?: string | URL;
  /** Use the FIPS endpoint. Default: `AWS_USE_FIPS_ENDPOINT`, then `use_fips_endpoint` of the profile, then false. */
  useFipsEndpoint?: boolean;
  /** Use the dual-stack endpoint. Default: `AWS_USE_DUALSTACK_ENDPOINT`, then `use_dualstack_endpoint`, then false. */
  useDualstackEndpoint?: boolean;
  /** HTTP attempts per call, the first one included. Default: `AWS_MAX_ATTEMPTS`, then `max_attempts`, then 3. */
  maxAttempts?: number;
  /** Retry mode. Default: `AWS_RETRY_MODE`, then `retry_mode`, then `standard`. */
  retryMode?: 'standard' | 'adaptive';
  /** A retry strategy that replaces the one built from `maxAttempts` and `retryMode`. */
  retryStrategy?: RetryStrategyV2;
  /** Milliseconds from sending a request to the start of the response before the attempt fails. Default: no limit. */
  requestTimeout?: number;
  /** Milliseconds allowed to open a TCP (and TLS) connection. Default: no limit. */
  connectionTimeout?: number;
  /** Sockets kept per host by the keep-alive pool. Default: 50. */
  maxSockets?: number;
  /** Shared config profile to read region and settings from. Default: `AWS_PROFILE`, then `default`. */
  profile?: string;
  /** Runs every HTTP attempt under the directory's request quota. Default: no scheduling. */
  scheduler?: CallScheduler;
  /** Receives one record per call after it ends. Must not throw; errors it throws are ignored. */
  onCall?: (record: CallRecord) => void;
}

/** The configuration after defaults are applied; providers are memoized and lazy. */
export interface ResolvedClientConfig {
  readonly apiVersion: string;
  readonly requestHandler: NodeHttpHandler;
  readonly region: Provider<string>;
  readonly credentials: AwsCredentialIdentityProvider;
  readonly endpoint: Provider<URL>;
  readonly retryStrategy: Provider<RetryStrategyV2>;
  readonly maxAttempts: Provider<number>;
  readonly requestTimeout: number | undefined;
  readonly scheduler: CallScheduler;
  readonly onCall: ((record: CallRecord) => void) | undefined;
}

const DEFAULT_MAX_SOCKETS = 50;

/** Idle time after which a pooled keep-alive socket is closed. */
const IDLE_SOCKET_TIMEOUT_MS = 60_000;

/** Refresh temporary credentials five minutes before they expire, as the AWS SDK does. */
const CREDENTIAL_REFRESH_WINDOW_MS = 5 * 60 * 1000;

export function resolveClientConfig(config: DirectoryServiceDataClientConfig, apiVersion: string): ResolvedClientConfig {
  checkConfigNumbers(config);
  const profileOptions = config.profile === undefined ? {} : { profile: config.profile };

  const region = resolveRegion(config, profileOptions);
  const maxAttempts =
    config.maxAttempts !== undefined
      ? async () => config.maxAttempts!
      : loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, profileOptions);

  return {
    apiVersion,
    requestHandler: createRequestHandler(config),
    region,
    credentials: resolveCredentials(config),
    endpoint: memoize(() => resolveEndpointUrl(config, region, profileOptions)),
    retryStrategy: memoize(() => createRetryStrategy(config, maxAttempts, profileOptions)),
    maxAttempts,
    requestTimeout: config.requestTimeout,
    scheduler: config.scheduler ?? UNSCHEDULED,
    onCall: config.onCall,
  };
}

function checkConfigNumbers(config: DirectoryServiceDataClientConfig): void {
  const limits: [keyof DirectoryServiceDataClientConfig, number][] = [
    ['maxAttempts', 1],
    ['requestTimeout', 0],
    ['connectionTimeout', 0],
    ['maxSockets', 1],
  ];
  for (const [name, min] of limits) {
    const value = config[name];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < min)) {
      throw new RangeError(
        `DirectoryServiceDataClient config ${name} is invalid: ${String(value)}; use an integer of at least ${min}.`,
      );
    }
  }
  if (config.retryMode !== undefined && config.retryMode !== 'standard' && config.retryMode !== 'adaptive') {
    throw new RangeError(
      `DirectoryServiceDataClient config retryMode is invalid: "${String(config.retryMode)}"; use "standard" or "adaptive".`,
    );
  }
}

const REGION_SELECTORS: LoadedConfigSelectors<string> = {
  environmentVariableSelector: (env) => env['AWS_REGION'] || undefined,
  configFileSelector: (profile) => profile['region'] || undefined,
  // NOTE: unlike recent AWS SDK releases, the instance-metadata region is never consulted,
  // so a missing region fails here instead of waiting on the metadata address.
  default: () => {
    throw new Error(
      'Region is missing: set `region` in the DirectoryServiceDataClient config, the AWS_REGION ' +
        'environment variable, or `region` in the shared config profile.',
    );
  },
};

function resolveRegion(config: DirectoryServiceDataClientConfig, profileOptions: { profile?: string }): Provider<string> {
  const configured = config.region;
  if (typeof configured === 'string') {
    return async () => configured;
  }
  if (typeof configured === 'function') {
    return memoize(configured);
  }
  return loadConfig(REGION_SELECTORS, profileOptions);
}

function resolveCredentials(config: DirectoryServiceDataClientConfig): AwsCredentialIdentityProvider {
  const configured = config.credentials;
  if (typeof configured === 'object') {
    return async () => configured;
  }
  const provider = configured ?? fromNodeProviderChain(config.profile === undefined ? {} : { profile: config.profile });
  return memoize(
    provider,
    (credentials) =>
      credentials.expiration !== undefined &&
      credentials.expiration.getTime() - Date.now() < CREDENTIAL_REFRESH_WINDOW_MS,
    (credentials) => credentials.expiration !== undefined,
  );
}

const ENDPOINT_URL_SELECTORS: LoadedConfigSelectors<string | undefined> = {
  environmentVariableSelector: (env) => {
    if (env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] === 'true') {
      return undefined;
    }
    return env['AWS_ENDPOINT_URL_DIRECTORY_SERVICE_DATA'] || env['AWS_ENDPOINT_URL'] || undefined;
  },
  // NOTE: `endpoint_url` and `services` sections of the shared config file are not read.
  configFileSelector: () => undefined,
  default: () => undefined,
};

function booleanSelectors(envName: string, profileKey: string): LoadedConfigSelectors<boolean> {
  const parse = (source: string, value: string | undefined): boolean | undefined => {
    if (value === undefined || value === '') {
      return undefined;
    }
    if (value === 'true' || value === 'false') {
      return value === 'true';
    }
    throw new Error(`${source} is invalid: "${value}"; use true or false.`);
  };
  return {
    environmentVariableSelector: (env) => parse(`Environment variable ${envName}`, env[envName]),
    configFileSelector: (profile) => parse(`Profile setting ${profileKey}`, profile[profileKey]),
    default: false,
  };
}

async function resolveEndpointUrl(
  config: DirectoryServiceDataClientConfig,
  region: Provider<string>,
  profileOptions: { profile?: string },
): Promise<URL> {
  const useFips =
    config.useFipsEndpoint ??
    (await loadConfig(booleanSelectors('AWS_USE_FIPS_ENDPOINT', 'use_fips_endpoint'), profileOptions)());
  const useDualStack =
    config.useDualstackEndpoint ??
    (await loadConfig(booleanSelectors('AWS_USE_DUALSTACK_ENDPOINT', 'use_dualstack_endpoint'), profileOptions)());

  const explicit =
    config.endpoint === undefined
      ? await loadConfig(ENDPOINT_URL_SELECTORS, profileOptions)()
      : String(config.endpoint);
  if (explicit !== undefined) {
    const { url } = resolveEndpoint({ Endpoint: explicit, UseFIPS: useFips, UseDualStack: useDualStack });
    return parseEndpointUrl(url.href);
  }
  return resolveEndpoint({ Region: await region(), UseFIPS: useFips, UseDualStack: useDualStack }).url;
}

async function createRetryStrategy(
  config: DirectoryServiceDataClientConfig,
  maxAttempts: Provider<number>,
  profileOptions: { profile?: string },
): Promise<RetryStrategyV2> {
  if (config.retryStrategy !== undefined) {
    return config.retryStrategy;
  }
  const mode = config.retryMode ?? (await loadConfig(NODE_RETRY_MODE_CONFIG_OPTIONS, profileOptions)());
  const attempts = (await maxAttempts()) ?? DEFAULT_MAX_ATTEMPTS;
  if (mode === 'adaptive') {
    return new AdaptiveRetryStrategy(attempts);
  }
  if (mode !== 'standard' && mode !== 'legacy') {
    throw new Error(`AWS_RETRY_MODE or retry_mode is invalid: "${mode}"; use standard or adaptive.`);
  }
  return new StandardRetryStrategy({ maxAttempts: attempts });
}

function createRequestHandler(config: DirectoryServiceDataClientConfig): NodeHttpHandler {
  const agentOptions = {
    keepAlive: true,
    maxSockets: config.maxSockets ?? DEFAULT_MAX_SOCKETS,
    // Closes pooled sockets idle this long. Setting it also makes the Node.js 20 agent honour
    // a server's `Keep-Alive: timeout=N` hint (it ignores the hint without an agent timeout),
    // so an idle socket is dropped before the server closes it and a call never reuses a
    // socket that is being closed.
    timeout: IDLE_SOCKET_TIMEOUT_MS,
  };
  return new NodeHttpHandler({
    httpAgent: new HttpAgent(agentOptions),
    httpsAgent: new HttpsAgent(agentOptions),
    ...(config.connectionTimeout === undefined ? {} : { connectionTimeout: config.connectionTimeout }),
    ...(config.requestTimeout === undefined ? {} : { requestTimeout: config.requestTimeout }),
    throwOnRequestTimeout: true,
  });
}
