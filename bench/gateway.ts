/**
 * The gateway as the benchmarks run it: `startApp` from `src/app.ts`, as `npm start` runs it,
 * in AWS mode pointed at an emulator (or the recording proxy) on 127.0.0.1, with fixed local
 * credentials from the environment that `bench/lib/child.ts` gives every child.
 */
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config/index.js';
import { createLogger } from '../src/logging.js';
import { requireEndpoint, type RunningServer } from './baselines.js';
import { SUITE_DIRECTORY_ID } from './query-suite.js';

export interface BenchGatewayOptions {
  readonly endpoint: string;
  /** Variables on top of the benchmark defaults below. */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * Benchmark defaults. Authentication is off because no token issuer runs here, and the
 * per-subject rate limit is off because every benchmark request comes from one subject.
 * Logging stays at `info`, the production default, so its cost is part of the figures.
 */
const BENCH_ENV = {
  DS_DATA_DIRECTORY_ID: SUITE_DIRECTORY_ID,
  AWS_REGION: 'us-east-1',
  HOST: '127.0.0.1',
  PORT: '0',
  NODE_ENV: 'production',
  AUTH_MODE: 'off',
  RATE_LIMIT_PER_MINUTE: '0',
  LOG_LEVEL: 'info',
} as const;

export async function startBenchGateway(options: BenchGatewayOptions): Promise<RunningServer> {
  const config = loadConfig({ ...BENCH_ENV, ...options.env, DS_DATA_ENDPOINT: requireEndpoint(options.endpoint) });
  const logger = createLogger({ level: config.logLevel });
  const app = await startApp(config, logger);
  return { url: app.url, close: () => app.close() };
}
