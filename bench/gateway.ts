/**
 * The gateway as the benchmarks run it: `startApp` from `src/app.ts`, as `npm start` runs it,
 * in AWS mode pointed at an emulator (or the recording proxy) on 127.0.0.1. Its credentials
 * are fixed here, as they are in the environment that `bench/lib/child.ts` gives every child,
 * so the AWS default chain never runs, even when a script imports this module directly.
 */
import { startApp } from '../src/app.js';
import { createLogger } from '../src/logging.js';
import { LOCAL_CREDENTIALS } from '../src/upstream-client.js';
import type { RunningServer } from './baselines.js';
import { loadBenchConfig } from './bench-config.js';

export interface BenchGatewayOptions {
  readonly endpoint: string;
  /** Variables on top of the benchmark defaults in `bench-config.ts`. */
  readonly env: Readonly<Record<string, string>>;
}

export async function startBenchGateway(options: BenchGatewayOptions): Promise<RunningServer> {
  const config = loadBenchConfig(options.endpoint, options.env);
  const logger = createLogger({ level: config.logLevel });
  const app = await startApp(config, logger, { credentials: LOCAL_CREDENTIALS });
  return { url: app.url, close: () => app.close() };
}
