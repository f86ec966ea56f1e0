/** Options and handles of a running emulator: the public types of `startEmulator`. */
import type { Logger } from 'pino';

import type { OperationName } from '../ds-data/operations.js';
import type { Credential } from './sigv4.js';
import type { DirectoryView } from './inspection.js';
import type { EmulatorSeed } from './seed.js';

/** Per-directory request limits. Rates are requests started per second; the defaults are the Standard edition figures. */
export interface QuotaOptions {
  readonly readsPerSecond?: number;
  readonly writesPerSecond?: number;
  /** Requests in flight at once per directory, reads and writes together. */
  readonly maxConcurrent?: number;
  /** Requests per second across all directories of the emulator (one AWS account). */
  readonly accountRequestsPerSecond?: number;
}

export type FaultKind = 'throttle' | 'internalError' | 'unavailable' | 'dropConnection';

/**
 * Faults injected before an operation runs. Rates are probabilities from 0 to 1 drawn per
 * request; `next` queues faults for the next requests in order, ahead of the rates.
 */
export interface FaultOptions {
  readonly throttleRate?: number;
  readonly internalErrorRate?: number;
  readonly unavailableRate?: number;
  readonly dropConnectionRate?: number;
  /** Faults for the next requests, one per request, consumed in order. */
  readonly next?: readonly FaultKind[];
  /** Limits injection to these operations; all operations when absent. */
  readonly operations?: readonly OperationName[];
  /** Random source in [0, 1) for the rates; `Math.random` by default. Tests pass a fixed sequence. */
  readonly random?: () => number;
}

export interface EmulatorOptions {
  /** Interface to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** TCP port; default 0, which picks a free port. */
  readonly port?: number;
  /** Accepted SigV4 credentials; default access key id `test` with secret `test`. */
  readonly credentials?: readonly Credential[];
  /** Directories to serve; default `demoSeed()`. Ignored when `stateFile` exists. */
  readonly seed?: EmulatorSeed;
  /** Request limits; default the Standard edition figures. `false` turns them off. */
  readonly quota?: false | QuotaOptions;
  readonly faults?: FaultOptions;
  /** Added latency per request in milliseconds: a fixed value or a [min, max] range. */
  readonly latencyMs?: number | readonly [number, number];
  /** Current time in epoch milliseconds; drives SigV4 skew checks, idempotency windows and quotas. */
  readonly clock?: () => number;
  /** JSON file that keeps directory data across restarts; off when absent. */
  readonly stateFile?: string;
  /**
   * Number of the latest requests that `requests` keeps for tests to inspect, 10,000 by default.
   * 0 keeps none, which spares a long load run the memory and garbage collection.
   */
  readonly keepRequests?: number;
  /** Request log; default a pino logger at `info` on stderr. `false` logs nothing. */
  readonly logger?: Logger | false;
}

/** One request as received, with the outcome. Headers include `authorization`: tests may read it, logs never do. */
export interface RecordedRequest {
  readonly requestId: string;
  /** Set when the path names a known operation. */
  readonly operation?: OperationName;
  readonly directoryId?: string;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** HTTP status sent; 0 when the connection was dropped on purpose. */
  readonly status: number;
  readonly errorName?: string;
  /** Epoch milliseconds from the emulator clock. */
  readonly receivedAt: number;
}

export interface RunningEmulator {
  /** Base URL, such as `http://127.0.0.1:4010`. */
  readonly url: string;
  readonly port: number;
  /**
   * A copy of the requests received so far, oldest first: only the latest `keepRequests`
   * (default 10,000). Read it again after more calls.
   */
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  /** A read-only view of one directory; throws when the emulator does not serve `id`. */
  directory(id: string): DirectoryView;
  setFaults(faults: FaultOptions): void;
  setQuota(quota: false | QuotaOptions): void;
  /** Stops listening, waits for requests in flight and writes the state file when one is set. */
  close(): Promise<void>;
}
