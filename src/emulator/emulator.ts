/**
 * The emulator core: served directories, credentials, clock, quotas, faults, idempotency,
 * page tokens and the request log. The HTTP front end in `server.ts` drives it.
 */
import type { OperationSpec } from '../ds-data/operations.js';
import type { DirectoryState } from './directory-state.js';
import { FaultInjector } from './faults.js';
import { IdempotencyStore } from './idempotency.js';
import { OPERATION_HANDLERS } from './operation-handlers.js';
import type { EmulatorOptions, RecordedRequest } from './options.js';
import { PageTokens } from './page-tokens.js';
import { writeStateFile } from './persistence.js';
import { QuotaEnforcer } from './quota.js';
import type { LoadedDirectory } from './seed.js';
import type { Credential } from './sigv4.js';

/** Default of `keepRequests`: how many of the latest requests the emulator keeps for inspection. */
export const MAX_RECORDED_REQUESTS = 10_000;

export const DEFAULT_CREDENTIALS: readonly Credential[] = [{ accessKeyId: 'test', secretAccessKey: 'test' }];

export class Emulator {
  readonly credentials: readonly Credential[];
  readonly clock: () => number;
  readonly faults: FaultInjector;
  readonly quota: QuotaEnforcer;
  /** Recorded requests, oldest first. The list grows to twice `keepRequests` before `trimRequests` cuts it to the limit. */
  readonly requests: RecordedRequest[] = [];
  readonly keepRequests: number;
  private readonly idempotency: IdempotencyStore;
  private readonly pageTokens = new PageTokens();
  private readonly latencyMs: EmulatorOptions['latencyMs'];
  private readonly stateFile: string | undefined;

  constructor(
    readonly directories: Map<string, LoadedDirectory>,
    options: EmulatorOptions,
  ) {
    this.credentials = options.credentials ?? DEFAULT_CREDENTIALS;
    this.clock = options.clock ?? Date.now;
    this.faults = new FaultInjector(options.faults);
    this.quota = new QuotaEnforcer(options.quota ?? {}, this.clock, (id) => directories.get(id)?.edition ?? 'standard');
    this.idempotency = new IdempotencyStore(this.clock);
    this.latencyMs = options.latencyMs;
    this.stateFile = options.stateFile;
    this.keepRequests = checkKeepRequests(options.keepRequests ?? MAX_RECORDED_REQUESTS);
  }

  /** Runs a validated request against a directory; write operations go through the idempotency store. */
  execute(operation: OperationSpec, directory: DirectoryState, input: Record<string, unknown>): Record<string, unknown> {
    const handler = OPERATION_HANDLERS[operation.name];
    const run = (): Record<string, unknown> =>
      handler({ operation: operation.name, directory, input, now: this.clock(), pageTokens: this.pageTokens });
    if (operation.readonly) {
      return run();
    }
    const result = this.idempotency.run(directory.directoryId, operation.name, input, run);
    this.saveState();
    return result;
  }

  /** Writes the state file, when one is configured. */
  saveState(): void {
    if (this.stateFile !== undefined) {
      writeStateFile(this.stateFile, this.directories);
    }
  }

  /** True when the emulator keeps requests, so that the server builds a recorded entry only then. */
  get recordsRequests(): boolean {
    return this.keepRequests > 0;
  }

  recordRequest(entry: RecordedRequest): void {
    if (this.keepRequests === 0) {
      return;
    }
    this.requests.push(entry);
    // A long-running emulator keeps only the latest requests, so the log cannot exhaust memory.
    // It trims once the list reaches twice the limit, not on every request, because removing
    // the oldest entry moves all the others (10,000 of them at the default limit).
    if (this.requests.length >= 2 * this.keepRequests) {
      this.trimRequests();
    }
  }

  /** Drops all but the latest `keepRequests` requests. */
  trimRequests(): void {
    if (this.requests.length > this.keepRequests) {
      this.requests.splice(0, this.requests.length - this.keepRequests);
    }
  }

  /** Waits the configured added latency, if any. */
  async delay(): Promise<void> {
    const latency = this.latencyMs;
    if (latency === undefined) {
      return;
    }
    const ms = typeof latency === 'number' ? latency : latency[0] + Math.random() * (latency[1] - latency[0]);
    if (ms > 0) {
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
  }
}

function checkKeepRequests(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    const valueText = typeof value === 'string' ? JSON.stringify(value) : String(value);
    throw new Error(`Invalid keepRequests ${valueText}: use a whole number of requests, 0 or more.`);
  }
  return value;
}
