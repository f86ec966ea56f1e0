/**
 * The gateway configuration the benchmarks run with, and the check that keeps every
 * benchmark server pointed at 127.0.0.1. The baseline server reads the same configuration
 * to build its DS Data client, so it imports this module instead of the gateway.
 */
import { loadConfig, type GatewayConfig } from '../src/config/index.js';
import { SUITE_DIRECTORY_ID } from './query-suite.js';

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

/** Loads the gateway configuration for an emulator (or recording proxy) at `endpoint`, with `env` on top of the defaults. */
export function loadBenchConfig(endpoint: string | undefined, env: Readonly<Record<string, string>> = {}): GatewayConfig {
  return loadConfig({ ...BENCH_ENV, ...env, DS_DATA_ENDPOINT: requireEndpoint(endpoint) });
}

/** Returns `endpoint` when its host is 127.0.0.1 and throws otherwise, so that no benchmark traffic leaves the machine. */
export function requireEndpoint(endpoint: string | undefined): string {
  if (endpoint === undefined || new URL(endpoint).hostname !== '127.0.0.1') {
    throw new Error(`The benchmark talks only to an emulator on 127.0.0.1, got endpoint ${endpoint ?? '(none)'}.`);
  }
  return endpoint;
}
