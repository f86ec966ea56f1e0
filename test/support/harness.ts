/**
 * Starts the whole product for an integration test: the gateway in local mode, with its
 * emulator in the same process, both on free loopback ports. Tests talk HTTP to the
 * gateway and read the emulator's recorded requests and state directly.
 */
import { Writable } from 'node:stream';
import { startApp, type RunningApp, type StartOptions } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { createLogger } from '../../src/logging.js';

export interface HarnessOptions extends StartOptions {
  /** Environment variables of the gateway, on top of the test defaults below. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface GraphQLResponse<Data = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: Data | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
}

export interface Harness {
  readonly app: RunningApp;
  readonly emulator: RunningEmulator;
  /** GraphQL endpoint, `http://127.0.0.1:PORT/graphql`. */
  readonly url: string;
  /** Every log line the gateway and its emulator wrote, as parsed JSON records. */
  readonly logLines: string[];
  /** Posts an operation to the gateway. */
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<Data>>;
  /** AWS calls the emulator has received since the last reset, by operation name. */
  awsCalls(): string[];
  resetCalls(): void;
  close(): Promise<void>;
}

/** Test defaults: random ports, no quota (tests about quotas turn it on), logs kept in memory. */
const TEST_ENV = {
  PORT: '0',
  EMULATOR_QUOTA: 'off',
  DS_DATA_QUOTA_SCHEDULER: 'off',
  RATE_LIMIT_PER_MINUTE: '0',
  LOG_LEVEL: 'info',
  NODE_ENV: 'development',
} as const;

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const config = loadConfig({ ...TEST_ENV, ...options.env });
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(...chunk.toString('utf8').split('\n').filter((line) => line.length > 0));
      callback();
    },
  });
  const logger = createLogger({ level: config.logLevel, destination });
  const app = await startApp(config, logger, { collectProcessMetrics: false, ...options, emulator: { ...options.emulator } });
  if (!app.emulator) {
    throw new Error('The harness runs in local mode; remove DS_DATA_ENDPOINT and AWS_REGION from its env.');
  }
  const emulator = app.emulator;

  return {
    app,
    emulator,
    url: app.url,
    logLines,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
      });
      const text = await response.text();
      let body: GraphQLResponse['body'];
      try {
        body = JSON.parse(text) as GraphQLResponse['body'];
      } catch {
        throw new Error(`The gateway answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
      }
      return { status: response.status, headers: response.headers, body: body as never };
    },
    awsCalls() {
      return emulator.requests.map((request) => request.operation ?? `${request.method} ${request.path}`);
    },
    resetCalls() {
      emulator.clearRequests();
    },
    close: () => app.close(),
  };
}
