/**
 * Wires the gateway together from its configuration: the DS Data client (pointed at AWS,
 * or at an emulator started in this process in local mode), the quota scheduler and the
 * HTTP server. `src/main.ts` runs it; integration tests call it directly.
 */
import type { AwsCredentialIdentity } from '@smithy/types';
import type { Logger } from 'pino';
import type { GatewayConfig } from './config/index.js';
import type { DirectoryServiceDataClient, CallRecord } from './ds-data/index.js';
import { createCallScheduler } from './ds-data/scheduler.js';
import type { EmulatorOptions, RunningEmulator } from './emulator/index.js';
import { createMetrics, type GatewayMetrics } from './http/metrics.js';
import { buildGateway, type Gateway, type GatewayOptions } from './http/server.js';
import { loadTracing } from './http/gateway-tracing.js';
import type { CallScheduler } from './ds-data/call-scheduler.js';
import { createUpstreamClient } from './upstream-client.js';

/** Request quotas the embedded emulator enforces, per edition (AWS's documented figures). */
const EMULATOR_QUOTAS = {
  standard: { readsPerSecond: 8, writesPerSecond: 4, maxConcurrent: 10 },
  enterprise: { readsPerSecond: 16, writesPerSecond: 8, maxConcurrent: 10 },
} as const;

export interface RunningApp {
  readonly gateway: Gateway;
  readonly metrics: GatewayMetrics;
  readonly client: DirectoryServiceDataClient;
  /** The embedded emulator in local mode; undefined against AWS. */
  readonly emulator: RunningEmulator | undefined;
  /** GraphQL endpoint URL, once `listen` has run. */
  readonly url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly listen?: boolean;
  /** Passed to the gateway (test authenticators, extra plugins). */
  readonly gateway?: Partial<Omit<GatewayOptions, 'config' | 'client' | 'logger'>>;
  /** Called for every AWS call (metrics, tests). */
  readonly onCall?: (record: CallRecord) => void;
  /** Local mode: options that override the embedded emulator's (seed, faults, clock in tests). */
  readonly emulator?: Partial<EmulatorOptions>;
  /** Fixed AWS credentials in place of the default chain, for an endpoint on this machine (benchmarks). Ignored in local mode. */
  readonly credentials?: AwsCredentialIdentity;
  /** Collect the process metrics of prom-client too; tests that start several gateways turn it off. */
  readonly collectProcessMetrics?: boolean;
}

/** Counts every throttled response for the metrics, then lets the scheduler pause the directory. */
function countingThrottles(scheduler: CallScheduler, metrics: GatewayMetrics): CallScheduler {
  return {
    schedule: (call, attempt) => scheduler.schedule(call, attempt),
    onThrottled(directoryId, retryAfterMs) {
      metrics.recordThrottle(directoryId);
      scheduler.onThrottled(directoryId, retryAfterMs);
    },
  };
}

/** Starts the gateway (and in local mode its emulator) for a loaded configuration. */
export async function startApp(config: GatewayConfig, logger: Logger, options: StartOptions = {}): Promise<RunningApp> {
  let emulator: RunningEmulator | undefined;
  if (config.mode === 'local') {
    // Loaded only in local mode, so a gateway in front of AWS does not keep the emulator in its heap.
    const { startEmulator } = await import('./emulator/index.js');
    emulator = await startEmulator({
      host: '127.0.0.1',
      port: config.emulator.port,
      quota: config.emulator.quota === 'off' ? false : EMULATOR_QUOTAS[config.emulator.quota],
      ...(config.emulator.stateFile ? { stateFile: config.emulator.stateFile } : {}),
      logger: logger.child({ component: 'emulator' }),
      ...options.emulator,
    });
  }

  const metrics = createMetrics({ collectDefault: options.collectProcessMetrics ?? true });
  const tracing = await loadTracing(config.security.tracing);
  const scheduler = countingThrottles(createCallScheduler({ ...config.scheduler, metrics: metrics.schedulerMetrics }), metrics);
  const onCall = (record: CallRecord) => {
    metrics.recordCall(record);
    tracing.recordCall(record);
    if (record.errorName || record.attempts > 1) {
      logger.info({ awsCall: record }, 'DS Data call needed attention');
    } else {
      logger.debug({ awsCall: record }, 'DS Data call');
    }
    options.onCall?.(record);
  };

  const client = createUpstreamClient(config, { emulatorUrl: emulator?.url, credentials: options.credentials, scheduler, onCall });
  const gateway = await buildGateway({ config, client, logger, metrics, tracing, ...options.gateway });
  const url = options.listen === false ? '' : await gateway.listen();

  return {
    gateway,
    metrics,
    client,
    emulator,
    url,
    async close() {
      await gateway.close();
      client.destroy();
      await emulator?.close();
    },
  };
}
