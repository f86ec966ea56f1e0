/**
 * The DS Data client as the gateway configures it. It lives apart from `app.ts` so that the
 * benchmark's baseline server can build the same client without loading the gateway.
 */
import type { AwsCredentialIdentity } from '@smithy/types';

import type { GatewayConfig } from './config/index.js';
import type { CallScheduler } from './ds-data/call-scheduler.js';
import { DirectoryServiceDataClient, type CallRecord } from './ds-data/index.js';

/** Credentials that the embedded emulator accepts. They never leave the machine. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;

/** Parts of the client that the configuration does not set. */
export interface UpstreamClientOptions {
  /** URL of the embedded emulator in local mode. The client then uses the emulator's local credentials. */
  readonly emulatorUrl?: string | undefined;
  /**
   * Fixed credentials in place of the AWS default chain, for an endpoint on this machine
   * (benchmarks). Without them, the chain may end at the instance metadata address.
   */
  readonly credentials?: AwsCredentialIdentity | undefined;
  readonly scheduler?: CallScheduler;
  readonly onCall?: (record: CallRecord) => void;
}

/**
 * Creates the DS Data client with the region, endpoint, retry and timeout settings of
 * `config`. The benchmark's baseline server calls it too, so that both run the same client.
 */
export function createUpstreamClient(config: GatewayConfig, options: UpstreamClientOptions = {}): DirectoryServiceDataClient {
  // Local mode pins the emulator's endpoint and credentials, so the developer's AWS
  // profiles, environment and instance metadata are never consulted.
  const endpoint = options.emulatorUrl ?? config.upstream.endpoint;
  const credentials = options.emulatorUrl ? LOCAL_CREDENTIALS : options.credentials;
  return new DirectoryServiceDataClient({
    region: config.upstream.region,
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    maxAttempts: config.upstream.maxAttempts,
    retryMode: config.upstream.retryMode,
    requestTimeout: config.upstream.requestTimeoutMs,
    connectionTimeout: config.upstream.connectionTimeoutMs,
    scheduler: options.scheduler,
    onCall: options.onCall,
  });
}

